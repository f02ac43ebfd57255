package example;

import eu.riscale.modelhub.core.inference.LoadedModel;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Opens a model package and predicts one image: the first program of docs/getting-started.md. */
public class FirstModel {
    public static void main(String[] args) throws Exception {
        // a package folder, an rdf.yaml, a .zip, an http(s) URL or a published id; format 0.3, 0.4 or 0.5
        try (LoadedModel model = LoadedModel.open(Path.of(args[0]))) {
            System.out.println(model.description().name() + ", format " + model.declaredFormatVersion());
            model.notes().forEach(note -> System.out.println("  converted: " + note));

            float[] pixels = new float[512 * 512]; // your image, row by row
            Tensor out = model.predict(pixels, new int[] {512, 512}, List.of("y", "x"));
            System.out.println("output " + out.axes() + " " + Arrays.toString(out.shape()));
        }
    }
}
