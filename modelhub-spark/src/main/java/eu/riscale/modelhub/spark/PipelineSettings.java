package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The part of {@link PredictionOptions} that travels to executors (options hold listeners, which do not serialize).
 * Equal settings of one package share one loaded model per JVM.
 *
 * @param weightsPriority the formats to try in order; empty for the fastest-first default
 * @param blockShape block sizes by axis id; empty for automatic tiling
 * @param memoryBudget the bytes of input elements per network call in automatic tiling
 * @param gpu whether to use the first GPU when the engine reports one
 */
record PipelineSettings(
        List<WeightsFormat> weightsPriority, Map<String, Integer> blockShape, long memoryBudget, boolean gpu)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    PipelineSettings {
        weightsPriority = List.copyOf(weightsPriority);
        blockShape = Map.copyOf(blockShape);
    }

    /** {@return the options of a pipeline with these settings} */
    PredictionOptions options() {
        return PredictionOptions.of(b -> {
            if (!weightsPriority.isEmpty()) {
                b.weightsPriority(weightsPriority);
            }
            b.tiling(blockShape.isEmpty() ? Tiling.auto() : Tiling.blockShape(blockShape));
            b.memoryBudget(memoryBudget);
            b.gpu(gpu);
        });
    }
}
