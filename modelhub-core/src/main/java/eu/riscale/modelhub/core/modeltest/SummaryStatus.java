package eu.riscale.modelhub.core.modeltest;

/** The overall outcome of testing a model, as in the reference implementation. */
public enum SummaryStatus {
    /** The description or its files are invalid (a {@code format} or {@code io} detail failed). */
    FAILED("failed"),
    /** The description and files are valid, but a dynamic test failed or none could run. */
    VALID_FORMAT("valid-format"),
    /** Everything that ran passed, and at least one weights format reproduced the test outputs. */
    PASSED("passed");

    private final String id;

    SummaryStatus(String id) {
        this.id = id;
    }

    /** {@return the wire id: {@code failed}, {@code valid-format} or {@code passed}} */
    public String id() {
        return id;
    }
}
