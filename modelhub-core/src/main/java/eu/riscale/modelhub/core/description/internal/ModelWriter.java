package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.StaticOutputSize;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.LinkedModel;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.common.RunMode;
import eu.riscale.modelhub.spec.common.Uploader;
import eu.riscale.modelhub.spec.config.BiasRisksLimitations;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.config.EnvironmentalImpact;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.config.TrainingDetails;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.SoftmaxKwargs;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromLibraryDescr;
import eu.riscale.modelhub.spec.weights.KerasHdf5WeightsDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowJsWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link ModelDescr} into a tree whose keys follow the spec's field order; values equal to the spec's
 * defaults are left out, except {@code format_version}, {@code type} and required fields.
 */
public final class ModelWriter {
    private ModelWriter() {}

    /**
     * Writes a model as an ordered tree.
     *
     * @param model the model
     * @return the root mapping
     */
    public static ObjectNode toTree(ModelDescr model) {
        return modelDescr(model);
    }

    static JsonNode inputAxis(InputAxis a) {
        if (a instanceof BatchAxis x) {
            return batchAxis(x);
        } else if (a instanceof ChannelAxis x) {
            return channelAxis(x);
        } else if (a instanceof IndexInputAxis x) {
            return indexInputAxis(x);
        } else if (a instanceof TimeInputAxis x) {
            return timeInputAxis(x);
        } else if (a instanceof SpaceInputAxis x) {
            return spaceInputAxis(x);
        }
        throw new AssertionError(a);
    }

    static JsonNode outputAxis(OutputAxis a) {
        if (a instanceof BatchAxis x) {
            return batchAxis(x);
        } else if (a instanceof ChannelAxis x) {
            return channelAxis(x);
        } else if (a instanceof IndexOutputAxis x) {
            return indexOutputAxis(x);
        } else if (a instanceof TimeOutputAxis x) {
            return timeOutputAxis(x);
        } else if (a instanceof TimeOutputAxisWithHalo x) {
            return timeOutputAxisWithHalo(x);
        } else if (a instanceof SpaceOutputAxis x) {
            return spaceOutputAxis(x);
        } else if (a instanceof SpaceOutputAxisWithHalo x) {
            return spaceOutputAxisWithHalo(x);
        }
        throw new AssertionError(a);
    }

    static JsonNode inputSize(InputSize s) {
        if (s instanceof FixedSize f) {
            return JsonNodeFactory.instance.numberNode(f.value());
        } else if (s instanceof ParameterizedSize p) {
            return parameterizedSize(p);
        } else if (s instanceof SizeReference r) {
            return sizeReference(r);
        }
        throw new AssertionError(s);
    }

    static JsonNode outputSize(OutputSize s) {
        if (s instanceof StaticOutputSize x) {
            return staticOutputSize(x);
        } else if (s instanceof DataDependentSize d) {
            return dataDependentSize(d);
        }
        throw new AssertionError(s);
    }

    static JsonNode staticOutputSize(StaticOutputSize s) {
        if (s instanceof FixedSize f) {
            return JsonNodeFactory.instance.numberNode(f.value());
        } else if (s instanceof SizeReference r) {
            return sizeReference(r);
        }
        throw new AssertionError(s);
    }

    static JsonNode tensorData(TensorData d) {
        if (d instanceof PerChannelData p) {
            return Out.list(p.channels(), ModelWriter::tensorDataDescr);
        } else if (d instanceof TensorDataDescr t) {
            return tensorDataDescr(t);
        }
        throw new AssertionError(d);
    }

    static JsonNode tensorDataDescr(TensorDataDescr d) {
        if (d instanceof IntervalOrRatioDataDescr i) {
            return intervalOrRatioDataDescr(i);
        } else if (d instanceof NominalOrOrdinalDataDescr o) {
            return nominalOrOrdinalDataDescr(o);
        }
        throw new AssertionError(d);
    }

    static JsonNode range(Range r) {
        return Out.value(java.util.Arrays.asList(r.min(), r.max()));
    }

    static JsonNode preprocessingDescr(PreprocessingDescr p) {
        if (p instanceof BinarizeDescr x) {
            return binarizeDescr(x);
        } else if (p instanceof ClipDescr x) {
            return clipDescr(x);
        } else if (p instanceof EnsureDtypeDescr x) {
            return ensureDtypeDescr(x);
        } else if (p instanceof FixedZeroMeanUnitVarianceDescr x) {
            return fixedZeroMeanUnitVarianceDescr(x);
        } else if (p instanceof ScaleLinearDescr x) {
            return scaleLinearDescr(x);
        } else if (p instanceof ScaleRangeDescr x) {
            return scaleRangeDescr(x);
        } else if (p instanceof SigmoidDescr x) {
            return sigmoidDescr(x);
        } else if (p instanceof SoftmaxDescr x) {
            return softmaxDescr(x);
        } else if (p instanceof ZeroMeanUnitVarianceDescr x) {
            return zeroMeanUnitVarianceDescr(x);
        }
        throw new AssertionError(p);
    }

