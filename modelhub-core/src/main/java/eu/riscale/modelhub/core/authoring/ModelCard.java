package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.config.BiasRisksLimitations;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.EnvironmentalImpact;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.TrainingDetails;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a model card, a README.md skeleton that follows the hub's model card template, from a description.
 *
 * <p>The card has every {@link CardSection} in order, filled with what the description knows: name, description,
 * authors, license, citations, inputs and outputs with their axes and data ranges, each pre- and postprocessing step in
 * words, the weights formats with their framework versions and the software that runs them, the training data, and the
 * {@code config.bioimageio} fields for training, evaluations, bias/risks/limitations and environmental impact. Where
 * the description knows nothing, the card has a paragraph starting with {@link #TO_COMPLETE} saying what to write;
 * {@link HubReview} reports such paragraphs that are left in.
 *
 * <pre>{@code
 * String card = ModelCard.generate(model);
 * Files.writeString(dir.resolve("README.md"), card);
 * model = model.toBuilder().documentation("README.md").build();
 * }</pre>
 *
 * <p>The text is UTF-8 markdown and is valid as a package's {@code documentation} (it has a heading that mentions
 * validation, which the format checks for). Generation is deterministic and does no I/O.
 */
public final class ModelCard {
    /** The marker that starts each paragraph an author still has to write. */
    public static final String TO_COMPLETE = "TO COMPLETE:";

    private ModelCard() {}

    /**
     * Generates the model card of a description.
     *
     * @param model the description
     * @return the markdown text, ending with a newline
     */
    public static String generate(ModelDescr model) {
        Objects.requireNonNull(model, "model");
        Md md = new Md();
        BioimageioConfig cfg = model.config().bioimageio();
        md.line("# " + model.name()).blank();
        if (!model.description().isBlank()) {
            md.line(model.description().strip()).blank();
        }
        modelDescription(md, model, cfg);
        inputsAndOutputs(md, model);
        weights(md, model);
        training(md, model, cfg);
        validation(md, cfg);
        ethics(md, cfg);
        environment(md, cfg.environmentalImpact());
        usage(md, model, cfg);
        citation(md, model);
        contact(md, model);
        return md.toString();
    }

