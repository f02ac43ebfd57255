package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.authoring.HubReview;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code modelhub review [--json] SOURCE}: reviews how ready a model is for the hub (beyond validity) and prints the
 * findings with their location, level, message and suggestion. Exit 0 when nothing blocks, 1 when a finding is a
 * blocker, 2 for usage errors and unreadable sources.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "Review hub readiness: name, tags, links to consumer software, covers, documentation, citations,"
                + " test tensors, maintainers, license and package files. Separate from validation; exit 1 when a"
                + " finding is a blocker.")
final class ReviewCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            description = "Print one JSON object: source, ready, findings (loc, level, message, suggestion),"
                    + " suggested_tags.")
    boolean json;

    @Mixin
    VerboseOption verboseOption = new VerboseOption();

    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "A description file, a folder, a zip package or an http(s) URL.")
    String source = "";

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Diagnostic> findings;
        List<String> tags;
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            ModelDescr model = ModelSource.read(root, spec.commandLine().getErr());
            findings = HubReview.review(model, root);
            tags = HubReview.suggestedTags(model);
        }
        boolean ready = findings.stream().noneMatch(f -> f.isError());
        if (json) {
            out.println(JSON.writeValueAsString(toJson(ready, findings, tags)));
        } else {
            long blockers = findings.stream().filter(f -> f.isError()).count();
            out.println(source + ": " + (ready ? "ready" : "not ready") + ", " + blockers
                    + (blockers == 1 ? " blocker, " : " blockers, ") + findings.size()
                    + (findings.size() == 1 ? " finding" : " findings"));
            for (Diagnostic f : findings) {
                out.println("  " + HubReview.level(f) + " " + f.loc() + ": " + f.message());
                out.println("    -> " + f.suggestion());
            }
            out.println("  suggested tags: " + String.join(", ", tags));
        }
        out.flush();
        return ready ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private ObjectNode toJson(boolean ready, List<Diagnostic> findings, List<String> tags) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", source);
        node.put("ready", ready);
        ArrayNode array = node.putArray("findings");
        for (Diagnostic f : findings) {
            ObjectNode o = array.addObject();
            o.put("loc", f.loc());
            o.put("level", HubReview.level(f));
            o.put("message", f.message());
            o.put("suggestion", f.suggestion());
        }
        ArrayNode t = node.putArray("suggested_tags");
        tags.forEach(t::add);
        return node;
    }
}
