package eu.riscale.modelhub.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsDescr;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsKwargs;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.ExternalPostprocessingDescr;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.Padding;
import eu.riscale.modelhub.spec.weights.ArchitectureFromLibraryDescr;
import eu.riscale.modelhub.spec.weights.KerasBackend;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rules of formats 0.5.8 to 0.5.14 (../shared/reference/format-0.5.8-to-0.5.14.md), each valid and broken. */
class Format0514RulesTest {
    private static final String SHA = "0".repeat(64);

    static InputTensorDescr.Builder input() {
        return input(ChannelAxis.of("gfp"));
    }

    static InputTensorDescr.Builder input(ChannelAxis channel) {
        return InputTensorDescr.builder()
                .id("raw")
                .axes(
                        BatchAxis.of(),
                        channel,
                        SpaceInputAxis.builder().id("y").size(FixedSize.of(64)).build(),
                        SpaceInputAxis.builder().id("x").size(FixedSize.of(64)).build());
    }

    static OutputTensorDescr.Builder output() {
        return OutputTensorDescr.builder()
                .id("mask")
                .axes(
                        BatchAxis.of(),
                        ChannelAxis.of("prob"),
                        SpaceOutputAxis.builder()
                                .id("y")
                                .size(SizeReference.of("raw", "y"))
                                .build(),
                        SpaceOutputAxis.builder()
                                .id("x")
                                .size(SizeReference.of("raw", "x"))
                                .build());
    }

    static TorchscriptWeightsDescr torchscript() {
        return TorchscriptWeightsDescr.builder()
                .source("weights.pt")
                .pytorchVersion("2.1")
                .build();
    }

    static KerasV3WeightsDescr.Builder keras() {
        return KerasV3WeightsDescr.builder()
                .source("model.keras")
                .kerasVersion("3.3.1")
                .backend(KerasBackend.Name.TORCH, "2.3.0");
    }

    static ModelDescr.Builder model() {
        return ModelDescr.builder()
                .name("format 0514 rules")
                .formatVersion(FormatVersion.LATEST)
                .inputs(input().build())
                .outputs(output().build())
                .weights(WeightsDescr.builder().torchscript(torchscript()).build());
    }

    static ModelDescr withPost(PostprocessingDescr... steps) {
        return model().outputs(output().postprocessing(steps).build()).build();
    }

    static List<String> errors(ModelDescr model) {
        return ModelValidation.validate(model).errors().stream()
                .map(Diagnostic::loc)
                .toList();
    }

    static List<String> errors(UnaryOperator<ModelDescr.Builder> change) {
        return errors(change.apply(model()).build());
    }

    static StardistKwargs.TwoD stardist2d() {
        return new StardistKwargs.TwoD(0.5, 0.4, 32, List.of(1, 1), new StardistKwargs.Border.Uniform(2));
    }

    @Test
    void baselineIsValidAndDeclaresTheLatestFormat() {
        assertThat(errors(model().build())).isEmpty();
        assertThat(ModelDescr.FORMAT_VERSION).isEqualTo("0.5.14");
        assertThat(model().build().formatVersion()).isEqualTo("0.5.14");
    }

    @Test
    void kerasV3EntryNeedsKeras3AndAValidBackendVersion() {
        assertThat(errors(m -> m.weights(WeightsDescr.builder()
                        .kerasV3(keras().build())
                        .torchscript(torchscript().toBuilder()
                                .parent(WeightsFormat.KERAS_V3)
                                .build())
                        .build())))
                .isEmpty();
        assertThat(errors(m -> m.weights(WeightsDescr.builder()
                        .kerasV3(keras().kerasVersion("2.15.0").build())
                        .build())))
                .containsExactly("weights.keras_v3.keras_version");
        assertThat(errors(m -> m.weights(WeightsDescr.builder()
                        .kerasV3(keras().backend(KerasBackend.Name.JAX, "not a version")
                                .build())
                        .build())))
                .containsExactly("weights.keras_v3.backend.version");
        assertThat(errors(m -> m.weights(WeightsDescr.builder()
                        .kerasV3(keras().source("rdf.yaml").build())
                        .build())))
                .containsExactly("weights.keras_v3.source");
        assertThat(errors(m -> m.weights(WeightsDescr.builder()
                        .torchscript(torchscript().toBuilder()
                                .parent(WeightsFormat.KERAS_V3)
                                .build())
                        .build())))
                .containsExactly("weights.torchscript.parent");
        assertThat(WeightsFormat.fromId("keras_v3")).contains(WeightsFormat.KERAS_V3);
        assertThat(KerasBackend.Name.fromId("torch")).contains(KerasBackend.Name.TORCH);
        assertThat(KerasBackend.Name.fromId("pytorch")).isEmpty();
        assertThat(WeightsDescr.builder().kerasV3(keras().build()).build().entry(WeightsFormat.KERAS_V3))
                .isEqualTo(keras().build());
    }

