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

    /**
     * Checks an axis id given to a builder of an axis of this type: only the batch axis may be {@code batch}, and
     * {@code b} is not allowed elsewhere either, since the reference reads the single letter as {@code batch}.
     *
     * @param id the axis id
     * @return {@code id}
     * @throws NullPointerException if {@code id} is {@code null}
     * @throws IllegalArgumentException if {@code id} names the batch axis on an axis of another type
     */
    public String checkId(String id) {
        java.util.Objects.requireNonNull(id, "id");
        if (this != BATCH && (id.equals("batch") || id.equals("b"))) {
            throw new IllegalArgumentException("id: only the batch axis may have the id 'batch', found '" + id + "'"
                    + (id.equals("b") ? " (read as 'batch')" : "") + " on a " + this.id + " axis");
        }
        return id;
    }

    /** {@return the value of the {@code type} key, for example {@code "space"}} */
    public String id() {
        return id;
    }
}
