package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.packaging.HashUpdater;
import eu.riscale.modelhub.core.resource.ResourceException;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub update-hashes SOURCE [-o OUT]}: fills in or fixes every sha256 of a description. The YAML goes to
 * stdout, or atomically to {@code OUT}; each change is listed on stderr. Exit 0 when written, 1 when a referenced file
 * cannot be read or the description is of format 0.3/0.4 (convert it with {@code update-format} first; nothing
 * written), 2 for usage errors and unreadable sources.
 */
@Command(
        name = "update-hashes",
        mixinStandardHelpOptions = true,
        description = {
            "Fill in or fix the sha256 values of a description. Writes the YAML to stdout, or with -o to OUT"
                    + " (atomically; keep OUT next to the files, as sources stay relative). Changes are listed on"
                    + " stderr. Format 0.5 only: convert 0.3/0.4 descriptions with update-format first.",
        })
final class UpdateHashesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verboseOption = new VerboseOption();

    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "A description file, a folder, a zip package or an http(s) URL.")
    String source = "";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "Write the description here instead of stdout.")
    @Nullable
    Path output;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            LoadResult loaded = ModelSource.load(root);
            if (loaded.converted() && loaded.model() != null) {
                // writing the description back would convert it to 0.5 on the way; that is update-format's job
                err.println("error: " + loaded.source() + " has format_version " + loaded.declaredFormatVersion()
                        + ", but update-hashes works on format 0.5 only: run 'modelhub update-format' on it first");
                err.flush();
                return ExitCodes.FAILED;
            }
            ModelDescr model = loaded.requireModel();
            ModelDescr updated;
            try {
                updated = HashUpdater.update(model, root);
            } catch (ResourceException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCodes.FAILED;
            }
            reportChanges(FileReferences.of(model), FileReferences.of(updated), err);
            Path target = output;
            if (target == null) {
                out.print(Descriptions.toYaml(updated));
            } else {
                Descriptions.write(updated, target);
                err.println("wrote " + target.toAbsolutePath());
            }
            out.flush();
            err.flush();
            return ExitCodes.OK;
        }
    }

    private static void reportChanges(List<FileReference> before, List<FileReference> after, PrintWriter err) {
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            FileReference b = before.get(i);
            FileReference a = after.get(i);
            if (Objects.equals(b.sha256(), a.sha256())) {
                continue;
            }
            changed++;
            if (b.sha256() == null) {
                err.println("filled " + a.location().key("sha256") + ": " + a.sha256());
            } else {
                err.println("fixed " + a.location().key("sha256") + ": " + b.sha256() + " -> " + a.sha256());
            }
        }
        if (changed == 0) {
            err.println("every sha256 was correct");
        }
    }
}
