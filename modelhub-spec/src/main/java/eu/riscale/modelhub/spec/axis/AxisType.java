package eu.riscale.modelhub.spec.axis;

/** The kinds of axes, with the value of their {@code type} key. */
public enum AxisType {
    /** The batch axis. */
    BATCH("batch"),
    /** A channel axis. */
    CHANNEL("channel"),
    /** An index axis. */
    INDEX("index"),
    /** A time axis. */
    TIME("time"),
    /** A space axis. */
    SPACE("space");

    private final String id;

    AxisType(String id) {
        this.id = id;
    }

    /** {@return the value of the {@code type} key, for example {@code "space"}} */
    public String id() {
        return id;
    }
}
