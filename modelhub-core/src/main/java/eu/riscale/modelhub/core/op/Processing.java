package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.ExternalPostprocessingDescr;
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
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the spec's processing records ({@code spec.op}) to the ops of this package, and builds the ops of the
 * <em>effective</em> processing of a tensor description ({@code InputTensorDescr.effectivePreprocessing()}, {@code
 * OutputTensorDescr.effectivePostprocessing()}): its ops plus the implicit {@code ensure_dtype} steps that the
 * reference inserts (reference A.4):
 *
 * <ul>
 *   <li>inputs: {@code ensure_dtype(data.type)} is prepended unless the first op is {@code ensure_dtype}, and appended
 *       unless the last op is {@code ensure_dtype} or {@code binarize};
 *   <li>outputs: {@code ensure_dtype(data.type)} is appended unless the last op is {@code ensure_dtype} or {@code
 *       binarize}.
 * </ul>
 *
 * <p>{@code data.type} of a per-channel data list is the type of its first entry (the spec requires equal types). As
 * in the reference, the {@code eps} kwargs of {@code zero_mean_unit_variance} and {@code scale_range} are not used (see
 * {@code docs/processing.md}); that of {@code scale_mean_variance} is.
 *
 * <pre>{@code
 * ProcessingChain pre = Processing.preprocessing(model);
 * ProcessingChain post = Processing.postprocessing(model);
 * }</pre>
 */
public final class Processing {
    private Processing() {}

