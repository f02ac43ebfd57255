package eu.riscale.modelhub.spec.axis;

/** The kinds of axes, with the value of their {@code type} key. */
public enum AxisType {
    /** The batch axis. */
    BATCH("batch", "batch"),
    /** A channel axis. */
    CHANNEL("channel", "channel"),
    /** An index axis. */
    INDEX("index", "index"),
    /** A time axis. */
    TIME("time", "time"),
    /** A space axis. */
    SPACE("space", "x");

    private final String id;
    private final String defaultId;

    AxisType(String id, String defaultId) {
        this.id = id;
        this.defaultId = defaultId;
    }

    /** {@return the id an axis of this type has when none is given, for example {@code "x"} for space} */
    public String defaultId() {
        return defaultId;
    }

    /** {@return the value of the {@code type} key, for example {@code "space"}} */
    public String id() {
        return id;
    }
}
