package eu.riscale.modelhub.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void uint8PngRoundTrip() throws IOException {
        byte[] data = {0, 1, 2, (byte) 200, (byte) 255, 7};
        Tensor t = Tensor.of(DType.UINT8, data, new int[] {2, 3}, List.of("y", "x"));
        Images.write(t, dir.resolve("a.png"));
        Tensor back = Images.read(dir.resolve("a.png"));
        assertThat(back).isEqualTo(t);
    }

    @Test
    void uint16PngKeepsFullRange() throws IOException {
        short[] data = {0, (short) 65535, 1000, (short) 40000};
        Tensor t = Tensor.of(DType.UINT16, data, new int[] {2, 2}, List.of("y", "x"));
        Images.write(t, dir.resolve("a.png"));
        assertThat(Images.read(dir.resolve("a.png"))).isEqualTo(t);
    }

    @Test
    void rgbPngHasAChannelAxis() throws IOException {
        byte[] data = new byte[3 * 2 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 10);
        }
        Tensor t = Tensor.of(DType.UINT8, data, new int[] {3, 2, 2}, List.of("channel", "y", "x"));
        Images.write(t, dir.resolve("rgb.png"));
        Tensor back = Images.read(dir.resolve("rgb.png"));
        assertThat(back.axes()).containsExactly("channel", "y", "x");
        assertThat(back).isEqualTo(t);
    }

    @Test
    void float32MultiPageTiffRoundTripDroppingSingletonAxes() throws IOException {
        float[] data = {0.5f, -1.25f, 3e-5f, 1e6f, Float.MIN_NORMAL, 2f, 0f, -0f};
        Tensor t = Tensor.of(data, new int[] {1, 2, 1, 2, 2}, List.of("batch", "z", "channel", "y", "x"));
        Images.write(t, dir.resolve("stack.tif"));
        Tensor back = Images.read(dir.resolve("stack.tif"));
        assertThat(back.axes()).containsExactly("z", "y", "x");
        assertThat(back.shape()).containsExactly(2, 2, 2);
        assertThat(back.toFloatArray()).containsExactly(data);
        assertThat(Images.read(dir.resolve("stack.tif"), "time").axes()).containsExactly("time", "y", "x");
    }

    @Test
    void transposesToRowsAndColumns() throws IOException {
        short[] data = {1, 2, 3, 4, 5, 6};
        Tensor xy = Tensor.of(DType.UINT16, data, new int[] {3, 2}, List.of("x", "y"));
        Images.write(xy, dir.resolve("t.tif"));
        assertThat(Images.read(dir.resolve("t.tif"))).isEqualTo(xy.transpose(List.of("y", "x")));
    }

    @Test
    void pngCannotHoldFloats() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4}, new int[] {2, 2}, List.of("y", "x"));
        assertThatThrownBy(() -> Images.write(t, dir.resolve("a.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PNG cannot hold float32 samples; write a .tif or cast to uint8/uint16");
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void tooManyAxesAreRefusedNamingThem() {
        Tensor t = Tensor.zeros(DType.UINT8, new int[] {2, 3, 4, 4}, List.of("time", "channel", "y", "x"));
        assertThatThrownBy(() -> Images.write(t, dir.resolve("a.tif")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an image has at most one axis besides y and x, found [time, channel] (with sizes above"
                        + " one) in [time, channel, y, x]");
    }

    @Test
    void unsupportedDtypeAndSuffix() {
        Tensor t = Tensor.zeros(DType.INT32, new int[] {2, 2}, List.of("y", "x"));
        assertThatThrownBy(() -> Images.write(t, dir.resolve("a.tif")))
                .hasMessage("cannot write int32 as an image; cast to uint8, uint16 or float32 first");
        assertThatThrownBy(() -> Images.read(dir.resolve("a.jpg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("a.jpg: expected a .tif, .tiff or .png file");
    }

    @Test
    void garbageIsAnIOExceptionNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.png"), "not an image");
        assertThatThrownBy(() -> Images.read(bad))
                .isInstanceOf(IOException.class)
                .hasMessage(bad + ": not a TIFF or PNG image");
    }
}
