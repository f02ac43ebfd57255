package eu.riscale.modelhub.spec.tensor;

import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's implicit processing rules (A.4): the {@code ensure_dtype} steps it inserts at the start and end of
 * processing chains. Used by {@link InputTensorDescr#effectivePreprocessing()} and {@link
 * OutputTensorDescr#effectivePostprocessing()}.
 */
final class ImplicitProcessing {
    private ImplicitProcessing() {}

    /** {@return the declared data type: that of the description, or of the first channel for per-channel data} */
    static DType dtype(TensorData data) {
        return data instanceof PerChannelData
                ? ((PerChannelData) data).channels().get(0).type()
                : ((TensorDataDescr) data).type();
    }

    static List<PreprocessingDescr> preprocessing(List<PreprocessingDescr> declared, TensorData data) {
        EnsureDtypeDescr ensure = new EnsureDtypeDescr(new EnsureDtypeKwargs(dtype(data)));
        List<PreprocessingDescr> steps = new ArrayList<>(declared.size() + 2);
        if (declared.isEmpty() || !(declared.get(0) instanceof EnsureDtypeDescr)) {
            steps.add(ensure);
        }
        steps.addAll(declared);
        PreprocessingDescr last = steps.get(steps.size() - 1);
        if (!(last instanceof EnsureDtypeDescr || last instanceof BinarizeDescr)) {
            steps.add(ensure);
        }
        return List.copyOf(steps);
    }

    static List<PostprocessingDescr> postprocessing(List<PostprocessingDescr> declared, TensorData data) {
        List<PostprocessingDescr> steps = new ArrayList<>(declared.size() + 1);
        steps.addAll(declared);
        if (steps.isEmpty()
                || !(steps.get(steps.size() - 1) instanceof EnsureDtypeDescr
                        || steps.get(steps.size() - 1) instanceof BinarizeDescr)) {
            steps.add(new EnsureDtypeDescr(new EnsureDtypeKwargs(dtype(data))));
        }
        return List.copyOf(steps);
    }
}
