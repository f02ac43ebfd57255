package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.IOException;
import java.io.InputStream;

/** Reads the description of an opened package; failures name the description file. */
final class ModelSource {
    private ModelSource() {}

    /** Reads a description of format 0.5; other formats are a {@link DescriptionException}. */
    static ModelDescr read(ResourceRoot root) throws IOException, DescriptionException {
        try (InputStream in = root.description().open()) {
            return Descriptions.read(in, root.description().location());
        }
    }

    /**
     * Loads a description of any supported format (0.3 and 0.4 are converted to 0.5), as {@code modelhub test} does;
     * {@link LoadResult#requireModel()} then gives the model or every problem.
     */
    static LoadResult load(ResourceRoot root) throws IOException {
        try (InputStream in = root.description().open()) {
            return Descriptions.load(in, root.description().location());
        }
    }

    /** {@return the line that tells a converted description apart: file, declared and new format version} */
    static String conversionNote(LoadResult loaded, ModelDescr model) {
        return "note: converted " + loaded.source() + " from format " + loaded.declaredFormatVersion() + " to "
                + model.formatVersion();
    }
}
