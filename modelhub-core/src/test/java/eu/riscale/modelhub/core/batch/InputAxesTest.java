package eu.riscale.modelhub.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InvalidInputException;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputAxesTest {
    /** A description with one input of the given axes (YAML flow sequence items). */
    static InputTensorDescr input(String axes) throws Exception {
        String yaml = """
                format_version: 0.5.7
                type: model
                name: axes test
                description: an input with the axes under test
                authors: [{name: modelhub-java tests}]
                cite: [{text: test, doi: 10.1007/978-3-319-24574-4_28}]
                license: MIT
                documentation: README.md
                inputs:
                  - id: raw
                    axes: [%s]
                    test_tensor: {source: in.npy}
                outputs:
                  - id: out
                    axes: [{type: space, id: y, size: {tensor_id: raw, axis_id: y}},
                           {type: space, id: x, size: {tensor_id: raw, axis_id: x}}]
                    test_tensor: {source: out.npy}
                weights:
                  onnx: {source: weights.onnx, opset_version: 17}
                """.formatted(axes);
        return Descriptions.parse(yaml).inputs().get(0);
    }

    private static final String YX = "{type: space, id: y, size: 8}, {type: space, id: x, size: 8}";

    private static Tensor image(List<String> axes, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Tensor.of(DType.UINT16, new short[n], shape, axes);
    }

    @Test
    void pagesOfAPlainTiffGoToTheOnlyAxisThatTakesThem() throws Exception {
        InputTensorDescr in = input("{type: batch}, {type: channel, channel_names: [a]}, {type: space, id: z,"
                + " size: {min: 4, step: 4}}, " + YX);
        Tensor t = InputAxes.ofImage(image(List.of("page", "y", "x"), 12, 8, 8), in, "stack.tif");
        assertThat(t.axes()).containsExactly("z", "y", "x");
    }

    @Test
    void pagesGoToAFreeBatchAxisOnlyWhenNothingElseTakesThem() throws Exception {
        InputTensorDescr in = input("{type: batch}, {type: channel, channel_names: [a]}, " + YX);
        assertThat(InputAxes.ofImage(image(List.of("page", "y", "x"), 7, 8, 8), in, "frames.tif")
                        .axes())
                .containsExactly("batch", "y", "x");
    }

    @Test
    void pagesGoToAChannelAxisWithAsManyChannels() throws Exception {
        InputTensorDescr in = input("{type: batch}, {type: channel, channel_names: [a, b, c]}, " + YX);
        assertThat(InputAxes.ofImage(image(List.of("page", "y", "x"), 3, 8, 8), in, "rgb.tif")
                        .axes())
                .containsExactly("channel", "y", "x");
    }

    @Test
    void pagesThatSeveralAxesCouldTakeAreAmbiguous() throws Exception {
        InputTensorDescr in = input("{type: channel, channel_names: [a, b]}, {type: space, id: z, size: 2}, " + YX);
        assertThatThrownBy(() -> InputAxes.ofImage(image(List.of("page", "y", "x"), 2, 8, 8), in, "s.tif"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("s.tif: 2 pages of a plain (not OME) multi-page TIFF, and they could be any of axes"
                        + " [channel, z] of input 'raw'; name the file's axes (for example cyx) or give an OME-TIFF");
    }

    @Test
    void pagesThatNoAxisTakesAreNamed() throws Exception {
        InputTensorDescr in = input("{type: batch, size: 1}, {type: channel, channel_names: [a]}, " + YX);
        assertThatThrownBy(() -> InputAxes.ofImage(image(List.of("page", "y", "x"), 5, 8, 8), in, "s.tif"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("s.tif: 5 pages of a plain (not OME) multi-page TIFF, and no axis of input"
                        + " 'raw' [batch, channel, y, x] can take them; name the file's axes (for example zyx) or give an"
                        + " OME-TIFF");
    }

    @Test
    void omeAxesGoToTheModelsAxesOfTheirType() throws Exception {
        InputTensorDescr in = input("{type: time, size: 4}, {type: channel, channel_names: [a, b]},"
                + " {type: space, id: depth, size: 3}, " + YX);
        Tensor t = InputAxes.ofImage(image(List.of("time", "channel", "z", "y", "x"), 4, 2, 3, 8, 8), in, "a.ome.tif");
        assertThat(t.axes()).containsExactly("time", "channel", "depth", "y", "x");
    }

    @Test
    void explicitAxesUseLettersForTheModelsAxisTypes() throws Exception {
        InputTensorDescr in = input(
                "{type: batch}, {type: channel, channel_names: [a, b]}, " + "{type: space, id: z, size: 2}, " + YX);
        Tensor t = InputAxes.named(image(List.of("page", "y", "x"), 2, 8, 8), "zyx", in, "s.tif");
        assertThat(t.axes()).containsExactly("z", "y", "x");
        Tensor c = InputAxes.named(image(List.of("page", "y", "x"), 2, 8, 8), "cyx", in, "s.tif");
        assertThat(c.axes()).containsExactly("channel", "y", "x");
        Tensor ids = InputAxes.named(image(List.of("d0", "d1", "d2"), 2, 8, 8), "z, y, x", in, "s.npy");
        assertThat(ids.axes()).containsExactly("z", "y", "x");
        assertThatThrownBy(() -> InputAxes.named(image(List.of("page", "y", "x"), 2, 8, 8), "yx", in, "s.tif"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("s.tif: the axes 'yx' name 2 dimensions, the file has 3 (shape [2, 8, 8])");
        assertThatThrownBy(() -> InputAxes.named(image(List.of("page", "y", "x"), 2, 8, 8), "yyx", in, "s.tif"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("s.tif: the axes 'yyx' name axis 'y' twice; expected one distinct axis per dimension");
    }

    @Test
    void arraysTakeTheModelsAxesLeavingOutBatchAndSingleChannelFirst() throws Exception {
        InputTensorDescr in = input("{type: batch}, {type: channel, channel_names: [a]}, " + YX);
        assertThat(InputAxes.ofArray(image(List.of("d0", "d1"), 8, 8), in, "a.npy")
                        .axes())
                .containsExactly("y", "x");
        assertThat(InputAxes.ofArray(image(List.of("d0", "d1", "d2", "d3"), 1, 1, 8, 8), in, "a.npy")
                        .axes())
                .containsExactly("batch", "channel", "y", "x");
        assertThatThrownBy(() -> InputAxes.ofArray(image(List.of("d0"), 8), in, "a.npy"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a.npy: found 1 dimensions (shape [8]), expected 4 for the axes of input 'raw'"
                        + " [batch, channel, y, x]");
    }
}
