package eu.riscale.modelhub.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OME-TIFF files written here page by page, each pixel holding its own coordinates: 1000 c + 100 z + 10 y + x. */
class OmeTiffTest {
    @TempDir
    Path dir;

    static String omeXml(String order, int z, int c, int t) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"><Image ID=\"Image:0\">"
                + "<Pixels ID=\"Pixels:0\" DimensionOrder=\"" + order + "\" Type=\"uint16\" SizeX=\"4\" SizeY=\"3\""
                + " SizeZ=\"" + z + "\" SizeC=\"" + c + "\" SizeT=\"" + t + "\"/></Image></OME>";
    }

    /** Writes 16-bit pages of 3 x 4 pixels; page p holds value(p, y, x) given by the function. */
    static Path write(Path file, String description, int pages, PageValue value) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int p = 0; p < pages; p++) {
                BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
                WritableRaster r = img.getRaster();
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        r.setSample(x, y, 0, value.at(p, y, x));
                    }
                }
                IIOMetadata meta = null;
                if (p == 0 && description != null) {
                    IIOMetadata base = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(img), writer.getDefaultWriteParam());
                    TIFFDirectory d = TIFFDirectory.createFromMetadata(base);
                    TIFFTag tag = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION);
                    d.addTIFFField(new TIFFField(tag, TIFFTag.TIFF_ASCII, 1, new String[] {description}));
                    meta = d.getAsMetadata();
                }
                writer.writeToSequence(new IIOImage(img, null, meta), writer.getDefaultWriteParam());
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    @FunctionalInterface
    interface PageValue {
        int at(int page, int y, int x);
    }

    private static void assertCoordinates(Tensor t, int channels, int planes) {
        for (int c = 0; c < channels; c++) {
            for (int z = 0; z < planes; z++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        assertThat(t.getDouble(c, z, y, x)).isEqualTo(1000 * c + 100 * z + 10 * y + x);
                    }
                }
            }
        }
    }

    @Test
    void zFastestPagesBecomeChannelZyx() throws IOException {
        // XYZCT: page p = z + 3 c
        Path f = write(
                dir.resolve("a.ome.tif"),
                omeXml("XYZCT", 3, 2, 1),
                6,
                (p, y, x) -> 1000 * (p / 3) + 100 * (p % 3) + 10 * y + x);
        Tensor t = Images.read(f);
        assertThat(t.axes()).containsExactly("channel", "z", "y", "x");
        assertThat(t.shape()).containsExactly(2, 3, 3, 4);
        assertCoordinates(t, 2, 3);
    }

    @Test
    void channelFastestPagesBecomeChannelZyxToo() throws IOException {
        // XYCZT: page p = c + 2 z
        Path f = write(
                dir.resolve("b.ome.tiff"),
                omeXml("XYCZT", 3, 2, 1),
                6,
                (p, y, x) -> 1000 * (p % 2) + 100 * (p / 2) + 10 * y + x);
        Tensor t = Images.read(f);
        assertThat(t.axes()).containsExactly("channel", "z", "y", "x");
        assertCoordinates(t, 2, 3);
    }

    @Test
    void timeSeriesGetsATimeAxisAndSingletonsAreDropped() throws IOException {
        Path f = write(dir.resolve("t.ome.tif"), omeXml("XYZCT", 1, 1, 4), 4, (p, y, x) -> 100 * p + x);
        Tensor t = Images.read(f);
        assertThat(t.axes()).containsExactly("time", "y", "x");
        assertThat(t.getDouble(3, 2, 1)).isEqualTo(301);
    }

    @Test
    void plainMultiPageTiffKeepsItsPageAxis() throws IOException {
        Path f = write(dir.resolve("plain.tif"), "a microscope's free text", 2, (p, y, x) -> p);
        assertThat(Images.read(f).axes()).containsExactly("z", "y", "x");
        assertThat(Images.read(f, "time").axes()).containsExactly("time", "y", "x");
    }

    @Test
    void sizesThatDoNotAccountForThePagesAreAnError() throws IOException {
        Path f = write(dir.resolve("bad.ome.tif"), omeXml("XYZCT", 4, 1, 1), 6, (p, y, x) -> p);
        assertThatThrownBy(() -> Images.read(f))
                .isInstanceOf(IOException.class)
                .hasMessage(f + ": the OME-XML says SizeZ=4 SizeC=1 SizeT=1 (4 pages in order XYZCT), the file has 6"
                        + " pages");
    }

    @Test
    void badDimensionOrderIsNamed() throws IOException {
        Path f = write(dir.resolve("order.ome.tif"), omeXml("ZYX", 1, 1, 1), 1, (p, y, x) -> p);
        assertThatThrownBy(() -> Images.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("OME-XML Pixels DimensionOrder: found 'ZYX', expected one of [XYZCT,");
    }

    @Test
    void doctypeInTheXmlIsRefused() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE OME [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<OME><Image><Pixels DimensionOrder=\"XYZCT\" SizeZ=\"1\" SizeC=\"1\" SizeT=\"1\"/>&e;</Image></OME>";
        Path f = write(dir.resolve("xxe.ome.tif"), xml, 1, (p, y, x) -> p);
        assertThatThrownBy(() -> Images.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the OME-XML in the ImageDescription cannot be parsed");
    }
}
