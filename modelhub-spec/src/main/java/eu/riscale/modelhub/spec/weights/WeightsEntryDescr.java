package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.common.Author;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of {@link WeightsDescr}: the weights in one format. */
public sealed interface WeightsEntryDescr
        permits KerasHdf5WeightsDescr,
                KerasV3WeightsDescr,
                OnnxWeightsDescr,
                PytorchStateDictWeightsDescr,
                TensorflowJsWeightsDescr,
                TensorflowSavedModelBundleWeightsDescr,
                TorchscriptWeightsDescr {
    /** {@return the format of these weights} */
    WeightsFormat format();

    /** {@return the weights file, a relative path or URL} */
    String source();

    /** {@return the SHA-256 of the weights file, or {@code null}} */
    @Nullable
    String sha256();

    /** {@return the authors of this entry} */
    List<Author> authors();

    /** {@return the format these weights were converted from, or {@code null}} */
    @Nullable
    WeightsFormat parent();

    /** {@return the comment, empty when not given} */
    String comment();
}
