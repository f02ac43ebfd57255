package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reviews how ready a model is for the hub: what the contribution guide asks beyond the format rules. This is a report
 * separate from validation; run it on descriptions that validate.
 *
 * <p>It checks the name (length, not an identifier, says the task and the imaging modality or content), the tags
 * against the {@link TagCategory tag categories} with suggestions derived from the description ({@link
 * #suggestedTags}), links to the {@link ConsumerSoftware} that runs the weights formats present, covers,
 * documentation that follows the {@link ModelCard} sections, citations with a DOI, test tensors, maintainers with a
 * GitHub user, and the license. {@link #review(ModelDescr, ResourceRoot)} also opens the package's files: the
 * documentation's sections and placeholders, the covers' size and aspect ratio, and that every referenced local file
 * is there.
 *
 * <pre>{@code
 * for (Finding f : HubReview.review(model, root)) {
 *     System.out.println(f.level() + " " + f.loc() + ": " + f.message() + " -> " + f.suggestion());
 * }
 * }</pre>
 *
 * <p>Findings come sorted by level, blockers first; the order within a level is stable.
 */
public final class HubReview {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.+-]+");
    private static final List<String> TASK_WORDS = List.of(
            "segment",
            "denois",
            "restor",
            "classif",
            "detect",
            "super-res",
            "super res",
            "superres",
            "deconvol",
            "reconstruct",
            "track",
            "registr",
            "label",
            "stain",
            "inpaint",
            "enhanc",
            "translat",
            "count",
            "upsampl",
            "boundar",
            "predict");
    private static final List<String> MODALITY_WORDS = List.of(
            "microscop",
            "fluoresc",
            "electron",
            "cryo",
            "brightfield",
            "bright-field",
            "bright field",
            "phase contrast",
            "phase-contrast",
            "confocal",
            "light-sheet",
            "lightsheet",
            "histo",
            "h&e",
            "x-ray",
            "widefield",
            "nucle",
            "cell",
            "tissue",
            "mitochond",
            "membrane",
            "organoid",
            "embryo",
            "neuron",
            "brain",
            "plant",
            "vesic",
            "vessel",
            "root",
            "bacteri",
            "yeast",
            "synap");

    private HubReview() {}

    /**
     * Reviews a description without opening any file.
     *
     * @param model the description
     * @return the findings, blockers first; empty when nothing is left to do
     */
    public static List<Finding> review(ModelDescr model) {
        Objects.requireNonNull(model, "model");
        List<Finding> out = new ArrayList<>();
        name(model, out);
        description(model, out);
        tags(model, out);
        software(model, out);
        covers(model, out);
        documentation(model, out);
        cite(model, out);
        testTensors(model, out);
        people(model, out);
        if (model.license() == null) {
            out.add(new Finding(
                    "license",
                    Finding.Level.BLOCKER,
                    "no license",
                    "give an SPDX license id, for example \"MIT\" or \"CC-BY-4.0\""));
        }
        configHints(model, out);
        out.sort(Comparator.comparing(Finding::level));
        return List.copyOf(out);
    }

    /**
     * Reviews a description and the files of its package: the documentation's content, the covers' size and aspect
     * ratio, and that every local file the description refers to exists. Remote (http) references are not fetched.
     *
     * @param model the description
     * @param root the package the description belongs to
     * @return the findings, blockers first
     * @throws IOException when a file exists but cannot be read
     */
    public static List<Finding> review(ModelDescr model, ResourceRoot root) throws IOException {
        List<Finding> out = new ArrayList<>(review(model));
        files(model, root, out);
        documentationContent(model, root, out);
        coverFiles(model, root, out);
        out.sort(Comparator.comparing(Finding::level));
        return List.copyOf(out);
    }

    /**
     * Suggests tags derived from the description: the dimensions from the first input's axes, the framework from the
     * weights formats, the consumer software that runs them, and the network, task, content and modality from words in
     * the name, description and {@code config.bioimageio}. Tags the model already has are included.
     *
     * @param model the description
     * @return the suggested tags, lower case, in category order
     */
    public static List<String> suggestedTags(ModelDescr model) {
        Set<String> out = new LinkedHashSet<>();
        for (TagCategory c : TagCategory.values()) {
            out.addAll(derived(model, c));
        }
        return List.copyOf(out);
    }

    /** The tags of one category derived from the description. */
    static List<String> derived(ModelDescr model, TagCategory category) {
        Set<String> out = new LinkedHashSet<>();
        String text = text(model);
        switch (category) {
            case DIMS:
                String dims = ModelFacts.dimsTag(model);
                if (dims != null) {
                    out.add(dims);
                }
                break;
            case FRAMEWORK:
                for (WeightsFormat f : ModelFacts.formats(model)) {
                    out.add(ModelFacts.frameworkTag(f));
                }
                break;
            case SOFTWARE:
                for (ConsumerSoftware s : ConsumerSoftware.running(ModelFacts.formats(model))) {
                    out.add(s.tag());
                }
                break;
            case NETWORK:
                when(text, out, "unet", "u-net", "unet");
                when(text, out, "resnet", "resnet");
                when(text, out, "densenet", "densenet");
                when(text, out, "stardist", "stardist");
                when(text, out, "inception", "inception");
                break;
            case TASK:
                if (text.contains("instance")) {
                    when(text, out, "instance-segmentation", "segment");
                } else {
                    when(text, out, "semantic-segmentation", "segment");
                }
                when(text, out, "denoising", "denois");
                when(text, out, "image-restoration", "restor");
                when(text, out, "image-classification", "classif");
                when(text, out, "object-detection", "detect");
                when(text, out, "super-resolution", "super-res", "superres");
                when(text, out, "image-reconstruction", "reconstruct");
                when(text, out, "in-silico-labeling", "in-silico", "virtual stain");
                break;
            case CONTENT:
                when(text, out, "nuclei", "nucle");
                when(text, out, "cells", "cell ", "cells", "cellular");
                when(text, out, "mitochondria", "mitochond");
                when(text, out, "cell-membrane", "membrane", "boundar");
                when(text, out, "tissue", "tissue", "histo");
                when(text, out, "plant", "plant", "arabidopsis");
                when(text, out, "brain", "brain", "neuron");
                when(text, out, "vasculature", "vascul", "vessel");
                break;
            case MODALITY:
                when(text, out, "fluorescence-light-microscopy", "fluoresc");
                if (text.contains("cryo")) {
                    out.add("cryo-electron-microscopy");
                } else {
                    when(text, out, "electron-microscopy", "electron", " em ", "(em)", " tem ", " sem ");
                }
                when(
                        text,
                        out,
                        "transmission-light-microscopy",
                        "brightfield",
                        "bright-field",
                        "phase contrast",
                        "phase-contrast",
                        "transmitted");
                when(text, out, "whole-slide-imaging", "whole slide", "whole-slide", "histo", "h&e");
                when(text, out, "x-ray-microscopy", "x-ray");
                break;
            default:
                throw new AssertionError(category);
        }
        return new ArrayList<>(out);
    }

    private static void when(String text, Set<String> out, String tag, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                out.add(tag);
                return;
            }
        }
    }

    /** Lower-case words of the name, description, tags and config, padded with spaces. */
    private static String text(ModelDescr model) {
        BioimageioConfig c = model.config().bioimageio();
        List<String> parts = new ArrayList<>();
        parts.add(model.name());
        parts.add(model.description());
        parts.addAll(model.tags());
        parts.add(Objects.toString(c.modality(), ""));
        parts.add(Objects.toString(c.task(), ""));
        parts.add(Objects.toString(c.architectureType(), ""));
        parts.add(Objects.toString(c.architectureDescription(), ""));
        parts.addAll(c.targetStructure());
        return " " + String.join(" ", parts).toLowerCase(Locale.ROOT) + " ";
    }

    private static boolean mentions(String text, List<String> words) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        for (String w : words) {
            if (t.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static void name(ModelDescr model, List<Finding> out) {
        String name = model.name().strip();
        String example = "for example \"Nuclei segmentation in fluorescence microscopy (2D U-Net)\"";
        if (IDENTIFIER.matcher(name).matches()) { // one token: no spaces, only identifier characters
            out.add(new Finding(
                    "name",
                    Finding.Level.IMPROVEMENT,
                    "\"" + name + "\" looks like an identifier, not a human-readable name",
                    "use words that say what the model does and on which images, " + example));
        }
        if (name.length() < 10) {
            out.add(new Finding(
                    "name",
                    Finding.Level.IMPROVEMENT,
                    "the name has " + name.length() + " characters, too short to be informative",
                    "say the task and the imaging modality or structure, " + example));
        } else if (name.length() > 64) {
            out.add(new Finding(
                    "name",
                    Finding.Level.IMPROVEMENT,
                    "the name has " + name.length() + " characters; the hub shows about 64",
                    "shorten it and move details into the description"));
        }
        if (!mentions(name, TASK_WORDS)) {
            List<String> tasks = derived(model, TagCategory.TASK);
            out.add(new Finding(
                    "name",
                    Finding.Level.IMPROVEMENT,
                    "the name does not say the application (segmentation, denoising, restoration, ...)",
                    tasks.isEmpty()
                            ? "add the task to the name"
                            : "add the task to the name, such as \""
                                    + tasks.get(0).replace('-', ' ') + "\""));
        }
        if (!mentions(name, MODALITY_WORDS)) {
            List<String> hints = new ArrayList<>(derived(model, TagCategory.CONTENT));
            hints.addAll(derived(model, TagCategory.MODALITY));
            out.add(new Finding(
                    "name",
                    Finding.Level.IMPROVEMENT,
                    "the name does not say the imaging modality or what is imaged (tissue, cells, nuclei, ...)",
                    hints.isEmpty()
                            ? "add the modality or the structure to the name"
                            : "add the modality or the structure to the name, such as \""
                                    + hints.get(0).replace('-', ' ') + "\""));
        }
    }

    private static void description(ModelDescr model, List<Finding> out) {
        String d = model.description().strip();
        if (d.isEmpty()) {
            out.add(new Finding(
                    "description",
                    Finding.Level.BLOCKER,
                    "no description",
                    "describe in one to three sentences what the model does, on which images, and what it outputs"));
        } else if (d.length() < 40) {
            out.add(new Finding(
                    "description",
                    Finding.Level.IMPROVEMENT,
                    "the description has only " + d.length() + " characters",
                    "say what the model does, on which images (modality, organism, staining), and what it outputs"));
        }
    }

    private static void tags(ModelDescr model, List<Finding> out) {
        for (int i = 0; i < model.tags().size(); i++) {
            String t = model.tags().get(i);
            String normal = TagCategory.normalize(t);
            if (!normal.equals(t)) {
                out.add(new Finding(
                        "tags." + i,
                        Finding.Level.HINT,
                        "tag \"" + t + "\" is not lower case and hyphenated like the hub's tags",
                        "write \"" + normal + "\""));
            }
        }
        for (TagCategory c : TagCategory.values()) {
            if (c.isCoveredBy(model.tags())) {
                continue;
            }
            List<String> derived = derived(model, c);
            String suggestion = derived.isEmpty()
                    ? "add the fitting one of " + quoted(c.tags())
                    : "add " + quoted(derived) + " (derived from the " + source(c) + ")";
            out.add(new Finding(
                    "tags", Finding.Level.IMPROVEMENT, "no tag of the category \"" + c.id() + "\"", suggestion));
        }
    }

    private static String source(TagCategory c) {
        switch (c) {
            case DIMS:
                return "axes of the first input";
            case FRAMEWORK:
                return "weights formats";
            case SOFTWARE:
                return "software that runs the weights formats";
            default:
                return "name, description and config";
        }
    }

    private static String quoted(List<String> tags) {
        return tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    }

    private static void software(ModelDescr model, List<Finding> out) {
        Set<WeightsFormat> formats = ModelFacts.formats(model);
        List<ConsumerSoftware> running = ConsumerSoftware.running(formats);
        if (running.isEmpty()) {
            out.add(new Finding(
                    "weights",
                    Finding.Level.IMPROVEMENT,
                    "no consumer software of the hub runs the weights formats present ("
                            + formats.stream().map(WeightsFormat::id).collect(Collectors.joining(", ")) + ")",
                    "add TorchScript or ONNX weights"));
        }
        for (ConsumerSoftware s : running) {
            if (!model.links().contains(s.linkId())) {
                List<String> formatIds = new ArrayList<>();
                for (WeightsFormat f : formats) {
                    if (s.formats().contains(f)) {
                        formatIds.add(f.id());
                    }
                }
                out.add(new Finding(
                        "links",
                        Finding.Level.IMPROVEMENT,
                        s.displayName() + " runs the " + String.join(", ", formatIds)
                                + " weights, but the links do not point to it",
                        "add \"" + s.linkId() + "\" to links (after checking that the model runs in it)"));
            }
        }
        if (formats.size() == 1) {
            WeightsFormat only = formats.iterator().next();
            String other = only == WeightsFormat.ONNX ? "TorchScript" : "ONNX";
            out.add(new Finding(
                    "weights",
                    Finding.Level.HINT,
                    "only " + only.id() + " weights",
                    "also convert the weights to " + other + " so that more software can run the model"));
        }
    }

    private static void covers(ModelDescr model, List<Finding> out) {
        if (model.covers().isEmpty()) {
            out.add(new Finding(
                    "covers",
                    Finding.Level.BLOCKER,
                    "no cover image",
                    "generate one from the test tensors with `modelhub covers SOURCE` (Covers.generate), or add a"
                            + " representative image of aspect ratio 2:1 below 500 KB"));
        }
    }

    private static void documentation(ModelDescr model, List<Finding> out) {
        if (model.documentation() == null) {
            out.add(new Finding(
                    "documentation",
                    Finding.Level.BLOCKER,
                    "no documentation",
                    "generate a model card with `modelhub card SOURCE -o README.md` (ModelCard.generate), complete"
                            + " it, and set documentation: README.md"));
        }
    }

    private static void cite(ModelDescr model, List<Finding> out) {
        if (model.cite().isEmpty()) {
            out.add(new Finding(
                    "cite",
                    Finding.Level.BLOCKER,
                    "no citation",
                    "cite the paper or preprint of the model or its method, with a DOI"));
        }
        for (int i = 0; i < model.cite().size(); i++) {
            CiteEntry c = model.cite().get(i);
            if (c.doi() == null && c.url() == null) {
                out.add(new Finding(
                        "cite." + i,
                        Finding.Level.BLOCKER,
                        "\"" + abbreviate(c.text()) + "\" has neither a DOI nor a URL",
                        "add its DOI, or a URL where it can be read"));
            } else if (c.doi() == null) {
                out.add(new Finding(
                        "cite." + i + ".doi",
                        Finding.Level.HINT,
                        "\"" + abbreviate(c.text()) + "\" is cited by URL only",
                        "add its DOI if it has one"));
            }
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    private static void testTensors(ModelDescr model, List<Finding> out) {
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            if (t.testTensor() == null) {
                out.add(missingTest("inputs." + i, t.id()));
            }
            if (t.description().isBlank()) {
                out.add(blankTensor("inputs." + i, t.id()));
            }
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            if (t.testTensor() == null) {
                out.add(missingTest("outputs." + i, t.id()));
            }
            if (t.description().isBlank()) {
                out.add(blankTensor("outputs." + i, t.id()));
            }
        }
    }

    private static Finding missingTest(String loc, String id) {
        return new Finding(
                loc + ".test_tensor",
                Finding.Level.BLOCKER,
                "tensor \"" + id + "\" has no test tensor",
                "save a representative example as .npy and reference it; the hub tests the model with it");
    }

    private static Finding blankTensor(String loc, String id) {
        return new Finding(
                loc + ".description",
                Finding.Level.IMPROVEMENT,
                "tensor \"" + id + "\" is not described",
                "say what it holds: the image and its channels, or what the output values mean");
    }

    private static void people(ModelDescr model, List<Finding> out) {
        if (model.authors().isEmpty()) {
            out.add(new Finding("authors", Finding.Level.BLOCKER, "no authors", "list the people who made the model"));
        }
        if (model.maintainers().isEmpty()) {
            boolean authorOnGithub = false;
            for (Author a : model.authors()) {
                authorOnGithub |= a.githubUser() != null;
            }
            out.add(new Finding(
                    "maintainers",
                    authorOnGithub ? Finding.Level.IMPROVEMENT : Finding.Level.BLOCKER,
                    "no maintainers" + (authorOnGithub ? "" : ", and no author has a GitHub user"),
                    "add a maintainer with a github_user who answers questions about the model"));
        }
    }

    private static void configHints(ModelDescr model, List<Finding> out) {
        BioimageioConfig c = model.config().bioimageio();
        if (model.gitRepo() == null) {
            out.add(new Finding(
                    "git_repo", Finding.Level.HINT, "no source repository", "link the training code as git_repo"));
        }
        if (model.trainingData() == null) {
            out.add(new Finding(
                    "training_data",
                    Finding.Level.HINT,
                    "the training data is not linked",
                    "upload the training data as a dataset to the hub and link it as training_data"));
        }
        if (c.evaluations().isEmpty()) {
            out.add(new Finding(
                    "config.bioimageio.evaluations",
                    Finding.Level.HINT,
                    "no evaluations recorded",
                    "record validation metrics in config.bioimageio.evaluations; the model card shows them"));
        }
    }

    private static boolean isLocal(String reference) {
        return !reference.contains("://");
    }

    private static void files(ModelDescr model, ResourceRoot root, List<Finding> out) throws IOException {
        List<Ref> refs = new ArrayList<>();
        for (WeightsEntryDescr e : ModelFacts.weights(model)) {
            String loc = "weights." + e.format().id();
            refs.add(new Ref(loc + ".source", e.source()));
            if (e instanceof PytorchStateDictWeightsDescr) {
                PytorchStateDictWeightsDescr p = (PytorchStateDictWeightsDescr) e;
                if (p.architecture() instanceof ArchitectureFromFileDescr) {
                    refs.add(new Ref(
                            loc + ".architecture.source", ((ArchitectureFromFileDescr) p.architecture()).source()));
                }
                addRef(refs, loc + ".dependencies", p.dependencies());
            } else if (e instanceof TensorflowSavedModelBundleWeightsDescr) {
                addRef(refs, loc + ".dependencies", ((TensorflowSavedModelBundleWeightsDescr) e).dependencies());
            } else if (e instanceof OnnxWeightsDescr) {
                addRef(refs, loc + ".external_data", ((OnnxWeightsDescr) e).externalData());
            }
        }
        for (int i = 0; i < model.inputs().size(); i++) {
            addRef(refs, "inputs." + i + ".test_tensor", model.inputs().get(i).testTensor());
            addRef(refs, "inputs." + i + ".sample_tensor", model.inputs().get(i).sampleTensor());
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            addRef(refs, "outputs." + i + ".test_tensor", model.outputs().get(i).testTensor());
            addRef(
                    refs,
                    "outputs." + i + ".sample_tensor",
                    model.outputs().get(i).sampleTensor());
        }
        for (int i = 0; i < model.attachments().size(); i++) {
            addRef(refs, "attachments." + i, model.attachments().get(i));
        }
        for (int i = 0; i < model.covers().size(); i++) {
            refs.add(new Ref("covers." + i, model.covers().get(i).source()));
        }
        if (model.documentation() != null) {
            refs.add(new Ref("documentation", model.documentation().source()));
        }
        for (Ref ref : refs) {
            if (isLocal(ref.reference()) && !root.resolve(ref.reference()).exists()) {
                out.add(new Finding(
                        ref.loc(),
                        Finding.Level.BLOCKER,
                        "file \"" + ref.reference() + "\" is not in the package (" + root.location() + ")",
                        "add the file to the package, or fix the reference"));
            }
        }
    }

    private static void addRef(List<Ref> refs, String loc, @Nullable FileDescr file) {
        if (file != null) {
            refs.add(new Ref(loc, file.source()));
        }
    }

    /** A file reference of the description and where it is written. */
    private record Ref(String loc, String reference) {}

    private static void documentationContent(ModelDescr model, ResourceRoot root, List<Finding> out)
            throws IOException {
        String ref =
                model.documentation() == null ? null : model.documentation().source();
        if (ref == null || !isLocal(ref)) {
            return;
        }
        FileSource file = root.resolve(ref);
        if (!file.exists()) {
            return; // reported by files()
        }
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readNBytes(4 * 1024 * 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            out.add(new Finding(
                    ref, Finding.Level.BLOCKER, "the documentation is not UTF-8 text", "save it as UTF-8 markdown"));
            return;
        }
        List<CardSection> missing = ModelCard.missingSections(text);
        if (!missing.isEmpty()) {
            out.add(new Finding(
                    ref,
                    Finding.Level.IMPROVEMENT,
                    "the documentation lacks the model card sections "
                            + missing.stream().map(s -> "\"" + s.title() + "\"").collect(Collectors.joining(", ")),
                    "add them; `modelhub card SOURCE` writes a card with every section filled from the description"));
        }
        int todo = ModelCard.placeholders(text);
        if (todo > 0) {
            out.add(new Finding(
                    ref,
                    Finding.Level.IMPROVEMENT,
                    todo + " paragraph(s) of the model card are still marked \"" + ModelCard.TO_COMPLETE + "\"",
                    "write them, or remove the sections that do not apply"));
        }
    }

    private static void coverFiles(ModelDescr model, ResourceRoot root, List<Finding> out) throws IOException {
        for (int i = 0; i < model.covers().size(); i++) {
            String ref = model.covers().get(i).source();
            if (!isLocal(ref)) {
                continue;
            }
            FileSource file = root.resolve(ref);
            if (!file.exists()) {
                continue; // reported by files()
            }
            long size;
            int[] dims;
            try (InputStream in = file.open()) {
                byte[] bytes = in.readNBytes((int) Covers.MAX_BYTES * 40);
                size = bytes.length;
                dims = dimensions(bytes);
            }
            if (size > Covers.MAX_BYTES) {
                out.add(new Finding(
                        "covers." + i,
                        Finding.Level.IMPROVEMENT,
                        "cover \"" + ref + "\" has " + size / 1024 + " KB, above the hub's 500 KB",
                        "make it smaller, for example `modelhub covers SOURCE` writes an 800 x 400 PNG"));
            }
            if (dims != null && Math.abs((double) dims[0] / dims[1] - 2.0) > 0.1) {
                out.add(new Finding(
                        "covers." + i,
                        Finding.Level.HINT,
                        "cover \"" + ref + "\" is " + dims[0] + " x " + dims[1] + "; the hub shows covers at 2:1",
                        "crop or pad it to twice as wide as high"));
            }
        }
    }

    /** The width and height of an image ImageIO can read, from its header; null for others (svg). */
    private static int @Nullable [] dimensions(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }
}
