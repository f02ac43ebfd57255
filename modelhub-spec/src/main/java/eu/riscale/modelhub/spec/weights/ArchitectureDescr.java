package eu.riscale.modelhub.spec.weights;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The network architecture of PyTorch state-dict weights: from a source file or from an installed library. */
public sealed interface ArchitectureDescr permits ArchitectureFromFileDescr, ArchitectureFromLibraryDescr {
    /** {@return the name of the class or function building the network} */
    String callable();

    /** {@return the keyword arguments of the callable, in document order} */
    Map<String, @Nullable Object> kwargs();
}
