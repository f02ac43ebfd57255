package eu.riscale.modelhub.cli;

/** Entry point of the {@code modelhub} command line. */
public final class Main {
    private Main() {}

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String[] args) {
        System.exit(0);
    }
}
