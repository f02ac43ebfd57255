package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
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
 * for (Diagnostic f : HubReview.review(model, root)) {
 *     System.out.println(HubReview.level(f) + " " + f.loc() + ": " + f.message() + " -> " + f.suggestion());
 * }
 * }</pre>
 *
 * <p>Each finding is a {@link Diagnostic} with a {@link Diagnostic#suggestion() suggestion}; its severity says how much
 * it matters for the hub: {@link Severity#ERROR} is a blocker (the contribution guide asks for it; a reviewer would
 * send the model back), {@link Severity#WARNING} an improvement (makes the model clearly easier to find, judge or
 * use), {@link Severity#INFO} a hint (nice to have); see {@link #level(Diagnostic)}. Findings come sorted by level,
 * blockers first; the order within a level is stable.
 */
public final class HubReview {
    /** Blockers first, then improvements, then hints; stable within a level. */
    private static final Comparator<Diagnostic> BY_LEVEL =
            Comparator.comparing(Diagnostic::severity).reversed();

    private static final Location DOCUMENTATION = Location.of("documentation");
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
    public static List<Diagnostic> review(ModelDescr model) {
        Objects.requireNonNull(model, "model");
        List<Diagnostic> out = new ArrayList<>();
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
            out.add(finding(
                    Location.of("license"),
                    Severity.ERROR,
                    "no license",
                    "give an SPDX license id, for example \"MIT\" or \"CC-BY-4.0\""));
        }
        configHints(model, out);
        out.sort(BY_LEVEL);
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
    public static List<Diagnostic> review(ModelDescr model, ResourceRoot root) throws IOException {
        List<Diagnostic> out = new ArrayList<>(review(model));
        files(model, root, out);
        documentationContent(model, root, out);
        coverFiles(model, root, out);
        out.sort(BY_LEVEL);
        return List.copyOf(out);
    }

    /**
     * Names how much a finding matters, as the review reports it.
     *
     * @param finding a finding of {@link #review}
     * @return {@code blocker} for an error, {@code improvement} for a warning or alert, {@code hint} otherwise
     */
    public static String level(Diagnostic finding) {
        switch (finding.severity()) {
            case ERROR:
                return "blocker";
            case WARNING:
            case ALERT:
                return "improvement";
            default:
                return "hint";
        }
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

    private static void name(ModelDescr model, List<Diagnostic> out) {
        String name = model.name().strip();
        String example = "for example \"Nuclei segmentation in fluorescence microscopy (2D U-Net)\"";
        if (IDENTIFIER.matcher(name).matches()) { // one token: no spaces, only identifier characters
            out.add(finding(
                    Location.of("name"),
                    Severity.WARNING,
                    "\"" + name + "\" looks like an identifier, not a human-readable name",
                    "use words that say what the model does and on which images, " + example));
        }
        if (name.length() < 10) {
            out.add(finding(
                    Location.of("name"),
                    Severity.WARNING,
                    "the name has " + name.length() + " characters, too short to be informative",
                    "say the task and the imaging modality or structure, " + example));
        } else if (name.length() > 64) {
            out.add(finding(
                    Location.of("name"),
                    Severity.WARNING,
                    "the name has " + name.length() + " characters; the hub shows about 64",
                    "shorten it and move details into the description"));
        }
        if (!mentions(name, TASK_WORDS)) {
            List<String> tasks = derived(model, TagCategory.TASK);
            out.add(finding(
                    Location.of("name"),
                    Severity.WARNING,
                    "the name does not say the application (segmentation, denoising, restoration, ...)",
                    tasks.isEmpty()
                            ? "add the task to the name"
                            : "add the task to the name, such as \""
                                    + tasks.get(0).replace('-', ' ') + "\""));
        }
        if (!mentions(name, MODALITY_WORDS)) {
            List<String> hints = new ArrayList<>(derived(model, TagCategory.CONTENT));
            hints.addAll(derived(model, TagCategory.MODALITY));
            out.add(finding(
                    Location.of("name"),
                    Severity.WARNING,
                    "the name does not say the imaging modality or what is imaged (tissue, cells, nuclei, ...)",
                    hints.isEmpty()
                            ? "add the modality or the structure to the name"
                            : "add the modality or the structure to the name, such as \""
                                    + hints.get(0).replace('-', ' ') + "\""));
        }
    }

    private static void description(ModelDescr model, List<Diagnostic> out) {
        String d = model.description().strip();
        if (d.isEmpty()) {
            out.add(finding(
                    Location.of("description"),
                    Severity.ERROR,
                    "no description",
                    "describe in one to three sentences what the model does, on which images, and what it outputs"));
        } else if (d.length() < 40) {
            out.add(finding(
                    Location.of("description"),
                    Severity.WARNING,
                    "the description has only " + d.length() + " characters",
                    "say what the model does, on which images (modality, organism, staining), and what it outputs"));
        }
    }

    private static void tags(ModelDescr model, List<Diagnostic> out) {
        for (int i = 0; i < model.tags().size(); i++) {
            String t = model.tags().get(i);
            String normal = TagCategory.normalize(t);
            if (!normal.equals(t)) {
                out.add(finding(
                        Location.of("tags", i),
                        Severity.INFO,
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
            out.add(finding(
                    Location.of("tags"), Severity.WARNING, "no tag of the category \"" + c.id() + "\"", suggestion));
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

    private static void software(ModelDescr model, List<Diagnostic> out) {
        Set<WeightsFormat> formats = ModelFacts.formats(model);
        List<ConsumerSoftware> running = ConsumerSoftware.running(formats);
        if (running.isEmpty()) {
            out.add(finding(
                    Location.of("weights"),
                    Severity.WARNING,
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
                out.add(finding(
                        Location.of("links"),
                        Severity.WARNING,
                        s.displayName() + " runs the " + String.join(", ", formatIds)
                                + " weights, but the links do not point to it",
                        "add \"" + s.linkId() + "\" to links (after checking that the model runs in it)"));
            }
        }
        if (formats.size() == 1) {
            WeightsFormat only = formats.iterator().next();
            String other = only == WeightsFormat.ONNX ? "TorchScript" : "ONNX";
            out.add(finding(
                    Location.of("weights"),
                    Severity.INFO,
                    "only " + only.id() + " weights",
                    "also convert the weights to " + other + " so that more software can run the model"));
        }
    }

    private static void covers(ModelDescr model, List<Diagnostic> out) {
        if (model.covers().isEmpty()) {
            out.add(finding(
                    Location.of("covers"),
                    Severity.ERROR,
                    "no cover image",
                    "generate one from the test tensors with `modelhub covers SOURCE` (Covers.generate), or add a"
                            + " representative image of aspect ratio 2:1 below 500 KB"));
        }
    }

    private static void documentation(ModelDescr model, List<Diagnostic> out) {
        if (model.documentation() == null) {
            out.add(finding(
                    Location.of("documentation"),
                    Severity.ERROR,
                    "no documentation",
                    "generate a model card with `modelhub card SOURCE -o README.md` (ModelCard.generate), complete"
                            + " it, and set documentation: README.md"));
        }
    }

    private static void cite(ModelDescr model, List<Diagnostic> out) {
        if (model.cite().isEmpty()) {
            out.add(finding(
                    Location.of("cite"),
                    Severity.ERROR,
                    "no citation",
                    "cite the paper or preprint of the model or its method, with a DOI"));
        }
        for (int i = 0; i < model.cite().size(); i++) {
            CiteEntry c = model.cite().get(i);
            if (c.doi() == null && c.url() == null) {
                out.add(finding(
                        Location.of("cite", i),
                        Severity.ERROR,
                        "\"" + abbreviate(c.text()) + "\" has neither a DOI nor a URL",
                        "add its DOI, or a URL where it can be read"));
            } else if (c.doi() == null) {
                out.add(finding(
                        Location.of("cite", i, "doi"),
                        Severity.INFO,
                        "\"" + abbreviate(c.text()) + "\" is cited by URL only",
                        "add its DOI if it has one"));
            }
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    private static void testTensors(ModelDescr model, List<Diagnostic> out) {
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            if (t.testTensor() == null) {
                out.add(missingTest(Location.of("inputs", i), t.id()));
            }
            if (t.description().isBlank()) {
                out.add(blankTensor(Location.of("inputs", i), t.id()));
            }
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            if (t.testTensor() == null) {
                out.add(missingTest(Location.of("outputs", i), t.id()));
            }
            if (t.description().isBlank()) {
                out.add(blankTensor(Location.of("outputs", i), t.id()));
            }
        }
    }

    /** A finding of the review: a diagnostic with what to do about it. */
    private static Diagnostic finding(Location loc, Severity level, String message, String suggestion) {
        return Diagnostic.of(level, loc, message).suggesting(suggestion);
    }

    private static Diagnostic missingTest(Location loc, String id) {
        return finding(
                loc.key("test_tensor"),
                Severity.ERROR,
                "tensor \"" + id + "\" has no test tensor",
                "save a representative example as .npy and reference it; the hub tests the model with it");
    }

    private static Diagnostic blankTensor(Location loc, String id) {
        return finding(
                loc.key("description"),
                Severity.WARNING,
                "tensor \"" + id + "\" is not described",
                "say what it holds: the image and its channels, or what the output values mean");
    }

    private static void people(ModelDescr model, List<Diagnostic> out) {
        if (model.authors().isEmpty()) {
            out.add(finding(
                    Location.of("authors"), Severity.ERROR, "no authors", "list the people who made the model"));
        }
        if (model.maintainers().isEmpty()) {
            boolean authorOnGithub = false;
            for (Author a : model.authors()) {
                authorOnGithub |= a.githubUser() != null;
            }
            out.add(finding(
                    Location.of("maintainers"),
                    authorOnGithub ? Severity.WARNING : Severity.ERROR,
                    "no maintainers" + (authorOnGithub ? "" : ", and no author has a GitHub user"),
                    "add a maintainer with a github_user who answers questions about the model"));
        }
    }

    private static void configHints(ModelDescr model, List<Diagnostic> out) {
        BioimageioConfig c = model.config().bioimageio();
        if (model.gitRepo() == null) {
            out.add(finding(
                    Location.of("git_repo"),
                    Severity.INFO,
                    "no source repository",
                    "link the training code as git_repo"));
        }
        if (model.trainingData() == null) {
            out.add(finding(
                    Location.of("training_data"),
                    Severity.INFO,
                    "the training data is not linked",
                    "upload the training data as a dataset to the hub and link it as training_data"));
        }
        if (c.evaluations().isEmpty()) {
            out.add(finding(
                    Location.of("config", "bioimageio", "evaluations"),
                    Severity.INFO,
                    "no evaluations recorded",
                    "record validation metrics in config.bioimageio.evaluations; the model card shows them"));
        }
    }

    private static boolean isLocal(String reference) {
        return !reference.contains("://");
    }

    /** Every file the description refers to ({@link FileReferences}) must be in the package. */
    private static void files(ModelDescr model, ResourceRoot root, List<Diagnostic> out) throws IOException {
        for (FileReference ref : FileReferences.of(model)) {
            if (isLocal(ref.source()) && !root.resolve(ref.source()).exists()) {
                out.add(finding(
                        ref.location(),
                        Severity.ERROR,
                        "file \"" + ref.source() + "\" is not in the package (" + root.location() + ")",
                        "add the file to the package, or fix the reference"));
            }
        }
    }

    private static void documentationContent(ModelDescr model, ResourceRoot root, List<Diagnostic> out)
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
            out.add(finding(
                    DOCUMENTATION,
                    Severity.ERROR,
                    "the documentation \"" + ref + "\" is not UTF-8 text",
                    "save it as UTF-8 markdown"));
            return;
        }
        List<CardSection> missing = ModelCard.missingSections(text);
        if (!missing.isEmpty()) {
            out.add(finding(
                    DOCUMENTATION,
                    Severity.WARNING,
                    "the documentation lacks the model card sections "
                            + missing.stream().map(s -> "\"" + s.title() + "\"").collect(Collectors.joining(", ")),
                    "add them; `modelhub card SOURCE` writes a card with every section filled from the description"));
        }
        int todo = ModelCard.placeholders(text);
        if (todo > 0) {
            out.add(finding(
                    DOCUMENTATION,
                    Severity.WARNING,
                    todo + " paragraph(s) of the model card are still marked \"" + ModelCard.TO_COMPLETE + "\"",
                    "write them, or remove the sections that do not apply"));
        }
    }

    private static void coverFiles(ModelDescr model, ResourceRoot root, List<Diagnostic> out) throws IOException {
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
                out.add(finding(
                        Location.of("covers", i),
                        Severity.WARNING,
                        "cover \"" + ref + "\" has " + size / 1024 + " KB, above the hub's 500 KB",
                        "make it smaller, for example `modelhub covers SOURCE` writes an 800 x 400 PNG"));
            }
            if (dims != null && Math.abs((double) dims[0] / dims[1] - 2.0) > 0.1) {
                out.add(finding(
                        Location.of("covers", i),
                        Severity.INFO,
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
