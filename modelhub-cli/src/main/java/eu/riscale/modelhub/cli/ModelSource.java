package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;

/** Reads the description of an opened package; failures name the description file. */
final class ModelSource {
    private ModelSource() {}

    /**
     * Reads a description of any supported format (0.3 and 0.4 are converted to 0.5) and tells {@code err} in one line
     * when it was converted.
     *
     * @throws DescriptionException if the description is invalid, listing every problem
     */
    static ModelDescr read(ResourceRoot root, PrintWriter err) throws IOException, DescriptionException {
        LoadResult loaded = load(root);
        ModelDescr model = loaded.requireModel();
        if (loaded.converted()) {
            err.println(conversionNote(loaded, model));
            err.flush();
        }
        return model;
    }

    /**
     * Loads a description of any supported format (0.3 and 0.4 are converted to 0.5), as {@code modelhub test} does;
     * {@link LoadResult#requireModel()} then gives the model or every problem.
     */
    static LoadResult load(ResourceRoot root) throws IOException {
        return Descriptions.load(
                new ByteArrayInputStream(root.readDescription()),
                root.description().location());
    }

    /** {@return the line that tells a converted description apart: file, declared and new format version} */
    static String conversionNote(LoadResult loaded, ModelDescr model) {
        return "note: converted " + loaded.source() + " from format " + loaded.declaredFormatVersion() + " to "
                + model.formatVersion();
    }
}
