package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command set is complete and its shared options are consistent (docs/cli.md). */
class CommandSetTest {
    private static final List<String> COMMANDS = List.of(
            "validate",
            "test",
            "predict",
            "package",
            "update-format",
            "update-hashes",
            "card",
            "covers",
            "review",
            "upload");

    @Test
    void everyCommandOfTheIssueIsThere() {
        CommandLine cl =
                ModelhubCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(cl.getSubcommands().keySet()).containsAll(COMMANDS);
    }

    @Test
    void everyCommandTakesTheNetworkOptionsAndVerbose() {
        for (String command : COMMANDS) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).as(command).contains("--offline", "--cache-dir=DIR", "--verbose");
        }
    }
}
