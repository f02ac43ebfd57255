package eu.riscale.modelhub.core.image;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads and writes TIFF and PNG images as tensors.
 *
 * <p>Reading gives axes {@code [z,] [channel,] y, x}: a {@code z} axis only for multi-page TIFFs (name it otherwise
 * with {@link #read(Path, String)}), a {@code channel} axis only for images with several bands (RGB, gray+alpha).
 * An OME-TIFF (OME-XML in the first page's ImageDescription) gets its axes from the XML's {@code DimensionOrder},
 * {@code SizeZ}, {@code SizeC} and {@code SizeT}: {@code [time,] [channel,] [z,] y, x}, each only when its size is above
 * one (the first image of the file; the XML must account for every page).
 * Samples keep their type: 8-bit images give uint8, 16-bit give uint16, 32-bit float TIFFs give float32.
 *
 * <p>Writing takes a tensor with axes {@code y} and {@code x} (or, without those ids, its last two axes as rows and
 * columns) plus at most one more axis of size above one; singleton axes such as a batch of one are dropped. For TIFF the
 * extra axis becomes pages; for PNG it must be a channel axis of 1 to 4 bands. The file is written to a temporary file
 * and moved into place, so a failure never leaves a half-written image.
 *
 * <pre>{@code
 * Tensor raw = Images.read(Path.of("nuclei.tif"));          // uint16 [y, x]
 * Images.write(prediction.cast(DType.FLOAT32), Path.of("probability.tif"));
 * }</pre>
 */
public final class Images {
    /** The most pixels (all pages and bands together) an image may have, to bound memory on hostile headers. */
    public static final long MAX_SAMPLES = 1L << 30;

    private Images() {}

    /**
     * Reads an image; a multi-page TIFF gets a leading axis {@code z}.
     *
     * @param file a {@code .tif}, {@code .tiff} or {@code .png} file
     * @return the image as a tensor
     * @throws IOException when the file cannot be read or its sample type is not uint8, uint16 or float32
     */
    public static Tensor read(Path file) throws IOException {
        return read(file, "z");
    }

    /**
     * Reads an image, naming the page axis of a multi-page TIFF that is not an OME-TIFF.
     *
     * @param file a {@code .tif}, {@code .tiff} or {@code .png} file
     * @param pageAxis the axis id for pages, for example {@code z}, {@code time} or {@code channel}
     * @return the image as a tensor
     * @throws IOException when the file cannot be read or its sample type is not uint8, uint16 or float32
     */
    public static Tensor read(Path file, String pageAxis) throws IOException {
        boolean tiff = format(file).equals("tiff");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + ": cannot open");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + ": not a TIFF or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, !tiff); // a TIFF's ImageDescription may be OME-XML
                int pages = reader.getNumImages(true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                List<Raster> rasters = new ArrayList<>(pages);
                long samples = 0;
                for (int p = 0; p < pages; p++) {
                    if (reader.getWidth(p) != width || reader.getHeight(p) != height) {
                        throw new IOException(file + ": page " + p + " is " + reader.getWidth(p) + "x"
                                + reader.getHeight(p) + ", expected " + width + "x" + height + " like page 0");
                    }
                    samples += (long) width * height;
                    if (samples > MAX_SAMPLES) {
                        throw new IOException(file + ": more than " + MAX_SAMPLES + " pixels");
                    }
                    rasters.add(reader.read(p).getRaster());
                }
                OmePixels ome = tiff ? OmePixels.parse(file, description(reader)) : null;
                Tensor t = toTensor(file, rasters, pageAxis);
                return ome == null
                        ? t
                        : omeAxes(file, t, ome, rasters.size(), first(rasters).getNumBands());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": cannot read image: " + e.getMessage(), e); // ImageIO names no file
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot decode image: " + e.getMessage(), e);
        }
    }

    private static Raster first(List<Raster> rasters) {
        return rasters.get(0);
    }

    /** The ImageDescription of the first page, or "" when it has none. */
    private static String description(ImageReader reader) throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null) {
            return "";
        }
        try {
            TIFFField field =
                    TIFFDirectory.createFromMetadata(metadata).getTIFFField(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION);
            return field == null || field.getCount() == 0 ? "" : field.getAsString(0);
        } catch (IIOInvalidTreeException e) {
            return "";
        }
    }

    /**
     * Names the axes of an OME-TIFF from its OME-XML: the pages step through z, channel and time in the dimension
     * order; the result has axes {@code [time,] [channel,] [z,] y, x}, each only when its size is above one.
     */
    private static Tensor omeAxes(Path file, Tensor pages, OmePixels ome, int pageCount, int bands) throws IOException {
        boolean channelsInBands = bands > 1;
        if (channelsInBands && ome.sizeC() != bands) {
            throw new IOException(file + ": each page has " + bands + " bands, but the OME-XML says SizeC="
                    + ome.sizeC() + "; expected as many channels as bands");
        }
        List<Character> dims = ome.pageDims(channelsInBands);
        long planes = 1;
        for (char d : dims) {
            planes *= ome.size(d);
        }
        if (planes != pageCount) {
            throw new IOException(file + ": the OME-XML says SizeZ=" + ome.sizeZ() + " SizeC=" + ome.sizeC()
                    + " SizeT=" + ome.sizeT() + " (" + planes + " pages in order " + ome.dimensionOrder()
                    + "), the file has " + pageCount + " pages");
        }
        List<String> axes = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        for (char d : dims) {
            axes.add(OmePixels.axisId(d));
            shape.add(ome.size(d));
        }
        if (channelsInBands) {
            axes.add("channel");
            shape.add(bands);
        }
        axes.add("y");
        shape.add(pages.size("y"));
        axes.add("x");
        shape.add(pages.size("x"));
        Tensor t = pages.reshape(shape.stream().mapToInt(Integer::intValue).toArray(), axes);
        t = t.transpose(List.of("time", "channel", "z", "y", "x").stream()
                .filter(axes::contains)
                .toList());
        for (String a : List.of("time", "channel", "z")) {
            if (t.size(a) == 1) {
                t = t.removeAxis(a);
            }
        }
        return t;
    }

    private static Tensor toTensor(Path file, List<Raster> rasters, String pageAxis) throws IOException {
        Raster first = rasters.get(0);
        int width = first.getWidth();
        int height = first.getHeight();
        int bands = first.getNumBands();
        DType dtype = dtypeOf(file, first);
        int plane = width * height;
        long total = (long) plane * bands * rasters.size();
        if (total > MAX_SAMPLES) {
            throw new IOException(file + ": more than " + MAX_SAMPLES + " samples");
        }
        Object data = newArray(dtype, (int) total);
        int offset = 0;
        int[] ints = dtype == DType.FLOAT32 ? null : new int[plane];
        float[] floats = dtype == DType.FLOAT32 ? new float[plane] : null;
        for (Raster r : rasters) {
            if (r.getNumBands() != bands || dtypeOf(file, r) != dtype) {
                throw new IOException(file + ": pages differ in bands or sample type");
            }
            for (int b = 0; b < bands; b++) {
                if (floats != null) {
                    r.getSamples(r.getMinX(), r.getMinY(), width, height, b, floats);
                    System.arraycopy(floats, 0, data, offset, plane);
                } else {
                    r.getSamples(r.getMinX(), r.getMinY(), width, height, b, ints);
                    if (data instanceof byte[]) {
                        byte[] out = (byte[]) data;
                        for (int i = 0; i < plane; i++) {
                            out[offset + i] = (byte) ints[i];
                        }
                    } else {
                        short[] out = (short[]) data;
                        for (int i = 0; i < plane; i++) {
                            out[offset + i] = (short) ints[i];
                        }
                    }
                }
                offset += plane;
            }
        }
        List<String> axes = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        if (rasters.size() > 1) {
            axes.add(pageAxis);
            shape.add(rasters.size());
        }
        if (bands > 1) {
            axes.add("channel");
            shape.add(bands);
        }
        axes.add("y");
        shape.add(height);
        axes.add("x");
        shape.add(width);
        return Tensor.of(dtype, data, shape.stream().mapToInt(Integer::intValue).toArray(), axes);
    }

    private static DType dtypeOf(Path file, Raster r) throws IOException {
        int bits = r.getSampleModel().getSampleSize(0);
        switch (r.getDataBuffer().getDataType()) {
            case DataBuffer.TYPE_BYTE:
                if (bits == 8) {
                    return DType.UINT8;
                }
                break;
            case DataBuffer.TYPE_USHORT:
                return DType.UINT16;
            case DataBuffer.TYPE_FLOAT:
                return DType.FLOAT32;
            default:
                break;
        }
        throw new IOException(file + ": " + bits + "-bit samples of buffer type "
                + r.getDataBuffer().getDataType() + " are not supported; expected uint8, uint16 or float32");
    }

    private static Object newArray(DType dtype, int n) {
        switch (dtype) {
            case UINT8:
                return new byte[n];
            case UINT16:
                return new short[n];
            case FLOAT32:
                return new float[n];
            default:
                throw new AssertionError(dtype);
        }
    }

    /**
     * Writes a tensor as an image; see the class documentation for the axes it takes.
     *
     * @param tensor a uint8, uint16 or (TIFF only) float32 tensor
     * @param file the target, {@code .tif}, {@code .tiff} or {@code .png}
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the tensor's dtype or axes cannot be stored in that format
     */
    public static void write(Tensor tensor, Path file) throws IOException {
        String format = format(file);
        DType dtype = tensor.dtype();
        if (dtype != DType.UINT8 && dtype != DType.UINT16 && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException(
                    "cannot write " + dtype + " as an image; cast to uint8, uint16 or float32 first");
        }
        if (dtype == DType.FLOAT32 && format.equals("png")) {
            throw new IllegalArgumentException("PNG cannot hold float32 samples; write a .tif or cast to uint8/uint16");
        }
        Tensor t = planes(tensor);
        int[] shape = t.shape();
        int extra = shape.length == 3 ? shape[0] : 1;
        int height = shape[shape.length - 2];
        int width = shape[shape.length - 1];
        List<BufferedImage> images = new ArrayList<>();
        Object data = t.toArray();
        if (format.equals("png")) {
            if (extra > 4) {
                throw new IllegalArgumentException("PNG holds 1 to 4 channels, found " + extra + " along axis '"
                        + t.axes().get(0) + "'");
            }
            images.add(image(dtype, data, 0, extra, width, height));
        } else {
            for (int p = 0; p < extra; p++) {
                images.add(image(dtype, data, p * width * height, 1, width, height));
            }
        }
        AtomicFiles.write(file, out -> writeImages(images, format, out));
    }

    private static void writeImages(List<BufferedImage> images, String format, OutputStream target) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no " + format + " writer in this JDK");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            if (images.size() == 1) {
                writer.write(images.get(0));
            } else {
                writer.prepareWriteSequence(null);
                for (BufferedImage image : images) {
                    writer.writeToSequence(new IIOImage(image, null, null), writer.getDefaultWriteParam());
                }
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
    }

    /** Drops singleton axes and orders the rest as [extra,] y, x. */
    private static Tensor planes(Tensor tensor) {
        Tensor t = tensor;
        List<String> axes = t.axes();
        String y = axes.contains("y") ? "y" : axes.size() >= 2 ? axes.get(axes.size() - 2) : null;
        String x = axes.contains("x") ? "x" : axes.size() >= 2 ? axes.get(axes.size() - 1) : null;
        if (y == null || x == null || y.equals(x)) {
            throw new IllegalArgumentException("an image needs two axes (y and x), found " + axes);
        }
        for (String a : axes) {
            if (!a.equals(y) && !a.equals(x) && t.size(a) == 1) {
                t = t.removeAxis(a);
            }
        }
        List<String> rest = new ArrayList<>(t.axes());
        rest.remove(y);
        rest.remove(x);
        if (rest.size() > 1) {
            throw new IllegalArgumentException("an image has at most one axis besides y and x, found " + rest
                    + " (with sizes above one) in " + tensor.axes());
        }
        List<String> order = new ArrayList<>(rest);
        order.add(y);
        order.add(x);
        return t.transpose(order);
    }

    private static BufferedImage image(DType dtype, Object data, int offset, int bands, int width, int height) {
        int plane = width * height;
        int[] bandOffsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            bandOffsets[b] = b * plane;
        }
        DataBuffer buffer;
        int type;
        switch (dtype) {
            case UINT8:
                buffer = new DataBufferByte(slice((byte[]) data, offset, bands * plane), bands * plane);
                type = DataBuffer.TYPE_BYTE;
                break;
            case UINT16:
                buffer = new DataBufferUShort(slice((short[]) data, offset, bands * plane), bands * plane);
                type = DataBuffer.TYPE_USHORT;
                break;
            case FLOAT32:
                buffer = new DataBufferFloat(slice((float[]) data, offset, bands * plane), bands * plane);
                type = DataBuffer.TYPE_FLOAT;
                break;
            default:
                throw new AssertionError(dtype);
        }
        var sampleModel = new ComponentSampleModel(type, width, height, 1, width, bandOffsets);
        WritableRaster raster = Raster.createWritableRaster(sampleModel, buffer, new Point(0, 0));
        boolean alpha = bands == 2 || bands == 4;
        ColorSpace space = ColorSpace.getInstance(bands >= 3 ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
        var colorModel = new ComponentColorModel(
                space, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, type);
        return new BufferedImage(colorModel, raster, false, null);
    }

    private static byte[] slice(byte[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static short[] slice(short[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static float[] slice(float[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return "tiff";
        }
        if (name.endsWith(".png")) {
            return "png";
        }
        throw new IllegalArgumentException(file + ": expected a .tif, .tiff or .png file");
    }
}
