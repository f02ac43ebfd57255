package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.validation.SourceReport;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.core.validation.ValidationOptions;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * {@code modelhub validate [--json] [--no-io] SOURCE...}: validates each source (description file, folder, zip or
 * http(s) URL) and prints one verdict per source to stdout.
 *
 * <p>Exit code {@link ExitCodes#OK} when every source is valid, {@link ExitCodes#FAILED} when any is invalid or not a
 * description, {@link ExitCodes#USAGE} for usage errors or a source that cannot be read at all.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Validate model descriptions (format 0.5; 0.3/0.4 are converted first).")
final class ValidateCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            description = "Print one JSON object per line and source: source, status, format_version, type, errors,"
                    + " warnings.")
    boolean json;

    @Option(names = "--no-io", description = "Check the format only: read no file other than the description itself.")
    boolean noIo;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Mixin
    VerboseOption verboseOption = new VerboseOption();

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "A description file, folder, zip or http(s) URL.")
    List<String> sources;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ValidationOptions options =
                ValidationOptions.defaults().withIoChecks(!noIo).withSettings(sourceOptions.settings());
        int exit = ExitCodes.OK;
        for (SourceReport report : (Iterable<SourceReport>) () -> validateInOrder(options)) {
            if (json) {
                out.println(JSON.writeValueAsString(toJson(report)));
            } else {
                printHuman(out, report);
            }
            if (!report.readable()) {
                exit = ExitCodes.USAGE;
            } else if (!report.isValid() && exit == ExitCodes.OK) {
                exit = ExitCodes.FAILED;
            }
        }
        out.flush();
        return exit;
    }

    /**
     * Validates the sources on all cores, a bounded number ahead of the one printed, and hands the reports back in the
     * order of the sources. Unexpected errors surface as they would from a sequential loop.
     */
    private Iterator<SourceReport> validateInOrder(ValidationOptions options) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), sources.size());
        if (threads < 2) {
            return sources.stream()
                    .map(source -> SourceValidation.validate(source, options))
                    .iterator();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "modelhub-validate");
            t.setDaemon(true);
            return t;
        });
        Iterator<String> pending = sources.iterator();
        Deque<Future<SourceReport>> ahead = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending.hasNext() || !ahead.isEmpty()) {
                    return true;
                }
                pool.shutdown();
                return false;
            }

            @Override
            public SourceReport next() {
                while (pending.hasNext() && ahead.size() < 4 * threads) {
                    String source = pending.next();
                    ahead.add(pool.submit(() -> SourceValidation.validate(source, options)));
                }
                Future<SourceReport> first = ahead.remove();
                try {
                    return first.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("validation interrupted", e);
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    if (e.getCause() instanceof Error) {
                        throw (Error) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        };
    }

    private static void printHuman(PrintWriter out, SourceReport report) {
        StringBuilder head = new StringBuilder(report.source())
                .append(": ")
                .append(report.status().jsonName());
        if (report.declaredFormatVersion() != null) {
            head.append(" (format ").append(report.declaredFormatVersion());
            if (report.declaredType() != null) {
                head.append(", ").append(report.declaredType());
            }
            head.append(')');
        }
        head.append(", ")
                .append(report.errors().size())
                .append(report.errors().size() == 1 ? " error, " : " errors, ")
                .append(report.warnings().size())
                .append(report.warnings().size() == 1 ? " warning" : " warnings");
        out.println(head);
        report.errors().forEach(i -> out.println("  " + i));
        report.warnings().forEach(i -> out.println("  " + i));
    }

    private static ObjectNode toJson(SourceReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", report.source());
        node.put("status", report.status().jsonName());
        node.put("format_version", report.declaredFormatVersion());
        node.put("type", report.declaredType());
        node.set("errors", issues(report.errors()));
        node.set("warnings", issues(report.warnings()));
        return node;
    }

    private static ArrayNode issues(List<Diagnostic> issues) {
        ArrayNode array = JSON.createArrayNode();
        for (Diagnostic i : issues) {
            ObjectNode o = array.addObject();
            o.put("loc", i.loc());
            o.put("msg", i.message());
            if (!i.isError()) {
                o.put("severity", i.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return array;
    }
}
