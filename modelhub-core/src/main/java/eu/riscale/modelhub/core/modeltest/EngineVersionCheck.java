package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.EngineVersion;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compares the engine that ran a weights entry with the version the entry was saved with, as bioimageio.core 0.10+
 * does: a warning when the installed engine is older, or when it differs in major.minor (newer engines usually read
 * older files, but numbers may drift). Only PyTorch versions are declared by the format ({@code pytorch_version});
 * an ONNX entry declares an opset, not an engine version, and is not compared.
 */
final class EngineVersionCheck {
    private EngineVersionCheck() {}

    /** The warnings for one entry run by {@code engine}; empty when nothing is declared or the versions agree. */
    static List<Diagnostic> warnings(WeightsEntryDescr entry, Optional<EngineVersion> engine) {
        String declared = declaredPytorch(entry);
        if (declared == null || engine.isEmpty() || !engine.get().name().equalsIgnoreCase("PyTorch")) {
            return List.of();
        }
        int[] want = parse(declared);
        int[] have = parse(engine.get().version());
        if (want.length == 0 || have.length == 0) {
            return List.of();
        }
        Location loc = Location.of("weights", entry.format().id(), "pytorch_version");
        String installed = "the installed PyTorch " + engine.get().version();
        if (compare(have, want) < 0) {
            return List.of(Diagnostic.warning(
                    loc, installed + " is older than the PyTorch " + declared + " these weights were saved with"));
        }
        if (at(have, 0) != at(want, 0) || at(have, 1) != at(want, 1)) {
            return List.of(Diagnostic.warning(
                    loc,
                    installed + " differs in major.minor from the PyTorch " + declared
                            + " these weights were saved with; outputs may deviate"));
        }
        return List.of();
    }

    private static @Nullable String declaredPytorch(WeightsEntryDescr entry) {
        if (entry instanceof TorchscriptWeightsDescr) {
            return ((TorchscriptWeightsDescr) entry).pytorchVersion();
        }
        if (entry instanceof PytorchStateDictWeightsDescr) {
            return ((PytorchStateDictWeightsDescr) entry).pytorchVersion();
        }
        return null;
    }

    /** The leading numeric parts of a version ({@code 2.5.1+cu121} gives 2, 5, 1); empty when there is none. */
    static int[] parse(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.strip().split("\\.")) {
            int end = 0;
            while (end < p.length() && end < 9 && Character.isDigit(p.charAt(end))) {
                end++;
            }
            if (end == 0) {
                break;
            }
            parts.add(Integer.parseInt(p.substring(0, end)));
            if (end < p.length()) {
                break;
            }
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int at(int[] v, int i) {
        return i < v.length ? v[i] : 0;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Integer.compare(at(a, i), at(b, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