    @Test
    void pytorchStateDictIsStrictByDefault() {
        PytorchStateDictWeightsDescr.Builder b = PytorchStateDictWeightsDescr.builder()
                .source("weights.pt")
                .architecture(ArchitectureFromLibraryDescr.builder()
                        .callable("UNet")
                        .importFrom("unet")
                        .build())
                .pytorchVersion("2.1");
        assertThat(b.build().strict()).isTrue();
        PytorchStateDictWeightsDescr lax = b.strict(false).build();
        assertThat(lax.strict()).isFalse();
        assertThat(lax.toBuilder().build()).isEqualTo(lax);
        assertThat(errors(m ->
                        m.weights(WeightsDescr.builder().pytorchStateDict(lax).build())))
                .isEmpty();
    }

    @Test
    void padIsOneOfFourModesAndAConstantValueMustBeFinite() {
        for (Padding pad : List.of(
                Padding.Constant.ZERO,
                new Padding.Constant(-1.5),
                new Padding.Edge(),
                new Padding.Reflect(),
                new Padding.Symmetric())) {
            assertThat(errors(m -> m.inputs(input().pad(pad).build()))).isEmpty();
        }
        assertThat(errors(m ->
                        m.inputs(input().pad(new Padding.Constant(Double.NaN)).build())))
                .containsExactly("inputs.0.pad.value");
        assertThat(List.of(new Padding.Constant(0), new Padding.Edge(), new Padding.Reflect(), new Padding.Symmetric()))
                .extracting(Padding::mode)
                .containsExactly("constant", "edge", "reflect", "symmetric");
    }

    @Test
    void outputOfIsAModelId() {
        assertThat(errors(m -> m.inputs(input().outputOf("affable-shark").build())))
                .isEmpty();
        assertThat(errors(m -> m.inputs(input().outputOf("Affable Shark").build())))
                .containsExactly("inputs.0.output_of");
    }

    @Test
    void externalStepsArePostprocessingOnly() {
        for (Class<?> c : List.of(
                StardistPostprocessingDescr.class, CellposeFlowDynamicsDescr.class, CustomPostprocessingDescr.class)) {
            assertThat(PreprocessingDescr.class.isAssignableFrom(c))
                    .as(c.getSimpleName())
                    .isFalse();
            assertThat(ExternalPostprocessingDescr.class.isAssignableFrom(c)).isTrue();
        }
        assertThat(new StardistPostprocessingDescr(stardist2d()).id()).isEqualTo("stardist_postprocessing");
        assertThat(new CellposeFlowDynamicsDescr(CellposeFlowDynamicsKwargs.of(0, 0.4, false)).id())
                .isEqualTo("cellpose_flow_dynamics");
        assertThat(new CustomPostprocessingDescr("post.py", null, "Post", Map.of()).id())
                .isEqualTo("custom");
    }

    @Test
    void stardistKwargsIn2DAnd3D() {
        assertThat(errors(withPost(new StardistPostprocessingDescr(stardist2d()))))
                .isEmpty();
        StardistKwargs.ThreeD threeD = new StardistKwargs.ThreeD(
                0.5,
                0.4,
                96,
                List.of(1, 2, 2),
                new StardistKwargs.Border.PerAxis(List.of(List.of(0, 0), List.of(2, 2), List.of(2, 2))),
                List.of(2.0, 1.0, 1.0),
                null);
        assertThat(errors(withPost(new StardistPostprocessingDescr(threeD)))).isEmpty();
        String kwargs = "outputs.0.postprocessing.0.kwargs";
        assertThat(errors(withPost(new StardistPostprocessingDescr(new StardistKwargs.TwoD(
                        0.5, 0.4, 32, List.of(1, 1, 1), new StardistKwargs.Border.Uniform(2))))))
                .containsExactly(kwargs + ".grid");
        assertThat(errors(withPost(new StardistPostprocessingDescr(new StardistKwargs.TwoD(
                        0.5,
                        0.4,
                        32,
                        List.of(1, 1),
                        new StardistKwargs.Border.PerAxis(List.of(List.of(1, 1), List.of(1, 1), List.of(1, 1))))))))
                .containsExactly(kwargs + ".b");
        assertThat(errors(withPost(new StardistPostprocessingDescr(new StardistKwargs.TwoD(
                        0.5,
                        0.4,
                        32,
                        List.of(1, 1),
                        new StardistKwargs.Border.PerAxis(List.of(List.of(1, 1), List.of(1, 1, 1))))))))
                .containsExactly(kwargs + ".b.1");
        assertThat(errors(withPost(new StardistPostprocessingDescr(new StardistKwargs.ThreeD(
                        0.5, 0.4, 96, List.of(1, 2, 2), new StardistKwargs.Border.Uniform(0), List.of(2.0, 1.0), 7)))))
                .containsExactly(kwargs + ".anisotropy");
        assertThat(errors(withPost(new StardistPostprocessingDescr(new StardistKwargs.TwoD(
                        Double.NaN, 0.4, 32, List.of(1, 1), new StardistKwargs.Border.Uniform(2))))))
                .containsExactly(kwargs + ".prob_threshold");
    }

