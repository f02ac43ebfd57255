package eu.riscale.modelhub.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code modelhub} command line; the only place that calls {@link System#exit(int)}. */
public final class Main {
    private Main() {}

    /**
     * Runs the command line on the process's standard streams and exits with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String[] args) {
        // Hibernate Validator logs through jboss-logging, which would otherwise print INFO banners via JUL.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = ModelhubCommand.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
