/** The {@code modelhub} command line; it exports nothing (run it, see docs/cli.md). */
module eu.riscale.modelhub.cli {
    requires eu.riscale.modelhub.core;
    requires info.picocli;
    requires tools.jackson.databind;
    requires static org.jspecify;

    opens eu.riscale.modelhub.cli to
            info.picocli;
}