    @Test
    void cellposeOutputDtypeIsUint16OrUint32() {
        assertThat(CellposeFlowDynamicsKwargs.of(0, 0.4, true).minSize()).isEqualTo(15);
        assertThat(CellposeFlowDynamicsKwargs.of(0, 0.4, true).outputDtype()).isEqualTo(DType.UINT16);
        assertThat(errors(withPost(
                        new CellposeFlowDynamicsDescr(new CellposeFlowDynamicsKwargs(0, 0.4, false, 0, DType.UINT32)))))
                .isEmpty();
        assertThat(errors(withPost(new CellposeFlowDynamicsDescr(
                        new CellposeFlowDynamicsKwargs(0, 0.4, false, 15, DType.FLOAT32)))))
                .containsExactly("outputs.0.postprocessing.0.kwargs.output_dtype");
        assertThat(errors(withPost(new CellposeFlowDynamicsDescr(
                        CellposeFlowDynamicsKwargs.of(0, Double.POSITIVE_INFINITY, false)))))
                .containsExactly("outputs.0.postprocessing.0.kwargs.flow_threshold");
    }

    @Test
    void customStepNamesAFileAndACallable() {
        assertThat(errors(withPost(new CustomPostprocessingDescr("post.py", SHA, "Post", Map.of("k", 1)))))
                .isEmpty();
        assertThat(errors(withPost(new CustomPostprocessingDescr("post.py", null, " ", Map.of()))))
                .containsExactly("outputs.0.postprocessing.0.callable");
        assertThat(errors(withPost(new CustomPostprocessingDescr("rdf.yaml", null, "Post", Map.of()))))
                .containsExactly("outputs.0.postprocessing.0.source");
        assertThat(errors(withPost(new CustomPostprocessingDescr("post.py", "abc", "Post", Map.of()))))
                .containsExactly("outputs.0.postprocessing.0.sha256");
    }

    @Test
    void referenceTensorsNameInputsAlsoInPostprocessing() {
        ScaleRangeKwargs ofInput =
                ScaleRangeKwargs.builder().referenceTensor("raw").build();
        ScaleRangeKwargs ofOutput =
                ScaleRangeKwargs.builder().referenceTensor("mask").build();
        assertThat(errors(withPost(new ScaleRangeDescr(ofInput)))).isEmpty();
        assertThat(errors(withPost(new ScaleRangeDescr(ofOutput))))
                .containsExactly("outputs.0.postprocessing.0.kwargs.reference_tensor");
        assertThat(errors(withPost(new ScaleMeanVarianceDescr(new ScaleMeanVarianceKwargs("mask", null, 1e-6)))))
                .containsExactly("outputs.0.postprocessing.0.kwargs.reference_tensor");
        assertThat(errors(withPost(new ScaleMeanVarianceDescr(new ScaleMeanVarianceKwargs("raw", null, 1e-6)))))
                .isEmpty();
    }

    @Test
    void configStardistIsADeclaredKeyWithAnyValue() {
        Config config = Config.builder()
                .stardist(Map.of("n_rays", 32, "thresholds", Map.of("prob", 0.5)))
                .build();
        assertThat(config.stardist()).isEqualTo(Map.of("n_rays", 32, "thresholds", Map.of("prob", 0.5)));
        assertThat(config.extra()).isEmpty();
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(errors(m -> m.config(config))).isEmpty();
        assertThat(Config.DEFAULT.stardist()).isNull();
    }

