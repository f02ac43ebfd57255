package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stand-in for inference in tests of the orchestration: for the test inputs it answers the test outputs (changed
 * by {@code change}); for any other input it answers the first input under each output's axis ids, which has the
 * described shape for single-input models whose outputs mirror the input.
 */
public final class FakeBackend implements InferenceBackend {
    private final Set<WeightsFormat> runnable;
    private final UnaryOperator<Tensor> change;
    private final AtomicInteger predictions = new AtomicInteger();
    /** What blockwise sessions do to the whole-sample answer; {@code null}: the backend does not predict in blocks. */
    @org.jspecify.annotations.Nullable
    UnaryOperator<Tensor> blockChange;

    int blockwiseSizeParameter = -1;

    /** The formats of each {@link #prepare} call, in order. */
    final List<Set<WeightsFormat>> prepared = new ArrayList<>();

    /**
     * Makes the stand-in.
     *
     * @param runnable the formats it claims to run
     * @param change what it does to the test outputs
     */
    public FakeBackend(Set<WeightsFormat> runnable, UnaryOperator<Tensor> change) {
        this.runnable = runnable;
        this.change = change;
    }

    /** {@return how many predictions it made} */
    public int predictions() {
        return predictions.get();
    }

    @Override
    public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
        return runnable.contains(format) ? Optional.empty() : Optional.of("no engine for " + format.id() + " here");
    }

    @Override
    public void prepare(Set<WeightsFormat> formats) {
        prepared.add(Set.copyOf(formats));
    }

    @Override
    public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
        Map<String, Tensor> testInputs = ModelTests.testInputs(model, root);
        return new Session() {
            @Override
            public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                predictions.incrementAndGet();
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (OutputTensorDescr o : model.outputs()) {
                    if (inputs.equals(testInputs)) {
                        out.put(o.id(), change.apply(ModelTests.readTensor(root, o.testTensor(), o.axes())));
                    } else {
                        Tensor first = inputs.values().iterator().next();
                        out.put(
                                o.id(),
                                first.withAxes(
                                        o.axes().stream().map(a -> a.id()).toList()));
                    }
                }
                return out;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Session openBlockwise(ModelDescr model, ResourceRoot root, WeightsFormat format, int sizeParameter)
            throws IOException {
        UnaryOperator<Tensor> blocks = blockChange;
        if (blocks == null) {
            return InferenceBackend.super.openBlockwise(model, root, format, sizeParameter);
        }
        blockwiseSizeParameter = sizeParameter;
        Session whole = open(model, root, format);
        return new Session() {
            @Override
            public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                Map<String, Tensor> out = new LinkedHashMap<>();
                whole.predict(inputs).forEach((id, t) -> out.put(id, blocks.apply(t)));
                return out;
            }

            @Override
            public void close() {}
        };
    }

    static List<String> ids(Map<String, Tensor> m) {
        return List.copyOf(m.keySet());
    }
}
