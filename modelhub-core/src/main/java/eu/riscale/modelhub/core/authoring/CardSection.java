package eu.riscale.modelhub.core.authoring;

import java.util.Locale;

/**
 * The sections of the model card that {@link ModelCard} writes, in order. The hub's contribution guide asks for a
 * model description, training details, validation metrics, ethical considerations and usage guidelines; the card adds
 * the technical sections a user needs to feed the model. {@link HubReview} checks a README for these headings.
 */
public enum CardSection {
    /** What the model does, who made it, its license. */
    MODEL_DESCRIPTION("Model description"),
    /** Inputs and outputs: axes, data types and ranges, pre- and postprocessing in words. */
    INPUTS_AND_OUTPUTS("Inputs and outputs"),
    /** The weights formats present, their framework versions and the software that runs them. */
    WEIGHTS("Weights"),
    /** Training data and hyperparameters. */
    TRAINING_DETAILS("Training details"),
    /** Validation metrics and evaluations; its heading also satisfies the format's documentation check. */
    VALIDATION("Validation and evaluation"),
    /** Known biases, risks, limitations and recommendations. */
    ETHICAL_CONSIDERATIONS("Ethical considerations"),
    /** Hardware, hours and emissions of training. */
    ENVIRONMENTAL_IMPACT("Environmental impact"),
    /** How to run the model, in which software, and what it is not meant for. */
    USAGE_GUIDELINES("Usage guidelines"),
    /** How to cite the model and the work it builds on. */
    CITATION("Citation"),
    /** Authors, maintainers and where to ask questions. */
    CONTACT("Contact");

    private final String title;

    CardSection(String title) {
        this.title = title;
    }

    /** {@return the section title, for example {@code "Training details"}} */
    public String title() {
        return title;
    }

    /** {@return the markdown heading the card writes, for example {@code "## Training details"}} */
    public String heading() {
        return "## " + title;
    }

    /**
     * Tells whether a markdown text has a heading (of any level) that starts with this section's title, ignoring case.
     *
     * @param markdown the document
     * @return whether the section is present
     */
    public boolean isPresentIn(String markdown) {
        String wanted = title.toLowerCase(Locale.ROOT);
        for (String line : markdown.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                String text = l.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
                if (text.startsWith(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