    static JsonNode postprocessingDescr(PostprocessingDescr p) {
        if (p instanceof PreprocessingDescr x) {
            return preprocessingDescr(x);
        } else if (p instanceof ScaleMeanVarianceDescr x) {
            return scaleMeanVarianceDescr(x);
        }
        throw new AssertionError(p);
    }

    static JsonNode binarizeKwargs(BinarizeKwargs k) {
        if (k instanceof BinarizeKwargs.Scalar s) {
            return binarizeKwargsScalar(s);
        } else if (k instanceof BinarizeKwargs.AlongAxis a) {
            return binarizeKwargsAlongAxis(a);
        }
        throw new AssertionError(k);
    }

    static JsonNode fixedZeroMeanUnitVarianceKwargs(FixedZeroMeanUnitVarianceKwargs k) {
        if (k instanceof FixedZeroMeanUnitVarianceKwargs.Scalar s) {
            return fixedZeroMeanUnitVarianceKwargsScalar(s);
        } else if (k instanceof FixedZeroMeanUnitVarianceKwargs.AlongAxis a) {
            return fixedZeroMeanUnitVarianceKwargsAlongAxis(a);
        }
        throw new AssertionError(k);
    }

    static JsonNode scaleLinearKwargs(ScaleLinearKwargs k) {
        if (k instanceof ScaleLinearKwargs.Scalar s) {
            return scaleLinearKwargsScalar(s);
        } else if (k instanceof ScaleLinearKwargs.AlongAxis a) {
            return scaleLinearKwargsAlongAxis(a);
        }
        throw new AssertionError(k);
    }

    static JsonNode coefficients(Coefficients c) {
        return c.scalar() ? Out.value(c.values().get(0)) : Out.value(c.values());
    }

    static JsonNode architectureDescr(ArchitectureDescr a) {
        if (a instanceof ArchitectureFromFileDescr f) {
            return architectureFromFileDescr(f);
        } else if (a instanceof ArchitectureFromLibraryDescr l) {
            return architectureFromLibraryDescr(l);
        }
        throw new AssertionError(a);
    }

    static ObjectNode author(Author v) {
        Out o = new Out();
        if (v.affiliation() != null) {
            o.put("affiliation", Out.value(v.affiliation()));
        }
        if (v.email() != null) {
            o.put("email", Out.value(v.email()));
        }
        if (v.orcid() != null) {
            o.put("orcid", Out.value(v.orcid()));
        }
        o.put("name", Out.value(v.name()));
        if (v.githubUser() != null) {
            o.put("github_user", Out.value(v.githubUser()));
        }
        return o.node();
    }

    static ObjectNode maintainer(Maintainer v) {
        Out o = new Out();
        if (v.affiliation() != null) {
            o.put("affiliation", Out.value(v.affiliation()));
        }
        if (v.email() != null) {
            o.put("email", Out.value(v.email()));
        }
        if (v.orcid() != null) {
            o.put("orcid", Out.value(v.orcid()));
        }
        if (v.name() != null) {
            o.put("name", Out.value(v.name()));
        }
        o.put("github_user", Out.value(v.githubUser()));
        return o.node();
    }

    static ObjectNode citeEntry(CiteEntry v) {
        Out o = new Out();
        o.put("text", Out.value(v.text()));
        if (v.doi() != null) {
            o.put("doi", Out.value(v.doi()));
        }
        if (v.url() != null) {
            o.put("url", Out.value(v.url()));
        }
        return o.node();
    }

    static ObjectNode uploader(Uploader v) {
        Out o = new Out();
        o.put("email", Out.value(v.email()));
        if (v.name() != null) {
            o.put("name", Out.value(v.name()));
        }
        return o.node();
    }

    static ObjectNode fileDescr(FileDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        return o.node();
    }

    static ObjectNode linkedModel(LinkedModel v) {
        Out o = new Out();
        if (v.version() != null) {
            o.put("version", Out.value(v.version()));
        }
        o.put("id", Out.value(v.id()));
        return o.node();
    }

    static ObjectNode linkedDataset(LinkedDataset v) {
        Out o = new Out();
        if (v.version() != null) {
            o.put("version", Out.value(v.version()));
        }
        o.put("id", Out.value(v.id()));
        return o.node();
    }

    static ObjectNode runMode(RunMode v) {
        Out o = new Out();
        o.put("name", Out.value(v.name()));
        if (!v.kwargs().equals(Map.of())) {
            o.put("kwargs", Out.value(v.kwargs()));
        }
        return o.node();
    }

