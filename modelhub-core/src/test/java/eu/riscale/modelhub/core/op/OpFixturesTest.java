package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every op, kwargs form, dtype group and axes choice against numpy reference outputs (manifest.json written by
 * src/test/python/generate_op_fixtures.py), run through a {@link ProcessingChain} so that statistics are computed as in
 * real use. Kwargs are mapped the way bioimageio.core does (eps of scale_range and zero_mean_unit_variance ignored).
 */
class OpFixturesTest {
    static Stream<Arguments> cases() throws IOException {
        JsonNode root = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Fixtures.dir("ops").resolve("manifest.json")));
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("name").asString(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(String name, JsonNode c) {
        List<String> axes = strings(c.get("axes"));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> in : c.get("inputs").properties()) {
            Tensor t = Fixtures.read(in.getValue().asString(), null);
            tensors.put(in.getKey(), t.withAxes(axes.subList(0, t.ndim())));
        }
        Op op = op(c.get("op").asString(), c.get("kwargs"));
        ProcessingChain chain = ProcessingChain.builder().add("x", op).build();
        Tensor actual = chain.apply(Sample.of(tensors)).tensor("x");
        Tensor expected = Fixtures.read(c.get("expected").asString(), null);
        Fixtures.assertClose(
                actual, expected, c.get("exact").asBoolean(), c.get("tolerance").asDouble(), name);
    }

    static Op op(String id, JsonNode kw) {
        switch (id) {
            case "binarize":
                return kw.get("threshold").isArray()
                        ? Binarize.alongAxis(kw.get("axis").asString(), doubles(kw.get("threshold")))
                        : Binarize.of(kw.get("threshold").asDouble());
            case "clip":
                return Clip.of(
                        num(kw, "min"), num(kw, "min_percentile"), num(kw, "max"), num(kw, "max_percentile"), axes(kw));
            case "ensure_dtype":
                return EnsureDtype.of(DType.fromId(kw.get("dtype").asString()).orElseThrow());
            case "fixed_zero_mean_unit_variance":
                return kw.has("axis")
                        ? FixedZeroMeanUnitVariance.alongAxis(
                                kw.get("axis").asString(), doubles(kw.get("mean")), doubles(kw.get("std")))
                        : FixedZeroMeanUnitVariance.of(
                                kw.get("mean").asDouble(), kw.get("std").asDouble());
            case "scale_linear":
                return kw.has("axis")
                        ? ScaleLinear.alongAxis(
                                kw.get("axis").asString(), doubles(kw.get("gain")), doubles(kw.get("offset")))
                        : ScaleLinear.of(
                                kw.get("gain").asDouble(), kw.get("offset").asDouble());
            case "scale_range":
                return ScaleRange.percentiles(
                        kw.get("min_percentile").asDouble(),
                        kw.get("max_percentile").asDouble(),
                        axes(kw),
                        kw.has("reference_tensor") ? kw.get("reference_tensor").asString() : null);
            case "sigmoid":
                return Sigmoid.of();
            case "softmax":
                return Softmax.along(kw.get("axis").asString());
            case "zero_mean_unit_variance":
                return ZeroMeanUnitVariance.over(axes(kw));
            case "scale_mean_variance":
                return ScaleMeanVariance.of(
                        kw.get("reference_tensor").asString(),
                        axes(kw),
                        kw.get("eps").asDouble());
            default:
                throw new AssertionError(id);
        }
    }

    private static Double num(JsonNode kw, String f) {
        return kw.has(f) && !kw.get(f).isNull() ? kw.get(f).asDouble() : null;
    }

    private static Set<String> axes(JsonNode kw) {
        JsonNode a = kw.get("axes");
        return a == null || a.isNull() ? null : new LinkedHashSet<>(strings(a));
    }

    private static List<String> strings(JsonNode a) {
        List<String> s = new ArrayList<>();
        a.forEach(n -> s.add(n.asString()));
        return s;
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
