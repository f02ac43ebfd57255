package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Consumer software of the hub that runs models, with the weights formats each runs and the id under which the hub
 * links to it (a description's {@code links}). This is the project's own small table, compiled from the partners'
 * documentation; it is used by {@link HubReview} to suggest links and by {@link ModelCard} to say where a model runs.
 */
public enum ConsumerSoftware {
    /** deepImageJ, the ImageJ/Fiji plugin. */
    DEEPIMAGEJ(
            "deepImageJ",
            "deepimagej/deepimagej",
            "deepimagej",
            EnumSet.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.TENSORFLOW_SAVED_MODEL_BUNDLE, WeightsFormat.ONNX)),
    /** ilastik, through its neural network workflow. */
    ILASTIK(
            "ilastik",
            "ilastik/ilastik",
            "ilastik",
            EnumSet.of(WeightsFormat.PYTORCH_STATE_DICT, WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX)),
    /** QuPath, through its bioimage.io extension. */
    QUPATH(
            "QuPath",
            "bioimageio/qupath",
            "qupath",
            EnumSet.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.TENSORFLOW_SAVED_MODEL_BUNDLE, WeightsFormat.ONNX));

    private final String displayName;
    private final String linkId;
    private final String tag;
    private final Set<WeightsFormat> formats;

    ConsumerSoftware(String displayName, String linkId, String tag, Set<WeightsFormat> formats) {
        this.displayName = displayName;
        this.linkId = linkId;
        this.tag = tag;
        this.formats = formats;
    }

    /** {@return the name to show, for example {@code "deepImageJ"}} */
    public String displayName() {
        return displayName;
    }

    /** {@return the id the hub uses in a description's {@code links}, for example {@code "deepimagej/deepimagej"}} */
    public String linkId() {
        return linkId;
    }

    /** {@return the tag of the {@link TagCategory#SOFTWARE software} category for this software} */
    public String tag() {
        return tag;
    }

    /** {@return the weights formats this software runs} */
    public Set<WeightsFormat> formats() {
        return EnumSet.copyOf(formats);
    }

    /**
     * Lists the software that runs at least one of the given weights formats.
     *
     * @param present the weights formats of a model
     * @return the software, in declaration order; empty if none runs any of them
     */
    public static List<ConsumerSoftware> running(Collection<WeightsFormat> present) {
        List<ConsumerSoftware> out = new ArrayList<>();
        for (ConsumerSoftware s : values()) {
            for (WeightsFormat f : present) {
                if (s.formats.contains(f)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }
}
