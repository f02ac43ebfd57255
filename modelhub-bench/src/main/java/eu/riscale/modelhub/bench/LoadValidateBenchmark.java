package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.validation.SourceReport;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Load + validate throughput over the conformance corpus: parse the YAML, convert 0.3/0.4, bind and run every format
 * rule ({@link SourceValidation#validateFormat}), one description per operation, all files read into memory first;
 * and the format rules alone on already bound descriptions ({@code validateOnly}).
 *
 * <p>Run: {@code java -jar modelhub-bench/target/benchmarks.jar LoadValidate -f 1 -wi 2 -i 3}. The corpus is found
 * through the system property {@code modelhub.corpus} or at {@code ../shared/conformance/corpus} relative to the working
 * directory or its parent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LoadValidateBenchmark {
    /** Which files: {@code all} of the corpus or only those declaring format {@code 0.5}. */
    @Param({"all", "0.5"})
    public String files;

    private final List<byte[]> documents = new ArrayList<>();
    private final List<ModelDescr> models = new ArrayList<>();
    private int next;
    private int nextModel;

    /**
     * Reads the corpus files into memory.
     *
     * @throws IOException if the corpus cannot be read
     */
    @Setup(Level.Trial)
    public void readCorpus() throws IOException {
        Path corpus = corpus();
        try (Stream<Path> paths = Files.list(corpus)) {
            for (Path p : paths.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                if (files.equals("all")
                        || new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                .contains("format_version: " + files)) {
                    documents.add(bytes);
                }
            }
        }
        for (byte[] doc : documents) {
            SourceValidation.validateFormat(doc, "corpus").modelIfBound().ifPresent(models::add);
        }
        if (documents.isEmpty() || models.isEmpty()) {
            throw new IllegalStateException("no corpus files selected in " + corpus);
        }
    }

    private static Path corpus() {
        String property = System.getProperty("modelhub.corpus");
        if (property != null) {
            return Path.of(property);
        }
        for (String candidate : new String[] {"../shared/conformance/corpus", "../../shared/conformance/corpus"}) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException(
                "conformance corpus not found; set -Dmodelhub.corpus=/path/to/shared/conformance/corpus"));
    }

    /**
     * Loads and validates the next description of the corpus.
     *
     * @param bh sink for the report
     */
    @Benchmark
    public void loadAndValidate(Blackhole bh) {
        byte[] doc = documents.get(next);
        next = next + 1 == documents.size() ? 0 : next + 1;
        SourceReport report = SourceValidation.validateFormat(doc, "corpus");
        bh.consume(report);
    }

    /**
     * Validates the next already bound description (format rules only, no parsing).
     *
     * @param bh sink for the report
     */
    @Benchmark
    public void validateOnly(Blackhole bh) {
        ModelDescr model = models.get(nextModel);
        nextModel = nextModel + 1 == models.size() ? 0 : nextModel + 1;
        bh.consume(ModelValidation.validate(model));
    }
}