    /**
     * Tells whether every processing step of a description can run here, and if not, which step cannot and what it
     * needs: the {@link ExternalPostprocessingDescr external steps} ({@code stardist_postprocessing}, {@code
     * cellpose_flow_dynamics}, {@code custom}) are validated but not run by this SDK.
     *
     * @param model the description
     * @return empty when every step runs, else {@code "not supported by this SDK: <location> (<id>) needs <what>"}
     *     for the first step that does not
     */
    public static Optional<String> unsupported(ModelDescr model) {
        for (int i = 0; i < model.outputs().size(); i++) {
            List<PostprocessingDescr> steps = model.outputs().get(i).postprocessing();
            for (int k = 0; k < steps.size(); k++) {
                if (steps.get(k) instanceof ExternalPostprocessingDescr) {
                    ExternalPostprocessingDescr e = (ExternalPostprocessingDescr) steps.get(k);
                    return Optional.of("not supported by this SDK: " + Location.of("outputs", i, "postprocessing", k)
                            + " (" + e.id() + ") needs " + e.needs());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Maps one processing record to its op.
     *
     * @param descr the record
     * @return the op with the record's parameters
     * @throws IllegalArgumentException when the parameters are out of the op's range (naming the op and kwarg)
     * @throws UnsupportedOperationException for an {@link ExternalPostprocessingDescr external step}, which this SDK
     *     does not run (check {@link #unsupported} first)
     */
    public static Op of(PostprocessingDescr descr) {
        if (descr instanceof ExternalPostprocessingDescr) {
            ExternalPostprocessingDescr e = (ExternalPostprocessingDescr) descr;
            throw new UnsupportedOperationException("not supported by this SDK: " + e.id() + " needs " + e.needs());
        }
        if (descr instanceof EnsureDtypeDescr) {
            return EnsureDtype.of(((EnsureDtypeDescr) descr).kwargs().dtype());
        } else if (descr instanceof BinarizeDescr) {
            BinarizeKwargs k = ((BinarizeDescr) descr).kwargs();
            if (k instanceof BinarizeKwargs.Scalar) {
                return Binarize.of(((BinarizeKwargs.Scalar) k).threshold());
            }
            BinarizeKwargs.AlongAxis a = (BinarizeKwargs.AlongAxis) k;
            return Binarize.alongAxis(a.axis(), doubles(a.threshold()));
        } else if (descr instanceof ClipDescr) {
            ClipKwargs k = ((ClipDescr) descr).kwargs();
            return Clip.of(k.min(), k.minPercentile(), k.max(), k.maxPercentile(), axes(k.axes()));
        } else if (descr instanceof FixedZeroMeanUnitVarianceDescr) {
            FixedZeroMeanUnitVarianceKwargs k = ((FixedZeroMeanUnitVarianceDescr) descr).kwargs();
            if (k instanceof FixedZeroMeanUnitVarianceKwargs.Scalar) {
                FixedZeroMeanUnitVarianceKwargs.Scalar s = (FixedZeroMeanUnitVarianceKwargs.Scalar) k;
                return FixedZeroMeanUnitVariance.of(s.mean(), s.std());
            }
            FixedZeroMeanUnitVarianceKwargs.AlongAxis a = (FixedZeroMeanUnitVarianceKwargs.AlongAxis) k;
            return FixedZeroMeanUnitVariance.alongAxis(a.axis(), doubles(a.mean()), doubles(a.std()));
        } else if (descr instanceof ScaleLinearDescr) {
            ScaleLinearKwargs k = ((ScaleLinearDescr) descr).kwargs();
            if (k instanceof ScaleLinearKwargs.Scalar) {
                ScaleLinearKwargs.Scalar s = (ScaleLinearKwargs.Scalar) k;
                return ScaleLinear.of(s.gain(), s.offset());
            }
            ScaleLinearKwargs.AlongAxis a = (ScaleLinearKwargs.AlongAxis) k;
            return ScaleLinear.alongAxis(
                    a.axis(), doubles(a.gain().values()), doubles(a.offset().values()));
        } else if (descr instanceof ScaleRangeDescr) {
            ScaleRangeKwargs k = ((ScaleRangeDescr) descr).kwargs();
            return ScaleRange.percentiles(k.minPercentile(), k.maxPercentile(), axes(k.axes()), k.referenceTensor());
        } else if (descr instanceof SigmoidDescr) {
            return Sigmoid.of();
        } else if (descr instanceof SoftmaxDescr) {
            return Softmax.along(((SoftmaxDescr) descr).kwargs().axis());
        } else if (descr instanceof ZeroMeanUnitVarianceDescr) {
            return ZeroMeanUnitVariance.over(
                    axes(((ZeroMeanUnitVarianceDescr) descr).kwargs().axes()));
        } else if (descr instanceof ScaleMeanVarianceDescr) {
            ScaleMeanVarianceKwargs k = ((ScaleMeanVarianceDescr) descr).kwargs();
            return ScaleMeanVariance.of(k.referenceTensor(), axes(k.axes()), k.eps());
        }
        throw new AssertionError(descr);
    }

    /**
     * Builds the effective preprocessing of an input: its ops with the implicit {@code ensure_dtype} steps.
     *
     * @param input the input description
     * @return the ops in order
     * @throws IllegalArgumentException when an op's parameters are out of range, naming the tensor and op index
     */
    public static List<Op> effectivePreprocessing(InputTensorDescr input) {
        map(input.id(), "preprocessing", input.preprocessing()); // errors name the declared index
        return List.copyOf(map(input.id(), "preprocessing", input.effectivePreprocessing()));
    }

    /**
     * Builds the effective postprocessing of an output: its ops with the implicit trailing {@code ensure_dtype}.
     *
     * @param output the output description
     * @return the ops in order
     * @throws IllegalArgumentException when an op's parameters are out of range, naming the tensor and op index
     */
    public static List<Op> effectivePostprocessing(OutputTensorDescr output) {
        map(output.id(), "postprocessing", output.postprocessing()); // errors name the declared index
        return List.copyOf(map(output.id(), "postprocessing", output.effectivePostprocessing()));
    }

    /**
     * Builds the chain of the effective preprocessing of every input of a model.
     *
     * @param model the model
     * @return the chain, keyed by input id
     */
    public static ProcessingChain preprocessing(ModelDescr model) {
        ProcessingChain.Builder b = ProcessingChain.builder();
        for (InputTensorDescr in : model.inputs()) {
            b.add(in.id(), effectivePreprocessing(in));
        }
        return b.build();
    }

    /**
     * Builds the chain of the effective postprocessing of every output of a model.
     *
     * @param model the model
     * @return the chain, keyed by output id
     */
    public static ProcessingChain postprocessing(ModelDescr model) {
        ProcessingChain.Builder b = ProcessingChain.builder();
        for (OutputTensorDescr out : model.outputs()) {
            b.add(out.id(), effectivePostprocessing(out));
        }
        return b.build();
    }

    private static List<Op> map(String tensorId, String field, List<? extends PostprocessingDescr> descrs) {
        List<Op> ops = new ArrayList<>(descrs.size() + 2);
        for (int i = 0; i < descrs.size(); i++) {
            try {
                ops.add(of(descrs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "tensor '" + tensorId + "' " + field + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return ops;
    }

    private static double[] doubles(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    private static @Nullable Set<String> axes(@Nullable List<String> axes) {
        return axes == null ? null : new LinkedHashSet<>(axes);
    }
}
