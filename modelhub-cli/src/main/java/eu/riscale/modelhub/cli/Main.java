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
        // Hibernate Validator announces its version through jboss-logging at INFO; route it to slf4j-simple and keep
        // only its warnings, so that stderr carries diagnostics about the user's input only
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (System.getProperty("org.slf4j.simpleLogger.log.org.hibernate.validator") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.hibernate.validator", "warn");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = ModelhubCommand.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
