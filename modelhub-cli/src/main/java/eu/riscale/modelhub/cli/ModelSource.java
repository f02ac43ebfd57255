package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.IOException;
import java.io.InputStream;

/** Reads the description of an opened package; failures name the description file. */
final class ModelSource {
    private ModelSource() {}

    static ModelDescr read(ResourceRoot root) throws IOException, DescriptionException {
        try (InputStream in = root.description().open()) {
            return Descriptions.read(in, root.description().location());
        }
    }
}
