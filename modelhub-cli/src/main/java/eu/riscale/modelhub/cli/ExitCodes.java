package eu.riscale.modelhub.cli;

/** The exit codes of every {@code modelhub} command. */
public final class ExitCodes {
    /** Success: everything valid or passed. */
    public static final int OK = 0;

    /** The input was read but is invalid, or a test failed. */
    public static final int FAILED = 1;

    /** Usage error or unreadable input (missing file, malformed source). */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