    static ObjectNode parameterizedSize(ParameterizedSize v) {
        Out o = new Out();
        o.put("min", Out.value(v.min()));
        o.put("step", Out.value(v.step()));
        return o.node();
    }

    static ObjectNode dataDependentSize(DataDependentSize v) {
        Out o = new Out();
        if (v.min() != 1) {
            o.put("min", Out.value(v.min()));
        }
        if (v.max() != null) {
            o.put("max", Out.value(v.max()));
        }
        return o.node();
    }

    static ObjectNode sizeReference(SizeReference v) {
        Out o = new Out();
        o.put("tensor_id", Out.value(v.tensorId()));
        o.put("axis_id", Out.value(v.axisId()));
        if (v.offset() != 0) {
            o.put("offset", Out.value(v.offset()));
        }
        return o.node();
    }

    static ObjectNode batchAxis(BatchAxis v) {
        Out o = new Out();
        if (!v.id().equals("batch")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("batch"));
        if (v.size() != null) {
            o.put("size", Out.value(v.size()));
        }
        return o.node();
    }

    static ObjectNode channelAxis(ChannelAxis v) {
        Out o = new Out();
        if (!v.id().equals("channel")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("channel"));
        o.put("channel_names", Out.list(v.channelNames(), e -> Out.value(e)));
        return o.node();
    }

    static ObjectNode indexInputAxis(IndexInputAxis v) {
        Out o = new Out();
        o.put("size", ModelWriter.inputSize(v.size()));
        if (!v.id().equals("index")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("index"));
        if (v.concatenable() != false) {
            o.put("concatenable", Out.value(v.concatenable()));
        }
        return o.node();
    }

    static ObjectNode indexOutputAxis(IndexOutputAxis v) {
        Out o = new Out();
        if (!v.id().equals("index")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("index"));
        o.put("size", ModelWriter.outputSize(v.size()));
        return o.node();
    }

