package eu.riscale.modelhub.imglib2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The axis ids of an ImgLib2 image, one per dimension, dimension 0 first. ImgLib2 images carry no axis names; this is
 * how a caller says what each dimension is.
 *
 * <pre>{@code
 * AxisOrder a = AxisOrder.of("xyc");                        // x, y, channel
 * AxisOrder b = AxisOrder.of(List.of("x", "y", "channel")); // the same
 * List<String> tensorAxes = a.tensorAxes();                 // [channel, y, x]
 * }</pre>
 *
 * <p>Letters of the short form: {@code x}, {@code y}, {@code z} (space axes of those ids), {@code c} ({@code channel}),
 * {@code t} ({@code time}), {@code b} ({@code batch}), {@code i} ({@code index}); any other axis id needs the list
 * form.
 *
 * @param ids the axis ids, dimension 0 first; unique and non-empty
 */
public record AxisOrder(List<String> ids) {
    /** Checks and copies the ids. */
    public AxisOrder {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ids: found no axis ids, expected one per image dimension");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("ids: found an empty axis id in " + ids);
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("ids: axis id '" + id + "' appears twice in " + ids);
            }
        }
    }

    /**
     * Parses the short form, one letter per dimension.
     *
     * @param letters for example {@code "xyczt"}
     * @return the order
     * @throws IllegalArgumentException for an unknown letter (naming it and its position) or a repeated axis
     */
    public static AxisOrder of(String letters) {
        Objects.requireNonNull(letters, "letters");
        List<String> ids = new ArrayList<>(letters.length());
        for (int i = 0; i < letters.length(); i++) {
            ids.add(id(letters, i));
        }
        return new AxisOrder(ids);
    }

    /**
     * The list form.
     *
     * @param ids the axis ids, dimension 0 first
     * @return the order
     */
    public static AxisOrder of(List<String> ids) {
        return new AxisOrder(ids);
    }

    private static String id(String letters, int i) {
        char c = letters.charAt(i);
        switch (c) {
            case 'x':
            case 'y':
            case 'z':
                return String.valueOf(c);
            case 'c':
                return "channel";
            case 't':
                return "time";
            case 'b':
                return "batch";
            case 'i':
                return "index";
            default:
                throw new IllegalArgumentException("letters: found '" + c + "' at position " + i + " of \"" + letters
                        + "\", expected one of x, y, z, c (channel), t (time), b (batch), i (index);"
                        + " use AxisOrder.of(List) for other axis ids");
        }
    }

    /** {@return the number of dimensions} */
    public int size() {
        return ids.size();
    }

    /**
     * Returns the image dimension of an axis.
     *
     * @param id the axis id
     * @return its dimension, or -1 when the image has no such axis
     */
    public int dimension(String id) {
        return ids.indexOf(id);
    }

    /**
     * {@return the axis ids of the tensor with the same memory layout: the ids reversed (the last image dimension is
     * the tensor's first, slowest axis)}
     */
    public List<String> tensorAxes() {
        List<String> r = new ArrayList<>(ids);
        java.util.Collections.reverse(r);
        return List.copyOf(r);
    }

    /**
     * The image order whose tensor order is the given one.
     *
     * @param tensorAxes the tensor's axis ids, slowest first
     * @return the reversed ids as an image order
     */
    public static AxisOrder ofTensorAxes(List<String> tensorAxes) {
        List<String> r = new ArrayList<>(tensorAxes);
        java.util.Collections.reverse(r);
        return new AxisOrder(r);
    }

    @Override
    public String toString() {
        return "AxisOrder" + ids;
    }
}