    /**
     * Lists the card sections a markdown document lacks (by heading, ignoring case and heading level).
     *
     * @param markdown a README
     * @return the missing sections, in card order; empty when all are present
     */
    public static List<CardSection> missingSections(String markdown) {
        List<CardSection> out = new ArrayList<>();
        for (CardSection s : CardSection.values()) {
            if (!s.isPresentIn(markdown)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Counts the paragraphs still marked {@link #TO_COMPLETE} in a markdown document.
     *
     * @param markdown a README
     * @return how many placeholders are left
     */
    public static int placeholders(String markdown) {
        int n = 0;
        int i = markdown.indexOf(TO_COMPLETE);
        while (i >= 0) {
            n++;
            i = markdown.indexOf(TO_COMPLETE, i + TO_COMPLETE.length());
        }
        return n;
    }

    private static void modelDescription(Md md, ModelDescr model, BioimageioConfig cfg) {
        md.section(CardSection.MODEL_DESCRIPTION);
        if (model.description().isBlank()) {
            md.todo("describe in a few sentences what the model does, on which images, and what it outputs.");
        }
        md.item("Developed by", names(model.authors()));
        md.item("Funded by", cfg.fundedBy());
        md.item("Model type", cfg.architectureType());
        md.item("Architecture", cfg.architectureDescription());
        md.item("Imaging modality", cfg.modality());
        md.item("Target structures", cfg.targetStructure().isEmpty() ? null : String.join(", ", cfg.targetStructure()));
        md.item("Task", cfg.task());
        md.item(
                "Number of parameters",
                cfg.modelParameterCount() == null
                        ? null
                        : cfg.modelParameterCount().toString());
        md.item("License", license(model.license()));
        md.item("Version", model.version());
        md.item("Source code", model.gitRepo());
        md.item("Tags", model.tags().isEmpty() ? null : String.join(", ", model.tags()));
        if (model.parent() != null) {
            md.item("Fine-tuned from", model.parent().id());
        }
        md.blank();
        if (cfg.architectureDescription() == null && cfg.modality() == null && cfg.task() == null) {
            md.todo("name the architecture, the imaging modality and the task (also recorded in"
                    + " `config.bioimageio.architecture_description`, `modality` and `task`).");
        }
    }

    private static void inputsAndOutputs(Md md, ModelDescr model) {
        md.section(CardSection.INPUTS_AND_OUTPUTS);
        for (InputTensorDescr t : model.inputs()) {
            tensor(
                    md,
                    "Input",
                    t.id(),
                    t.description(),
                    t.axes(),
                    ModelFacts.data(t.data()),
                    t.testTensor(),
                    t.preprocessing());
            if (t.optional()) {
                md.line("This input is optional.").blank();
            }
        }
        for (OutputTensorDescr t : model.outputs()) {
            tensor(
                    md,
                    "Output",
                    t.id(),
                    t.description(),
                    t.axes(),
                    ModelFacts.data(t.data()),
                    t.testTensor(),
                    t.postprocessing());
        }
    }

    private static void tensor(
            Md md,
            String kind,
            String id,
            String description,
            List<? extends Axis> axes,
            String data,
            @Nullable FileDescr testTensor,
            List<? extends PostprocessingDescr> steps) {
        md.line("### " + kind + " `" + id + "`").blank();
        if (description.isBlank()) {
            md.todo("say what the " + kind.toLowerCase(java.util.Locale.ROOT) + " `" + id + "` holds.");
        } else {
            md.line(description.strip()).blank();
        }
        md.line("- Data: " + data);
        if (testTensor != null) {
            md.line("- Test " + kind.toLowerCase(java.util.Locale.ROOT) + ": `" + testTensor.source() + "`");
        }
        md.line("- Axes:");
        for (Axis a : axes) {
            md.line("  - " + ModelFacts.axis(a));
        }
        boolean input = kind.equals("Input");
        if (steps.isEmpty()) {
            md.line(
                    input
                            ? "- Preprocessing: none, the data goes to the network as it is"
                            : "- Postprocessing: none, this is the network's output as it is");
        } else {
            md.line(input ? "- Preprocessing, in order:" : "- Postprocessing, in order:");
            int i = 1;
            for (PostprocessingDescr s : steps) {
                md.line("  " + i++ + ". " + ModelFacts.step(s) + " (`" + s.id() + "`)");
            }
        }
        md.blank();
    }

    private static void weights(Md md, ModelDescr model) {
        md.section(CardSection.WEIGHTS);
        for (WeightsEntryDescr e : ModelFacts.weights(model)) {
            StringBuilder b = new StringBuilder("- `")
                    .append(e.format().id())
                    .append("`: `")
                    .append(e.source())
                    .append("`, ")
                    .append(ModelFacts.frameworkVersion(e));
            if (e.parent() != null) {
                b.append(", converted from `").append(e.parent().id()).append('`');
            }
            if (!e.authors().isEmpty()) {
                b.append(", by ").append(names(e.authors()));
            }
            if (!e.comment().isBlank()) {
                b.append(" — ").append(e.comment().strip());
            }
            md.line(b.toString());
        }
        md.blank();
    }

    private static void training(Md md, ModelDescr model, BioimageioConfig cfg) {
        md.section(CardSection.TRAINING_DETAILS);
        TrainingDetails t = cfg.training();
        md.line("### Training data").blank();
        if (model.trainingData() instanceof LinkedDataset link) {
            md.line("Dataset `" + link.id() + "`" + (link.version() == null ? "" : ", version " + link.version()) + ".")
                    .blank();
        } else if (model.trainingData() instanceof DatasetDescr data) {
            md.line("Dataset \"" + data.name() + "\"" + (data.source() == null ? "" : ", " + data.source()) + ".")
                    .blank();
        } else {
            md.todo("name the training data (ideally a dataset on the hub, recorded as `training_data`), how it was"
                    + " split, and how it was annotated.");
        }
        md.line("### Training procedure").blank();
        int before = md.length();
        md.item("Preprocessing", t.trainingPreprocessing());
        md.item("Epochs", num(t.trainingEpochs()));
        md.item("Batch size", num(t.trainingBatchSize()));
        md.item("Initial learning rate", num(t.initialLearningRate()));
        md.item("Learning rate schedule", t.learningRateSchedule());
        md.item("Loss function", withKwargs(t.lossFunction(), t.lossFunctionKwargs()));
        md.item("Optimizer", withKwargs(t.optimizer(), t.optimizerKwargs()));
        md.item("Regularization", t.regularization());
        md.item("Training duration (hours)", num(t.trainingDuration()));
        md.item("Memory needed for training", cfg.memoryRequirementsTraining());
        if (md.length() == before) {
            md.todo("give the training preprocessing and augmentation, epochs, batch size, learning rate and its"
                    + " schedule, loss function and optimizer (recorded in `config.bioimageio.training`).");
        } else {
            md.blank();
        }
    }

    private static void validation(Md md, BioimageioConfig cfg) {
        md.section(CardSection.VALIDATION);
        if (cfg.evaluations().isEmpty()) {
            md.todo("report validation metrics: on which data (and whether it was seen in training), which metrics,"
                    + " and the results (recorded in `config.bioimageio.evaluations`).");
            return;
        }
        int n = 1;
        for (Evaluation e : cfg.evaluations()) {
            md.line("### Evaluation " + n++ + ": dataset `" + e.datasetId() + "` (" + e.datasetRole() + ")")
                    .blank();
            md.item("Source", e.datasetSource());
            md.item("Samples", Integer.toString(e.sampleCount()));
            md.item("Model", e.modelId());
            md.blank();
            if (!e.metrics().isEmpty()) {
                List<String> header = new ArrayList<>();
                header.add("Metric");
                for (int i = 0; i < e.evaluationFactors().size(); i++) {
                    String longName = i < e.evaluationFactorsLong().size()
                            ? e.evaluationFactorsLong().get(i)
                            : "";
                    header.add(e.evaluationFactors().get(i) + (longName.isBlank() ? "" : " (" + longName + ")"));
                }
                md.line("| " + String.join(" | ", header) + " |");
                md.line("|" + " --- |".repeat(header.size()));
                for (int m = 0; m < e.metrics().size(); m++) {
                    String longName =
                            m < e.metricsLong().size() ? e.metricsLong().get(m) : "";
                    StringBuilder row = new StringBuilder(
                            "| " + e.metrics().get(m) + (longName.isBlank() ? "" : " (" + longName + ")"));
                    if (m < e.results().size()) {
                        for (Object v : e.results().get(m)) {
                            row.append(" | ").append(v instanceof Double ? ModelFacts.fmt((Double) v) : v);
                        }
                    }
                    md.line(row.append(" |").toString());
                }
                md.blank();
            }
            if (e.resultsSummary() != null) {
                md.line(e.resultsSummary().strip()).blank();
            }
        }
    }

    private static void ethics(Md md, BioimageioConfig cfg) {
        md.section(CardSection.ETHICAL_CONSIDERATIONS);
        BiasRisksLimitations b = cfg.biasRisksLimitations();
        int before = md.length();
        md.item("Known biases", b.knownBiases());
        md.item("Risks", b.risks());
        md.item("Limitations", b.limitations());
        md.item("Recommendations", b.recommendations());
        if (md.length() == before) {
            md.todo("describe known biases of the training data (instruments, staining, organisms), the risks of"
                    + " wrong outputs, the model's limitations, and recommendations for users (recorded in"
                    + " `config.bioimageio.bias_risks_limitations`). Check outputs by eye before quantifying them.");
        } else {
            md.blank();
        }
    }

    private static void environment(Md md, EnvironmentalImpact e) {
        md.section(CardSection.ENVIRONMENTAL_IMPACT);
        int before = md.length();
        md.item("Hardware", e.hardwareType());
        md.item("Hours used", num(e.hoursUsed()));
        md.item("Cloud provider", e.cloudProvider());
        md.item("Compute region", e.computeRegion());
        md.item("Carbon emitted (kg CO2 eq.)", num(e.co2Emitted()));
        if (md.length() == before) {
            md.todo("give the training hardware, hours used, cloud provider and region, and the estimated carbon"
                    + " emissions (recorded in `config.bioimageio.environmental_impact`).");
        } else {
            md.blank();
        }
    }

    private static void usage(Md md, ModelDescr model, BioimageioConfig cfg) {
        md.section(CardSection.USAGE_GUIDELINES);
        List<ConsumerSoftware> software = ConsumerSoftware.running(ModelFacts.formats(model));
        if (!software.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ConsumerSoftware s : software) {
                names.add(s.displayName());
            }
            md.line("The weights formats of this model run in " + String.join(", ", names)
                            + ", in the bioimage.io Python tools, and in Java with modelhub-java:")
                    .blank();
        } else {
            md.line("This model runs in the bioimage.io Python tools. With modelhub-java:")
                    .blank();
        }
        md.line("```")
                .line("modelhub test bioimageio.yaml")
                .line("modelhub predict bioimageio.yaml " + inputsArgs(model) + " --output-dir predictions/")
                .line("```")
                .blank();
        md.item("Inference time", cfg.inferenceTime());
        md.item("Memory needed for inference", cfg.memoryRequirementsInference());
        md.blank();
        md.line("### Out-of-scope use").blank();
        if (cfg.outOfScopeUse() != null) {
            md.line(cfg.outOfScopeUse().strip()).blank();
        } else {
            md.todo("say on which data and for which purposes the model must not be used (recorded in"
                    + " `config.bioimageio.out_of_scope_use`).");
        }
    }

    private static void citation(Md md, ModelDescr model) {
        md.section(CardSection.CITATION);
        if (model.cite().isEmpty()) {
            md.todo("cite the paper or preprint describing the model or its training, with a DOI.");
            return;
        }
        for (CiteEntry c : model.cite()) {
            StringBuilder b = new StringBuilder("- ").append(c.text().strip().replaceAll("\\s+", " "));
            if (c.doi() != null) {
                b.append(" https://doi.org/").append(c.doi());
            } else if (c.url() != null) {
                b.append(' ').append(c.url());
            }
            md.line(b.toString());
        }
        md.blank();
    }

    private static void contact(Md md, ModelDescr model) {
        md.section(CardSection.CONTACT);
        if (model.authors().isEmpty() && model.maintainers().isEmpty()) {
            md.todo("list the authors and at least one maintainer with a GitHub user name.");
            return;
        }
        for (Author a : model.authors()) {
            md.line("- " + person(a.name(), a.githubUser(), a.affiliation(), a.orcid()) + " (author)");
        }
        for (Maintainer m : model.maintainers()) {
            md.line("- "
                    + person(m.name() == null ? m.githubUser() : m.name(), m.githubUser(), m.affiliation(), m.orcid())
                    + " (maintainer)");
        }
        md.blank();
        md.line("Questions and issues: ask the maintainers"
                        + (model.gitRepo() == null ? "" : " or open an issue at " + model.gitRepo())
                        + ", or post on https://forum.image.sc with the tag `bioimageio`.")
                .blank();
    }

    private static String inputsArgs(ModelDescr model) {
        List<String> args = new ArrayList<>();
        for (InputTensorDescr t : model.inputs()) {
            args.add("--input " + t.id() + "=" + t.id() + ".tif");
        }
        return String.join(" ", args);
    }

    private static String person(
            String name, @Nullable String github, @Nullable String affiliation, @Nullable String orcid) {
        StringBuilder b = new StringBuilder(name);
        if (github != null) {
            b.append(", GitHub @").append(github);
        }
        if (affiliation != null) {
            b.append(", ").append(affiliation);
        }
        if (orcid != null) {
            b.append(", ORCID ").append(orcid);
        }
        return b.toString();
    }

    /** The SPDX id, or the custom license file's source. */
    private static @Nullable String license(@Nullable License license) {
        if (license instanceof License.SpdxId) {
            return ((License.SpdxId) license).id();
        }
        return license instanceof FileDescr ? "custom, see " + ((FileDescr) license).source() : null;
    }

    private static @Nullable String names(List<Author> authors) {
        if (authors.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Author a : authors) {
            out.add(a.name());
        }
        return String.join(", ", out);
    }

    private static @Nullable String num(@Nullable Double v) {
        return v == null ? null : ModelFacts.fmt(v);
    }

    private static @Nullable String withKwargs(@Nullable String name, Map<String, @Nullable Object> kwargs) {
        if (name == null) {
            return null;
        }
        return kwargs.isEmpty() ? name : name + " " + kwargs;
    }

    /** A small markdown writer. */
    private static final class Md {
        private final StringBuilder b = new StringBuilder();

        Md line(String s) {
            b.append(s).append('\n');
            return this;
        }

        Md blank() {
            if (b.length() > 0
                    && !(b.length() >= 2 && b.charAt(b.length() - 1) == '\n' && b.charAt(b.length() - 2) == '\n')) {
                b.append('\n');
            }
            return this;
        }

        void section(CardSection s) {
            blank();
            line(s.heading()).blank();
        }

        void item(String label, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                line("- **" + label + ":** " + value.strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }

        void todo(String what) {
            blank();
            line("> " + TO_COMPLETE + " " + what).blank();
        }

        int length() {
            return b.length();
        }

        @Override
        public String toString() {
            String s = b.toString().stripTrailing();
            return s + "\n";
        }
    }
}