    static ObjectNode timeInputAxis(TimeInputAxis v) {
        Out o = new Out();
        o.put("size", ModelWriter.inputSize(v.size()));
        if (!v.id().equals("time")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("time"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        if (v.concatenable() != false) {
            o.put("concatenable", Out.value(v.concatenable()));
        }
        return o.node();
    }

    static ObjectNode timeOutputAxis(TimeOutputAxis v) {
        Out o = new Out();
        o.put("size", ModelWriter.staticOutputSize(v.size()));
        if (!v.id().equals("time")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("time"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        return o.node();
    }

    static ObjectNode timeOutputAxisWithHalo(TimeOutputAxisWithHalo v) {
        Out o = new Out();
        o.put("halo", Out.value(v.halo()));
        o.put("size", ModelWriter.sizeReference(v.size()));
        if (!v.id().equals("time")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("time"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        return o.node();
    }

    static ObjectNode spaceInputAxis(SpaceInputAxis v) {
        Out o = new Out();
        o.put("size", ModelWriter.inputSize(v.size()));
        if (!v.id().equals("x")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("space"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        if (v.concatenable() != false) {
            o.put("concatenable", Out.value(v.concatenable()));
        }
        return o.node();
    }

    static ObjectNode spaceOutputAxis(SpaceOutputAxis v) {
        Out o = new Out();
        o.put("size", ModelWriter.staticOutputSize(v.size()));
        if (!v.id().equals("x")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("space"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        return o.node();
    }

    static ObjectNode spaceOutputAxisWithHalo(SpaceOutputAxisWithHalo v) {
        Out o = new Out();
        o.put("halo", Out.value(v.halo()));
        o.put("size", ModelWriter.sizeReference(v.size()));
        if (!v.id().equals("x")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("type", Out.value("space"));
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        return o.node();
    }

    static ObjectNode intervalOrRatioDataDescr(IntervalOrRatioDataDescr v) {
        Out o = new Out();
        if (!v.type().equals(DType.FLOAT32)) {
            o.put("type", Out.value(v.type().id()));
        }
        if (!v.range().equals(Range.UNBOUNDED)) {
            o.put("range", ModelWriter.range(v.range()));
        }
        if (!v.unit().equals("arbitrary unit")) {
            o.put("unit", Out.value(v.unit()));
        }
        if (v.scale() != 1.0) {
            o.put("scale", Out.value(v.scale()));
        }
        if (v.offset() != null) {
            o.put("offset", Out.value(v.offset()));
        }
        return o.node();
    }

    static ObjectNode nominalOrOrdinalDataDescr(NominalOrOrdinalDataDescr v) {
        Out o = new Out();
        o.put("values", Out.list(v.values(), e -> Out.value(e)));
        if (!v.type().equals(DType.UINT8)) {
            o.put("type", Out.value(v.type().id()));
        }
        if (v.unit() != null) {
            o.put("unit", Out.value(v.unit()));
        }
        return o.node();
    }

    static ObjectNode inputTensorDescr(InputTensorDescr v) {
        Out o = new Out();
        if (!v.id().equals("input")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("axes", Out.list(v.axes(), e -> ModelWriter.inputAxis(e)));
        if (v.testTensor() != null) {
            o.put("test_tensor", ModelWriter.fileDescr(v.testTensor()));
        }
        if (v.sampleTensor() != null) {
            o.put("sample_tensor", ModelWriter.fileDescr(v.sampleTensor()));
        }
        if (!v.data().equals(IntervalOrRatioDataDescr.DEFAULT)) {
            o.put("data", ModelWriter.tensorData(v.data()));
        }
        if (v.optional() != false) {
            o.put("optional", Out.value(v.optional()));
        }
        if (!v.preprocessing().equals(List.of())) {
            o.put("preprocessing", Out.list(v.preprocessing(), e -> ModelWriter.preprocessingDescr(e)));
        }
        return o.node();
    }

    static ObjectNode outputTensorDescr(OutputTensorDescr v) {
        Out o = new Out();
        if (!v.id().equals("output")) {
            o.put("id", Out.value(v.id()));
        }
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        o.put("axes", Out.list(v.axes(), e -> ModelWriter.outputAxis(e)));
        if (v.testTensor() != null) {
            o.put("test_tensor", ModelWriter.fileDescr(v.testTensor()));
        }
        if (v.sampleTensor() != null) {
            o.put("sample_tensor", ModelWriter.fileDescr(v.sampleTensor()));
        }
        if (!v.data().equals(IntervalOrRatioDataDescr.DEFAULT)) {
            o.put("data", ModelWriter.tensorData(v.data()));
        }
        if (!v.postprocessing().equals(List.of())) {
            o.put("postprocessing", Out.list(v.postprocessing(), e -> ModelWriter.postprocessingDescr(e)));
        }
        return o.node();
    }

    static ObjectNode binarizeKwargsScalar(BinarizeKwargs.Scalar v) {
        Out o = new Out();
        o.put("threshold", Out.value(v.threshold()));
        return o.node();
    }

    static ObjectNode binarizeKwargsAlongAxis(BinarizeKwargs.AlongAxis v) {
        Out o = new Out();
        o.put("threshold", Out.list(v.threshold(), e -> Out.value(e)));
        o.put("axis", Out.value(v.axis()));
        return o.node();
    }

    static ObjectNode binarizeDescr(BinarizeDescr v) {
        Out o = new Out();
        o.put("id", Out.value("binarize"));
        o.put("kwargs", ModelWriter.binarizeKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode clipKwargs(ClipKwargs v) {
        Out o = new Out();
        if (v.min() != null) {
            o.put("min", Out.value(v.min()));
        }
        if (v.minPercentile() != null) {
            o.put("min_percentile", Out.value(v.minPercentile()));
        }
        if (v.max() != null) {
            o.put("max", Out.value(v.max()));
        }
        if (v.maxPercentile() != null) {
            o.put("max_percentile", Out.value(v.maxPercentile()));
        }
        if (v.axes() != null) {
            o.put("axes", Out.list(v.axes(), e -> Out.value(e)));
        }
        return o.node();
    }

    static ObjectNode clipDescr(ClipDescr v) {
        Out o = new Out();
        o.put("id", Out.value("clip"));
        o.put("kwargs", ModelWriter.clipKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode ensureDtypeKwargs(EnsureDtypeKwargs v) {
        Out o = new Out();
        o.put("dtype", Out.value(v.dtype().id()));
        return o.node();
    }

    static ObjectNode ensureDtypeDescr(EnsureDtypeDescr v) {
        Out o = new Out();
        o.put("id", Out.value("ensure_dtype"));
        o.put("kwargs", ModelWriter.ensureDtypeKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode fixedZeroMeanUnitVarianceKwargsScalar(FixedZeroMeanUnitVarianceKwargs.Scalar v) {
        Out o = new Out();
        o.put("mean", Out.value(v.mean()));
        o.put("std", Out.value(v.std()));
        return o.node();
    }

    static ObjectNode fixedZeroMeanUnitVarianceKwargsAlongAxis(FixedZeroMeanUnitVarianceKwargs.AlongAxis v) {
        Out o = new Out();
        o.put("mean", Out.list(v.mean(), e -> Out.value(e)));
        o.put("std", Out.list(v.std(), e -> Out.value(e)));
        o.put("axis", Out.value(v.axis()));
        return o.node();
    }

    static ObjectNode fixedZeroMeanUnitVarianceDescr(FixedZeroMeanUnitVarianceDescr v) {
        Out o = new Out();
        o.put("id", Out.value("fixed_zero_mean_unit_variance"));
        o.put("kwargs", ModelWriter.fixedZeroMeanUnitVarianceKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode scaleLinearKwargsScalar(ScaleLinearKwargs.Scalar v) {
        Out o = new Out();
        if (v.gain() != 1.0) {
            o.put("gain", Out.value(v.gain()));
        }
        if (v.offset() != 0.0) {
            o.put("offset", Out.value(v.offset()));
        }
        return o.node();
    }

    static ObjectNode scaleLinearKwargsAlongAxis(ScaleLinearKwargs.AlongAxis v) {
        Out o = new Out();
        o.put("axis", Out.value(v.axis()));
        if (!v.gain().equals(Coefficients.ONE)) {
            o.put("gain", ModelWriter.coefficients(v.gain()));
        }
        if (!v.offset().equals(Coefficients.ZERO)) {
            o.put("offset", ModelWriter.coefficients(v.offset()));
        }
        return o.node();
    }

    static ObjectNode scaleLinearDescr(ScaleLinearDescr v) {
        Out o = new Out();
        o.put("id", Out.value("scale_linear"));
        o.put("kwargs", ModelWriter.scaleLinearKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode scaleMeanVarianceKwargs(ScaleMeanVarianceKwargs v) {
        Out o = new Out();
        o.put("reference_tensor", Out.value(v.referenceTensor()));
        if (v.axes() != null) {
            o.put("axes", Out.list(v.axes(), e -> Out.value(e)));
        }
        if (v.eps() != 1e-6) {
            o.put("eps", Out.value(v.eps()));
        }
        return o.node();
    }

    static ObjectNode scaleMeanVarianceDescr(ScaleMeanVarianceDescr v) {
        Out o = new Out();
        o.put("id", Out.value("scale_mean_variance"));
        o.put("kwargs", ModelWriter.scaleMeanVarianceKwargs(v.kwargs()));
        return o.node();
    }

    static ObjectNode scaleRangeKwargs(ScaleRangeKwargs v) {
        Out o = new Out();
        if (v.axes() != null) {
            o.put("axes", Out.list(v.axes(), e -> Out.value(e)));
        }
        if (v.minPercentile() != 0.0) {
            o.put("min_percentile", Out.value(v.minPercentile()));
        }
        if (v.maxPercentile() != 100.0) {
            o.put("max_percentile", Out.value(v.maxPercentile()));
        }
        if (v.eps() != 1e-6) {
            o.put("eps", Out.value(v.eps()));
        }
        if (v.referenceTensor() != null) {
            o.put("reference_tensor", Out.value(v.referenceTensor()));
        }
        return o.node();
    }

    static ObjectNode scaleRangeDescr(ScaleRangeDescr v) {
        Out o = new Out();
        o.put("id", Out.value("scale_range"));
        if (!v.kwargs().equals(ScaleRangeKwargs.DEFAULT)) {
            o.put("kwargs", ModelWriter.scaleRangeKwargs(v.kwargs()));
        }
        return o.node();
    }

    static ObjectNode sigmoidDescr(SigmoidDescr v) {
        Out o = new Out();
        o.put("id", Out.value("sigmoid"));
        return o.node();
    }

    static ObjectNode softmaxKwargs(SoftmaxKwargs v) {
        Out o = new Out();
        if (!v.axis().equals("channel")) {
            o.put("axis", Out.value(v.axis()));
        }
        return o.node();
    }

    static ObjectNode softmaxDescr(SoftmaxDescr v) {
        Out o = new Out();
        o.put("id", Out.value("softmax"));
        if (!v.kwargs().equals(SoftmaxKwargs.DEFAULT)) {
            o.put("kwargs", ModelWriter.softmaxKwargs(v.kwargs()));
        }
        return o.node();
    }

    static ObjectNode zeroMeanUnitVarianceKwargs(ZeroMeanUnitVarianceKwargs v) {
        Out o = new Out();
        if (v.axes() != null) {
            o.put("axes", Out.list(v.axes(), e -> Out.value(e)));
        }
        if (v.eps() != 1e-6) {
            o.put("eps", Out.value(v.eps()));
        }
        return o.node();
    }

    static ObjectNode zeroMeanUnitVarianceDescr(ZeroMeanUnitVarianceDescr v) {
        Out o = new Out();
        o.put("id", Out.value("zero_mean_unit_variance"));
        if (!v.kwargs().equals(ZeroMeanUnitVarianceKwargs.DEFAULT)) {
            o.put("kwargs", ModelWriter.zeroMeanUnitVarianceKwargs(v.kwargs()));
        }
        return o.node();
    }

    static ObjectNode kerasHdf5WeightsDescr(KerasHdf5WeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("tensorflow_version", Out.value(v.tensorflowVersion()));
        return o.node();
    }

    static ObjectNode onnxWeightsDescr(OnnxWeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("opset_version", Out.value(v.opsetVersion()));
        if (v.externalData() != null) {
            o.put("external_data", ModelWriter.fileDescr(v.externalData()));
        }
        return o.node();
    }

    static ObjectNode architectureFromFileDescr(ArchitectureFromFileDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        o.put("callable", Out.value(v.callable()));
        if (!v.kwargs().equals(Map.of())) {
            o.put("kwargs", Out.value(v.kwargs()));
        }
        return o.node();
    }

    static ObjectNode architectureFromLibraryDescr(ArchitectureFromLibraryDescr v) {
        Out o = new Out();
        o.put("callable", Out.value(v.callable()));
        if (!v.kwargs().equals(Map.of())) {
            o.put("kwargs", Out.value(v.kwargs()));
        }
        o.put("import_from", Out.value(v.importFrom()));
        return o.node();
    }

    static ObjectNode pytorchStateDictWeightsDescr(PytorchStateDictWeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("architecture", ModelWriter.architectureDescr(v.architecture()));
        o.put("pytorch_version", Out.value(v.pytorchVersion()));
        if (v.dependencies() != null) {
            o.put("dependencies", ModelWriter.fileDescr(v.dependencies()));
        }
        return o.node();
    }

    static ObjectNode tensorflowJsWeightsDescr(TensorflowJsWeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("tensorflow_version", Out.value(v.tensorflowVersion()));
        return o.node();
    }

    static ObjectNode tensorflowSavedModelBundleWeightsDescr(TensorflowSavedModelBundleWeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("tensorflow_version", Out.value(v.tensorflowVersion()));
        if (v.dependencies() != null) {
            o.put("dependencies", ModelWriter.fileDescr(v.dependencies()));
        }
        return o.node();
    }

    static ObjectNode torchscriptWeightsDescr(TorchscriptWeightsDescr v) {
        Out o = new Out();
        o.put("source", Out.value(v.source()));
        if (v.sha256() != null) {
            o.put("sha256", Out.value(v.sha256()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", Out.value(v.parent().id()));
        }
        if (!v.comment().equals("")) {
            o.put("comment", Out.value(v.comment()));
        }
        o.put("pytorch_version", Out.value(v.pytorchVersion()));
        return o.node();
    }

    static ObjectNode weightsDescr(WeightsDescr v) {
        Out o = new Out();
        if (v.kerasHdf5() != null) {
            o.put("keras_hdf5", ModelWriter.kerasHdf5WeightsDescr(v.kerasHdf5()));
        }
        if (v.onnx() != null) {
            o.put("onnx", ModelWriter.onnxWeightsDescr(v.onnx()));
        }
        if (v.pytorchStateDict() != null) {
            o.put("pytorch_state_dict", ModelWriter.pytorchStateDictWeightsDescr(v.pytorchStateDict()));
        }
        if (v.tensorflowJs() != null) {
            o.put("tensorflow_js", ModelWriter.tensorflowJsWeightsDescr(v.tensorflowJs()));
        }
        if (v.tensorflowSavedModelBundle() != null) {
            o.put(
                    "tensorflow_saved_model_bundle",
                    ModelWriter.tensorflowSavedModelBundleWeightsDescr(v.tensorflowSavedModelBundle()));
        }
        if (v.torchscript() != null) {
            o.put("torchscript", ModelWriter.torchscriptWeightsDescr(v.torchscript()));
        }
        return o.node();
    }

    static ObjectNode reproducibilityTolerance(ReproducibilityTolerance v) {
        Out o = new Out();
        if (v.relativeTolerance() != 1e-3) {
            o.put("relative_tolerance", Out.value(v.relativeTolerance()));
        }
        if (v.absoluteTolerance() != 1e-3) {
            o.put("absolute_tolerance", Out.value(v.absoluteTolerance()));
        }
        if (v.mismatchedElementsPerMillion() != 100) {
            o.put("mismatched_elements_per_million", Out.value(v.mismatchedElementsPerMillion()));
        }
        if (!v.outputIds().equals(List.of())) {
            o.put("output_ids", Out.list(v.outputIds(), e -> Out.value(e)));
        }
        if (!v.weightsFormats().equals(List.of())) {
            o.put("weights_formats", Out.list(v.weightsFormats(), e -> Out.value(e.id())));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode biasRisksLimitations(BiasRisksLimitations v) {
        Out o = new Out();
        if (v.knownBiases() != null) {
            o.put("known_biases", Out.value(v.knownBiases()));
        }
        if (v.risks() != null) {
            o.put("risks", Out.value(v.risks()));
        }
        if (v.limitations() != null) {
            o.put("limitations", Out.value(v.limitations()));
        }
        if (v.recommendations() != null) {
            o.put("recommendations", Out.value(v.recommendations()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode trainingDetails(TrainingDetails v) {
        Out o = new Out();
        if (v.trainingPreprocessing() != null) {
            o.put("training_preprocessing", Out.value(v.trainingPreprocessing()));
        }
        if (v.trainingEpochs() != null) {
            o.put("training_epochs", Out.value(v.trainingEpochs()));
        }
        if (v.trainingBatchSize() != null) {
            o.put("training_batch_size", Out.value(v.trainingBatchSize()));
        }
        if (v.initialLearningRate() != null) {
            o.put("initial_learning_rate", Out.value(v.initialLearningRate()));
        }
        if (v.learningRateSchedule() != null) {
            o.put("learning_rate_schedule", Out.value(v.learningRateSchedule()));
        }
        if (v.lossFunction() != null) {
            o.put("loss_function", Out.value(v.lossFunction()));
        }
        if (!v.lossFunctionKwargs().equals(Map.of())) {
            o.put("loss_function_kwargs", Out.value(v.lossFunctionKwargs()));
        }
        if (v.optimizer() != null) {
            o.put("optimizer", Out.value(v.optimizer()));
        }
        if (!v.optimizerKwargs().equals(Map.of())) {
            o.put("optimizer_kwargs", Out.value(v.optimizerKwargs()));
        }
        if (v.regularization() != null) {
            o.put("regularization", Out.value(v.regularization()));
        }
        if (v.trainingDuration() != null) {
            o.put("training_duration", Out.value(v.trainingDuration()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode evaluation(Evaluation v) {
        Out o = new Out();
        if (v.modelId() != null) {
            o.put("model_id", Out.value(v.modelId()));
        }
        o.put("dataset_id", Out.value(v.datasetId()));
        o.put("dataset_source", Out.value(v.datasetSource()));
        o.put("dataset_role", Out.value(v.datasetRole()));
        o.put("sample_count", Out.value(v.sampleCount()));
        o.put("evaluation_factors", Out.list(v.evaluationFactors(), e -> Out.value(e)));
        o.put("evaluation_factors_long", Out.list(v.evaluationFactorsLong(), e -> Out.value(e)));
        o.put("metrics", Out.list(v.metrics(), e -> Out.value(e)));
        o.put("metrics_long", Out.list(v.metricsLong(), e -> Out.value(e)));
        o.put("results", Out.value(v.results()));
        if (v.resultsSummary() != null) {
            o.put("results_summary", Out.value(v.resultsSummary()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode environmentalImpact(EnvironmentalImpact v) {
        Out o = new Out();
        if (v.hardwareType() != null) {
            o.put("hardware_type", Out.value(v.hardwareType()));
        }
        if (v.hoursUsed() != null) {
            o.put("hours_used", Out.value(v.hoursUsed()));
        }
        if (v.cloudProvider() != null) {
            o.put("cloud_provider", Out.value(v.cloudProvider()));
        }
        if (v.computeRegion() != null) {
            o.put("compute_region", Out.value(v.computeRegion()));
        }
        if (v.co2Emitted() != null) {
            o.put("co2_emitted", Out.value(v.co2Emitted()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode bioimageioConfig(BioimageioConfig v) {
        Out o = new Out();
        if (!v.reproducibilityTolerance().equals(List.of())) {
            o.put(
                    "reproducibility_tolerance",
                    Out.list(v.reproducibilityTolerance(), e -> ModelWriter.reproducibilityTolerance(e)));
        }
        if (v.fundedBy() != null) {
            o.put("funded_by", Out.value(v.fundedBy()));
        }
        if (v.architectureType() != null) {
            o.put("architecture_type", Out.value(v.architectureType()));
        }
        if (v.architectureDescription() != null) {
            o.put("architecture_description", Out.value(v.architectureDescription()));
        }
        if (v.modality() != null) {
            o.put("modality", Out.value(v.modality()));
        }
        if (!v.targetStructure().equals(List.of())) {
            o.put("target_structure", Out.list(v.targetStructure(), e -> Out.value(e)));
        }
        if (v.task() != null) {
            o.put("task", Out.value(v.task()));
        }
        if (v.newVersion() != null) {
            o.put("new_version", Out.value(v.newVersion()));
        }
        if (v.outOfScopeUse() != null) {
            o.put("out_of_scope_use", Out.value(v.outOfScopeUse()));
        }
        if (!v.biasRisksLimitations().equals(BiasRisksLimitations.DEFAULT)) {
            o.put("bias_risks_limitations", ModelWriter.biasRisksLimitations(v.biasRisksLimitations()));
        }
        if (v.modelParameterCount() != null) {
            o.put("model_parameter_count", Out.value(v.modelParameterCount()));
        }
        if (!v.training().equals(TrainingDetails.DEFAULT)) {
            o.put("training", ModelWriter.trainingDetails(v.training()));
        }
        if (v.inferenceTime() != null) {
            o.put("inference_time", Out.value(v.inferenceTime()));
        }
        if (v.memoryRequirementsInference() != null) {
            o.put("memory_requirements_inference", Out.value(v.memoryRequirementsInference()));
        }
        if (v.memoryRequirementsTraining() != null) {
            o.put("memory_requirements_training", Out.value(v.memoryRequirementsTraining()));
        }
        if (!v.evaluations().equals(List.of())) {
            o.put("evaluations", Out.list(v.evaluations(), e -> ModelWriter.evaluation(e)));
        }
        if (!v.environmentalImpact().equals(EnvironmentalImpact.DEFAULT)) {
            o.put("environmental_impact", ModelWriter.environmentalImpact(v.environmentalImpact()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode config(Config v) {
        Out o = new Out();
        if (!v.bioimageio().equals(BioimageioConfig.DEFAULT)) {
            o.put("bioimageio", ModelWriter.bioimageioConfig(v.bioimageio()));
        }
        o.putAll(v.extra());
        return o.node();
    }

    static ObjectNode modelDescr(ModelDescr v) {
        Out o = new Out();
        o.put("name", Out.value(v.name()));
        if (!v.description().equals("")) {
            o.put("description", Out.value(v.description()));
        }
        if (!v.covers().equals(List.of())) {
            o.put("covers", Out.list(v.covers(), e -> Out.value(e)));
        }
        if (v.idEmoji() != null) {
            o.put("id_emoji", Out.value(v.idEmoji()));
        }
        if (!v.authors().equals(List.of())) {
            o.put("authors", Out.list(v.authors(), e -> ModelWriter.author(e)));
        }
        if (!v.attachments().equals(List.of())) {
            o.put("attachments", Out.list(v.attachments(), e -> ModelWriter.fileDescr(e)));
        }
        if (!v.cite().equals(List.of())) {
            o.put("cite", Out.list(v.cite(), e -> ModelWriter.citeEntry(e)));
        }
        if (v.license() != null) {
            o.put("license", Out.value(v.license()));
        }
        if (v.gitRepo() != null) {
            o.put("git_repo", Out.value(v.gitRepo()));
        }
        if (v.icon() != null) {
            o.put("icon", Out.value(v.icon()));
        }
        if (!v.links().equals(List.of())) {
            o.put("links", Out.list(v.links(), e -> Out.value(e)));
        }
        if (v.uploader() != null) {
            o.put("uploader", ModelWriter.uploader(v.uploader()));
        }
        if (!v.maintainers().equals(List.of())) {
            o.put("maintainers", Out.list(v.maintainers(), e -> ModelWriter.maintainer(e)));
        }
        if (!v.tags().equals(List.of())) {
            o.put("tags", Out.list(v.tags(), e -> Out.value(e)));
        }
        if (v.version() != null) {
            o.put("version", Out.value(v.version()));
        }
        if (v.versionComment() != null) {
            o.put("version_comment", Out.value(v.versionComment()));
        }
        if (true) {
            o.put("format_version", Out.value(v.formatVersion()));
        }
        o.put("type", Out.value("model"));
        if (v.id() != null) {
            o.put("id", Out.value(v.id()));
        }
        if (v.documentation() != null) {
            o.put("documentation", Out.value(v.documentation()));
        }
        o.put("inputs", Out.list(v.inputs(), e -> ModelWriter.inputTensorDescr(e)));
        o.put("outputs", Out.list(v.outputs(), e -> ModelWriter.outputTensorDescr(e)));
        if (!v.packagedBy().equals(List.of())) {
            o.put("packaged_by", Out.list(v.packagedBy(), e -> ModelWriter.author(e)));
        }
        if (v.parent() != null) {
            o.put("parent", ModelWriter.linkedModel(v.parent()));
        }
        if (v.runMode() != null) {
            o.put("run_mode", ModelWriter.runMode(v.runMode()));
        }
        if (v.timestamp() != null) {
            o.put("timestamp", Out.timestamp(v.timestamp()));
        }
        if (v.trainingData() != null) {
            o.put("training_data", ModelWriter.linkedDataset(v.trainingData()));
        }
        o.put("weights", ModelWriter.weightsDescr(v.weights()));
        if (!v.config().equals(Config.DEFAULT)) {
            o.put("config", ModelWriter.config(v.config()));
        }
        return o.node();
    }
}
