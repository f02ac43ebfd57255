package eu.riscale.modelhub.core.authoring;

import java.util.List;
import java.util.Locale;

/**
 * The tag categories the hub uses to make models findable, each with a modest vocabulary of common tags. The
 * categories are the hub's ({@code modality, dims, content, framework, software, network, task}); the tags listed are
 * the project's own selection of frequent ones, not the hub's full list, and other tags are allowed. {@link HubReview}
 * reports a category none of whose tags a model has.
 */
public enum TagCategory {
    /** The imaging modality. */
    MODALITY(
            "modality",
            List.of(
                    "electron-microscopy",
                    "cryo-electron-microscopy",
                    "fluorescence-light-microscopy",
                    "transmission-light-microscopy",
                    "super-resolution-microscopy",
                    "x-ray-microscopy",
                    "high-content-imaging",
                    "whole-slide-imaging",
                    "other")),
    /** The dimensionality of the data. */
    DIMS("dims", List.of("2d", "3d", "2d-t", "3d-t")),
    /** What is imaged or segmented. */
    CONTENT(
            "content",
            List.of(
                    "cells",
                    "nuclei",
                    "tissue",
                    "plant",
                    "mitochondria",
                    "cell-membrane",
                    "vasculature",
                    "brain",
                    "whole-organism",
                    "extracellular-vesicles")),
    /** The deep learning framework. */
    FRAMEWORK("framework", List.of("pytorch", "tensorflow", "tensorflow.js", "onnx", "keras")),
    /** Consumer software that runs the model. */
    SOFTWARE("software", List.of("deepimagej", "ilastik", "qupath", "fiji", "imagej", "imjoy")),
    /** The network architecture. */
    NETWORK("network", List.of("unet", "resnet", "densenet", "inception", "stardist", "shufflenet")),
    /** The image analysis task. */
    TASK(
            "task",
            List.of(
                    "semantic-segmentation",
                    "instance-segmentation",
                    "object-detection",
                    "image-classification",
                    "denoising",
                    "image-restoration",
                    "image-reconstruction",
                    "super-resolution",
                    "in-silico-labeling"));

    /**
     * Writes a tag the way the hub's tags are written: lower case, words joined by hyphens.
     *
     * @param tag a tag as an author wrote it
     * @return the normalized tag
     */
    public static String normalize(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private final String id;
    private final List<String> tags;

    TagCategory(String id, List<String> tags) {
        this.id = id;
        this.tags = tags;
    }

    /** {@return the category's name, for example {@code "dims"}} */
    public String id() {
        return id;
    }

    /** {@return this category's common tags (lower case, hyphenated)} */
    public List<String> tags() {
        return tags;
    }

    /**
     * Tells whether any of a model's tags belongs to this category, ignoring case and reading spaces and underscores
     * as hyphens ({@code "Instance segmentation"} counts as {@code instance-segmentation}).
     *
     * @param modelTags the tags of a model
     * @return whether the category is covered
     */
    public boolean isCoveredBy(List<String> modelTags) {
        for (String t : modelTags) {
            if (tags.contains(normalize(t))) {
                return true;
            }
        }
        return false;
    }
}