    static List<String> tolerance(ReproducibilityTolerance t) {
        return errors(m -> m.config(Config.builder()
                .bioimageio(
                        BioimageioConfig.builder().reproducibilityTolerance(t).build())
                .build()));
    }

    @Test
    void toleranceBounds() {
        String loc = "config.bioimageio.reproducibility_tolerance.0.";
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .mismatchedElementsPerMillion(30000)
                        .relativeTolerance(0.01)
                        .absoluteTolerance(0)
                        .build()))
                .isEmpty();
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .mismatchedElementsPerMillion(30001)
                        .build()))
                .containsExactly(loc + "mismatched_elements_per_million");
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .mismatchedElementsPerMillion(-1)
                        .build()))
                .containsExactly(loc + "mismatched_elements_per_million");
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .relativeTolerance(0.02)
                        .build()))
                .containsExactly(loc + "relative_tolerance");
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .absoluteTolerance(-1e-9)
                        .build()))
                .containsExactly(loc + "absolute_tolerance");
    }

    @Test
    void continuousAndDiscreteTolerances() {
        assertThat(ReproducibilityTolerance.DEFAULTS)
                .containsExactly(ReproducibilityTolerance.CONTINUOUS, ReproducibilityTolerance.DISCRETE);
        ReproducibilityTolerance discrete =
                ReproducibilityTolerance.builder().discrete().build();
        assertThat(discrete).isEqualTo(ReproducibilityTolerance.DISCRETE);
        assertThat(discrete.mismatchedElementsPerMillion()).isEqualTo(1000);
        assertThat(discrete.kind().outputIdsLiteral()).isEqualTo("any_discrete_output");
        assertThat(ReproducibilityTolerance.Kind.ofLiteral("any_continuous_output"))
                .isEqualTo(ReproducibilityTolerance.Kind.CONTINUOUS);
        assertThat(ReproducibilityTolerance.Kind.ofLiteral("mask")).isNull();
        assertThat(tolerance(discrete)).isEmpty();
        assertThat(tolerance(ReproducibilityTolerance.builder().continuous().build()))
                .isEmpty();
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .discrete()
                        .relativeTolerance(1e-3)
                        .build()))
                .containsExactly("config.bioimageio.reproducibility_tolerance.0.relative_tolerance");
        assertThat(tolerance(ReproducibilityTolerance.builder()
                        .discrete()
                        .absoluteTolerance(1e-3)
                        .build()))
                .containsExactly("config.bioimageio.reproducibility_tolerance.0.absolute_tolerance");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReproducibilityTolerance.builder()
                        .continuous()
                        .outputIds("mask")
                        .build())
                .withMessageContaining("takes no output ids");
    }

    @Test
    void toleranceSelectionIsFirstMatchWithTheDefaultsForAnEmptyList() {
        WeightsFormat ts = WeightsFormat.TORCHSCRIPT;
        assertThat(ReproducibilityTolerance.select(List.of(), "mask", false, ts))
                .contains(ReproducibilityTolerance.CONTINUOUS);
        assertThat(ReproducibilityTolerance.select(List.of(), "labels", true, ts))
                .contains(ReproducibilityTolerance.DISCRETE);
        ReproducibilityTolerance onnxOnly = ReproducibilityTolerance.builder()
                .continuous()
                .weightsFormats(WeightsFormat.ONNX)
                .relativeTolerance(0.005)
                .build();
        ReproducibilityTolerance maskOnly = ReproducibilityTolerance.builder()
                .outputIds("mask")
                .absoluteTolerance(0.5)
                .build();
        List<ReproducibilityTolerance> list = List.of(onnxOnly, maskOnly);
        assertThat(ReproducibilityTolerance.select(list, "mask", false, WeightsFormat.ONNX))
                .contains(onnxOnly);
        assertThat(ReproducibilityTolerance.select(list, "mask", true, WeightsFormat.ONNX))
                .contains(maskOnly);
        assertThat(ReproducibilityTolerance.select(list, "other", false, ts)).isEmpty();
    }

    @Test
    void channelNamesAreAnyNonEmptyStrings() {
        assertThat(errors(m -> m.inputs(
                        input(ChannelAxis.of("GFP channel", "for", "1st")).build())))
                .isEmpty();
        assertThat(errors(m -> m.inputs(input(ChannelAxis.of("gfp", "")).build())))
                .containsExactly("inputs.0.axes.1.channel_names.1");
    }

    static InputTensorDescr colored(String... colors) {
        return input(ChannelAxis.builder()
                        .channelNames("gfp", "dapi")
                        .channelColors(colors)
                        .build())
                .build();
    }

    @Test
    void channelColorsExistInFormat0513Only() {
        assertThat(errors(m -> m.formatVersion("0.5.13").inputs(colored("green", "#0000ff"))))
                .isEmpty();
        assertThat(errors(m -> m.formatVersion("0.5.13").inputs(colored("rgb(0, 255, 0)", "0x00f"))))
                .isEmpty();
        assertThat(errors(m -> m.formatVersion("0.5.14").inputs(colored("green", "blue"))))
                .containsExactly("inputs.0.axes.1.channel_colors");
        assertThat(errors(m -> m.formatVersion("0.5.12").inputs(colored("green", "blue"))))
                .containsExactly("inputs.0.axes.1.channel_colors");
        assertThat(errors(m -> m.formatVersion("0.5.13").inputs(colored("green", "not-a-colour"))))
                .containsExactly("inputs.0.axes.1.channel_colors.1");
        assertThat(errors(m -> m.formatVersion("0.5.13").inputs(colored("green"))))
                .containsExactly("inputs.0.axes.1.channel_colors");
        ModelDescr of0513 =
                model().formatVersion("0.5.13").inputs(colored("green", "blue")).build();
        ModelDescr latest = of0513.toLatestFormat();
        assertThat(latest.formatVersion()).isEqualTo("0.5.14");
        assertThat(((ChannelAxis) latest.inputs().get(0).axes().get(1)).channelColors())
                .isEmpty();
        assertThat(errors(latest)).isEmpty();
    }

    @Test
    void tiffCoversAreAcceptedBefore0511Only() {
        assertThat(errors(m -> m.formatVersion("0.5.7").covers("cover.tif", "c.TIFF")))
                .isEmpty();
        assertThat(errors(m -> m.formatVersion("0.5.10").covers("cover.png", "cover.tiff")))
                .isEmpty();
        assertThat(errors(m -> m.formatVersion("0.5.11").covers("cover.png", "cover.tiff")))
                .containsExactly("covers.1.source");
        assertThat(errors(m -> m.formatVersion("0.5.14").covers("cover.TIF"))).containsExactly("covers.0.source");
    }

    @Test
    void newerFormatVersionsAreReadAsTheLatestWithAnAlert() {
        ValidationReport newer =
                ModelValidation.validate(model().formatVersion("0.5.15").build());
        assertThat(newer.isValid()).isTrue();
        assertThat(newer.issues())
                .filteredOn(i -> i.loc().equals("format_version"))
                .extracting(Diagnostic::message)
                .containsExactly("format_version 0.5.15 is newer than 0.5.14, the version this SDK implements; it is"
                        + " treated as 0.5.14.");
        for (String v : List.of("0.5.0", "0.5.7", "0.5.13", "0.5.14")) {
            assertThat(ModelValidation.validate(model().formatVersion(v).build())
                            .issues())
                    .as(v)
                    .noneMatch(i -> i.loc().equals("format_version"));
        }
    }

    @Test
    void formatVersionGates() {
        assertThat(FormatVersion.patch("0.5.11")).isEqualTo(11);
        assertThat(FormatVersion.patch("0.4.10")).isEqualTo(-1);
        assertThat(FormatVersion.patch("0.5.x")).isEqualTo(-1);
        assertThat(FormatVersion.requiresFileDescriptors("0.5.10")).isFalse();
        assertThat(FormatVersion.requiresFileDescriptors("0.5.11")).isTrue();
        assertThat(FormatVersion.requiresFileDescriptors("0.5.99")).isTrue();
        assertThat(FormatVersion.allowsChannelColors("0.5.13")).isTrue();
        assertThat(FormatVersion.allowsChannelColors("0.5.14")).isFalse();
        assertThat(FormatVersion.isNewerThanLatest("0.5.14")).isFalse();
        assertThat(FormatVersion.isNewerThanLatest("0.5.15")).isTrue();
    }

    @Test
    void discreteOutputsAreTheIntegerAndBoolTypes() {
        OutputTensorDescr labels =
                output().data(IntervalOrRatioDataDescr.of(DType.UINT16)).build();
        assertThat(labels.data().type().isFloatingPoint()).isFalse();
        assertThat(output().build().data().type()).isEqualTo(DType.FLOAT32);
    }
}
