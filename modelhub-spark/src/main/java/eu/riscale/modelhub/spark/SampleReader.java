package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.batch.InputAxes;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.inference.InvalidInputException;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Reads one sample's inputs from its row: {@code .npy}, TIFF or PNG, from a local path or the file's bytes. */
final class SampleReader {
    private static final byte[] NPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private SampleReader() {}

    /**
     * {@return the sample id of a row}
     *
     * @throws IllegalArgumentException when the id column is null or the id is empty
     */
    static String sampleId(Row row, InputColumns columns) {
        if (columns.sampleId() != null) {
            String id = row.getAs(columns.sampleId());
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("sample_id is null or empty");
            }
            return id;
        }
        String path = row.getAs(columns.pathForId());
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path is null or empty, so the sample has no id");
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Reads the inputs of a row.
     *
     * @throws IOException when a file cannot be read or has no supported format, naming the input and the file
     */
    static Map<String, Tensor> inputs(Row row, InputColumns columns, ModelDescr model) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : columns.inputs().entrySet()) {
            String id = e.getKey();
            String column = e.getValue();
            Object value = row.getAs(column);
            if (value == null) {
                InputTensorDescr d = input(model, id);
                if (d.optional()) {
                    continue;
                }
                throw new IOException("input '" + id + "': column '" + column + "' is null");
            }
            Tensor t = Boolean.TRUE.equals(columns.binary().get(id))
                    ? fromBytes((byte[]) value, "input '" + id + "' (column '" + column + "' bytes)")
                    : fromPath(localPath((String) value), "input '" + id + "' (" + value + ")");
            out.put(id, named(t, input(model, id), column));
        }
        return out;
    }

    private static InputTensorDescr input(ModelDescr model, String id) {
        for (InputTensorDescr d : model.inputs()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new AssertionError(id);
    }

    /** A plain path or a {@code file:} URI, as Spark's {@code binaryFile} source writes them. */
    static Path localPath(String value) throws IOException {
        if (value.startsWith("file:")) {
            return Path.of(URI.create(value));
        }
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
            throw new IOException(value + ": only local or mounted paths are read; load files on other storage with"
                    + " spark.read().format(\"binaryFile\") and pass the 'content' column");
        }
        return Path.of(value);
    }

    private static Tensor fromPath(Path file, String what) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".npy")) {
                return Npy.read(file);
            }
            if (name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".png")) {
                return Images.read(file);
            }
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
        throw new IOException(
                what + ": found file name " + file.getFileName() + ", expected .npy, .tif, .tiff or .png");
    }

    private static Tensor fromBytes(byte[] bytes, String what) throws IOException {
        try {
            if (startsWith(bytes, NPY)) {
                return Npy.read(new ByteArrayInputStream(bytes), what);
            }
            String ext = startsWith(bytes, PNG)
                    ? ".png"
                    : startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE) ? ".tif" : null;
            if (ext == null) {
                throw new IOException("found bytes starting with "
                        + Arrays.toString(Arrays.copyOf(bytes, Math.min(4, bytes.length)))
                        + ", expected a .npy, TIFF or PNG file");
            }
            // the image reader takes files: a temporary copy, removed at once
            Path tmp = Files.createTempFile("modelhub-spark-", ext);
            try {
                Files.write(tmp, bytes);
                return Images.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names the axes of an array read from {@code .npy} by the command line's rule ({@link InputAxes#ofArray}: as many
     * dimensions as the input take its axis ids in order; with fewer, its batch and single-channel axes are left out
     * first). Images come named.
     */
    private static Tensor named(Tensor t, InputTensorDescr in, String column) throws IOException {
        for (int i = 0; i < t.ndim(); i++) {
            if (!t.axes().get(i).equals("dim_" + i)) {
                return t; // an image, named by the reader
            }
        }
        try {
            return InputAxes.ofArray(t, in, "column '" + column + "'");
        } catch (InvalidInputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
