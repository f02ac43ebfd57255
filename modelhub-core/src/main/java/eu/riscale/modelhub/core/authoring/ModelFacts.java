package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.AxisSize;
import eu.riscale.modelhub.spec.axis.AxisType;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.SpatioTemporalAxis;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
import eu.riscale.modelhub.spec.weights.KerasHdf5WeightsDescr;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowJsWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a description says, in words and as derived facts, shared by the card, the covers and the review. */
final class ModelFacts {
    private ModelFacts() {}

    /** The weights entries present, in {@link WeightsDescr#PRIORITY} order. */
    static List<WeightsEntryDescr> weights(ModelDescr model) {
        return model.weights().entries();
    }

    static Set<WeightsFormat> formats(ModelDescr model) {
        Set<WeightsFormat> out = new LinkedHashSet<>();
        for (WeightsEntryDescr e : weights(model)) {
            out.add(e.format());
        }
        return out;
    }

    /** The framework and its version an entry was saved with, in words. */
    static String frameworkVersion(WeightsEntryDescr e) {
        if (e instanceof TorchscriptWeightsDescr) {
            return "PyTorch " + ((TorchscriptWeightsDescr) e).pytorchVersion();
        } else if (e instanceof PytorchStateDictWeightsDescr) {
            return "PyTorch " + ((PytorchStateDictWeightsDescr) e).pytorchVersion();
        } else if (e instanceof OnnxWeightsDescr) {
            return "ONNX opset " + ((OnnxWeightsDescr) e).opsetVersion();
        } else if (e instanceof TensorflowSavedModelBundleWeightsDescr) {
            return "TensorFlow " + ((TensorflowSavedModelBundleWeightsDescr) e).tensorflowVersion();
        } else if (e instanceof KerasHdf5WeightsDescr) {
            return "TensorFlow " + ((KerasHdf5WeightsDescr) e).tensorflowVersion();
        } else if (e instanceof KerasV3WeightsDescr) {
            KerasV3WeightsDescr k = (KerasV3WeightsDescr) e;
            return "Keras " + k.kerasVersion() + " on " + k.backend().name().id() + " "
                    + k.backend().version();
        } else if (e instanceof TensorflowJsWeightsDescr) {
            return "TensorFlow " + ((TensorflowJsWeightsDescr) e).tensorflowVersion();
        }
        throw new AssertionError(e);
    }

    /** The framework tag for a weights format. */
    static String frameworkTag(WeightsFormat f) {
        switch (f) {
            case TORCHSCRIPT:
            case PYTORCH_STATE_DICT:
                return "pytorch";
            case ONNX:
                return "onnx";
            case TENSORFLOW_SAVED_MODEL_BUNDLE:
                return "tensorflow";
            case KERAS_HDF5:
            case KERAS_V3:
                return "keras";
            case TENSORFLOW_JS:
                return "tensorflow.js";
            default:
                throw new AssertionError(f);
        }
    }

    /** The dims tag ({@code 2d}, {@code 3d}, {@code 2d-t}, {@code 3d-t}) of the first input, if it has space axes. */
    static @Nullable String dimsTag(ModelDescr model) {
        if (model.inputs().isEmpty()) {
            return null;
        }
        int space = 0;
        boolean time = false;
        for (Axis a : model.inputs().get(0).axes()) {
            if (a.type() == AxisType.SPACE && sizeAboveOne(a)) {
                space++;
            } else if (a.type() == AxisType.TIME) {
                time = true;
            }
        }
        if (space < 2 || space > 3) {
            return null;
        }
        return space + "d" + (time ? "-t" : "");
    }

    private static boolean sizeAboveOne(Axis a) {
        if (a instanceof SpaceInputAxis) {
            AxisSize s = ((SpaceInputAxis) a).size();
            return !(s instanceof FixedSize) || ((FixedSize) s).value() > 1;
        }
        return true;
    }

