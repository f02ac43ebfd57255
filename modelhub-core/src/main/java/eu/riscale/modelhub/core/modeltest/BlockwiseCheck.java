package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code blockwise} check ({@link TestOptions#blockwiseCheck()}, {@code modelhub test --blockwise-check}): the test
 * inputs are predicted once as whole samples and once in blocks of size parameter {@link #BLOCK_SIZE_PARAMETER} (the
 * reference's {@code default_blocksize_parameter}), with the halo the outputs declare, and the two predictions are
 * compared. Threshold: the output's reproducibility tolerance ({@link Tolerance#select}); more mismatched elements per
 * million than it allows fail the check (block artifacts: a missing or too small halo), fewer give a warning. Skipped
 * when no input axis is parameterized (there is only one block size) or the backend does not predict in blocks.
 */
final class BlockwiseCheck {
    /** The size parameter n of the blocks: {@code min + n * step} along every parameterized axis. */
    static final int BLOCK_SIZE_PARAMETER = 10;

    private BlockwiseCheck() {}

    static String name(WeightsFormat f) {
        return "Compare whole-sample and blockwise " + f.id() + " predictions (block size parameter "
                + BLOCK_SIZE_PARAMETER + ")";
    }

    /** Why the check cannot run for this model, empty when it can. */
    static Optional<String> notApplicable(ModelDescr model) {
        return ShapesCheck.sizeParameters(model).size() > 1
                ? Optional.empty()
                : Optional.of("no input axis is parameterized: the model runs in one block size only");
    }

    static TestDetail run(
            ModelDescr model,
            ResourceRoot root,
            WeightsFormat format,
            Map<String, Tensor> whole,
            InferenceBackend backend) {
        long start = System.nanoTime();
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        Map<String, Tensor> blocked;
        try (InferenceBackend.Session session = backend.openBlockwise(model, root, format, BLOCK_SIZE_PARAMETER)) {
            blocked = session.predict(ModelTests.testInputs(model, root));
        } catch (UnsupportedOperationException e) {
            return TestDetail.skipped(CheckKind.BLOCKWISE, name(format), format, ModelTests.message(e));
        } catch (IOException | RuntimeException e) {
            errors.add(Diagnostic.error(
                    Location.of("weights", format.id()), "blockwise prediction failed: " + ModelTests.message(e)));
            blocked = Map.of();
        }
        for (int i = 0; i < model.outputs().size() && errors.isEmpty(); i++) {
            OutputTensorDescr out = model.outputs().get(i);
            Tensor w = whole.get(out.id());
            Tensor b = blocked.get(out.id());
            if (w == null || b == null) {
                continue; // a missing whole-sample output already failed the reproduce check
            }
            if (!Arrays.equals(w.shape(), b.shape())) {
                errors.add(Diagnostic.error(
                        Location.of("outputs", i),
                        "output '" + out.id() + "': blockwise shape " + ModelTests.tagged(b) + ", whole-sample "
                                + ModelTests.tagged(w)));
                continue;
            }
            Tolerance tolerance = Tolerance.select(
                    model.config().bioimageio(), out.id(), !out.data().type().isFloatingPoint(), format);
            Deviation d = Deviation.compare(out.id(), b, w, tolerance);
            deviations.add(d);
            String msg = "blockwise vs whole-sample " + d.describe();
            if (d.exceedsTolerance()) {
                errors.add(Diagnostic.error(
                        Location.of("outputs", i), msg + " (block artifacts: is the halo large" + " enough?)"));
            } else if (d.mismatched() > 0) {
                warnings.add(Diagnostic.warning(Location.of("outputs", i), msg));
            }
        }
        return TestDetail.ran(
                CheckKind.BLOCKWISE,
                name(format),
                format,
                errors,
                warnings,
                deviations,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
