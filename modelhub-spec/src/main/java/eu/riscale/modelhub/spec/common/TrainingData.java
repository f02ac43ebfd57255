package eu.riscale.modelhub.spec.common;

/**
 * A model's {@code training_data}: a link to a dataset on bioimage.io ({@code {id, version}}) or a dataset
 * description embedded in the model ({@link DatasetDescr}, format 0.3).
 */
public sealed interface TrainingData permits LinkedDataset, DatasetDescr {}