    /** One line per axis: id, type, size in words, unit and scale. */
    static String axis(Axis a) {
        StringBuilder b = new StringBuilder();
        b.append('`').append(a.id()).append("` (").append(a.type().id()).append(')');
        String size = size(a);
        if (!size.isEmpty()) {
            b.append(": ").append(size);
        }
        if (a instanceof ChannelAxis) {
            b.append(": ")
                    .append(((ChannelAxis) a)
                            .channelNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")));
        }
        if (a instanceof SpatioTemporalAxis) {
            SpatioTemporalAxis st = (SpatioTemporalAxis) a;
            if (st.unit() != null) {
                b.append(", ")
                        .append(fmt(st.scale()))
                        .append(' ')
                        .append(st.unit())
                        .append(" per pixel");
            } else if (st.scale() != 1.0) {
                b.append(", scale ").append(fmt(st.scale()));
            }
        }
        if (a instanceof SpaceOutputAxisWithHalo) {
            b.append(", halo ")
                    .append(((SpaceOutputAxisWithHalo) a).halo())
                    .append(" (crop this many pixels on each side)");
        } else if (a instanceof TimeOutputAxisWithHalo) {
            b.append(", halo ").append(((TimeOutputAxisWithHalo) a).halo());
        }
        if (!a.description().isBlank()) {
            b.append(" — ").append(a.description().strip());
        }
        return b.toString();
    }

    private static String size(Axis a) {
        if (a instanceof BatchAxis) {
            Integer s = ((BatchAxis) a).size();
            return s == null ? "any batch size" : "batch size " + s;
        } else if (a instanceof ChannelAxis) {
            int n = ((ChannelAxis) a).channelNames().size();
            return n == 1 ? "1 channel" : n + " channels";
        } else if (a instanceof SpaceInputAxis) {
            return size(((SpaceInputAxis) a).size());
        } else if (a instanceof TimeInputAxis) {
            return size(((TimeInputAxis) a).size());
        } else if (a instanceof IndexInputAxis) {
            return size(((IndexInputAxis) a).size());
        } else if (a instanceof SpaceOutputAxis) {
            return size(((SpaceOutputAxis) a).size());
        } else if (a instanceof TimeOutputAxis) {
            return size(((TimeOutputAxis) a).size());
        } else if (a instanceof IndexOutputAxis) {
            return size(((IndexOutputAxis) a).size());
        } else if (a instanceof SpaceOutputAxisWithHalo) {
            return size(((SpaceOutputAxisWithHalo) a).size());
        } else if (a instanceof TimeOutputAxisWithHalo) {
            return size(((TimeOutputAxisWithHalo) a).size());
        }
        throw new AssertionError(a);
    }

    private static String size(AxisSize s) {
        if (s instanceof FixedSize) {
            return "size " + ((FixedSize) s).value();
        } else if (s instanceof ParameterizedSize) {
            ParameterizedSize p = (ParameterizedSize) s;
            return "size " + p.min() + " + n·" + p.step() + " (n ≥ 0)";
        } else if (s instanceof SizeReference) {
            SizeReference r = (SizeReference) s;
            return "size of `" + r.tensorId() + "." + r.axisId() + "`"
                    + (r.offset() == 0 ? "" : (r.offset() > 0 ? " + " : " − ") + Math.abs(r.offset()));
        } else if (s instanceof DataDependentSize) {
            DataDependentSize d = (DataDependentSize) s;
            return "data-dependent size (" + d.min() + " to " + (d.max() == null ? "any" : d.max()) + ")";
        }
        throw new AssertionError(s);
    }

    /** The data type, range and unit of a tensor, in words. */
    static String data(TensorData data) {
        if (data instanceof PerChannelData) {
            List<String> parts = new ArrayList<>();
            List<TensorDataDescr> channels = ((PerChannelData) data).channels();
            for (int i = 0; i < channels.size(); i++) {
                parts.add("channel " + i + ": " + data(channels.get(i)));
            }
            return String.join("; ", parts);
        }
        if (data instanceof IntervalOrRatioDataDescr) {
            IntervalOrRatioDataDescr d = (IntervalOrRatioDataDescr) data;
            StringBuilder b = new StringBuilder(d.type().id());
            Double min = d.range().min();
            Double max = d.range().max();
            if (min != null || max != null) {
                b.append(", values in [")
                        .append(min == null ? "−∞" : fmt(min))
                        .append(", ")
                        .append(max == null ? "∞" : fmt(max))
                        .append(']');
            } else {
                b.append(", any value range");
            }
            if (!d.unit().equals("arbitrary unit")) {
                b.append(", unit ").append(d.unit());
            }
            if (d.scale() != 1.0 || d.offset() != null) {
                b.append(", physical value = ")
                        .append(fmt(d.scale()))
                        .append(" · value")
                        .append(d.offset() == null ? "" : " + " + fmt(d.offset()));
            }
            return b.toString();
        }
        if (data instanceof NominalOrOrdinalDataDescr) {
            NominalOrOrdinalDataDescr d = (NominalOrOrdinalDataDescr) data;
            return d.type().id() + ", one of " + d.values();
        }
        throw new AssertionError(data);
    }

    /** One processing step in words. */
    static String step(PostprocessingDescr op) {
        if (op instanceof EnsureDtypeDescr) {
            return "cast to " + ((EnsureDtypeDescr) op).kwargs().dtype().id();
        } else if (op instanceof ZeroMeanUnitVarianceDescr) {
            ZeroMeanUnitVarianceKwargs k = ((ZeroMeanUnitVarianceDescr) op).kwargs();
            return "normalize to zero mean and unit variance, (x − mean) / (std + " + fmt(k.eps()) + "), "
                    + over(k.axes());
        } else if (op instanceof FixedZeroMeanUnitVarianceDescr) {
            FixedZeroMeanUnitVarianceKwargs k = ((FixedZeroMeanUnitVarianceDescr) op).kwargs();
            if (k instanceof FixedZeroMeanUnitVarianceKwargs.Scalar) {
                FixedZeroMeanUnitVarianceKwargs.Scalar s = (FixedZeroMeanUnitVarianceKwargs.Scalar) k;
                return "normalize with fixed values, (x − " + fmt(s.mean()) + ") / " + fmt(s.std());
            }
            FixedZeroMeanUnitVarianceKwargs.AlongAxis s = (FixedZeroMeanUnitVarianceKwargs.AlongAxis) k;
            return "normalize with fixed values along `" + s.axis() + "`, (x − mean) / std with mean " + s.mean()
                    + " and std " + s.std();
        } else if (op instanceof ScaleRangeDescr) {
            ScaleRangeKwargs k = ((ScaleRangeDescr) op).kwargs();
            return "scale so that the " + fmt(k.minPercentile()) + "th percentile becomes 0 and the "
                    + fmt(k.maxPercentile()) + "th percentile becomes 1, " + over(k.axes())
                    + (k.referenceTensor() == null ? "" : ", percentiles taken from `" + k.referenceTensor() + "`");
        } else if (op instanceof ScaleLinearDescr) {
            ScaleLinearKwargs k = ((ScaleLinearDescr) op).kwargs();
            if (k instanceof ScaleLinearKwargs.Scalar) {
                ScaleLinearKwargs.Scalar s = (ScaleLinearKwargs.Scalar) k;
                return "scale linearly, x · " + fmt(s.gain()) + " + " + fmt(s.offset());
            }
            ScaleLinearKwargs.AlongAxis s = (ScaleLinearKwargs.AlongAxis) k;
            return "scale linearly along `" + s.axis() + "`, x · gain + offset with gain "
                    + s.gain().values() + " and offset " + s.offset().values();
        } else if (op instanceof ClipDescr) {
            ClipKwargs k = ((ClipDescr) op).kwargs();
            String lo = k.min() != null
                    ? fmt(k.min())
                    : k.minPercentile() != null ? "the " + fmt(k.minPercentile()) + "th percentile" : "−∞";
            String hi = k.max() != null
                    ? fmt(k.max())
                    : k.maxPercentile() != null ? "the " + fmt(k.maxPercentile()) + "th percentile" : "∞";
            return "clip values to [" + lo + ", " + hi + "]";
        } else if (op instanceof BinarizeDescr) {
            BinarizeKwargs k = ((BinarizeDescr) op).kwargs();
            if (k instanceof BinarizeKwargs.Scalar) {
                return "binarize: values above " + fmt(((BinarizeKwargs.Scalar) k).threshold()) + " become 1, others 0";
            }
            BinarizeKwargs.AlongAxis s = (BinarizeKwargs.AlongAxis) k;
            return "binarize along `" + s.axis() + "` with thresholds " + s.threshold();
        } else if (op instanceof SigmoidDescr) {
            return "apply the sigmoid 1 / (1 + e^−x)";
        } else if (op instanceof SoftmaxDescr) {
            return "apply softmax along `" + ((SoftmaxDescr) op).kwargs().axis() + "`";
        } else if (op instanceof ScaleMeanVarianceDescr) {
            ScaleMeanVarianceKwargs k = ((ScaleMeanVarianceDescr) op).kwargs();
            return "scale to the mean and variance of `" + k.referenceTensor() + "`, " + over(k.axes());
        }
        throw new AssertionError(op);
    }

    private static String over(@Nullable List<String> axes) {
        if (axes == null) {
            return "over the whole tensor";
        }
        return "over axes " + axes.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e15) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v).replace("E", "e").replace(".0e", "e");
    }
}
