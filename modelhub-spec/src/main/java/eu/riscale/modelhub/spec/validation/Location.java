package eu.riscale.modelhub.spec.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where in a description something was found: the keys and list indices from the root, for example {@code inputs},
 * {@code 0}, {@code axes}, {@code 2}, {@code size}. Built one segment at a time while walking a tree (or from a Bean
 * Validation path), never by splitting a dotted string.
 *
 * @param segments the keys ({@link String}) and indices ({@link Integer}) from the root; empty for the root
 */
public record Location(List<Object> segments) {
    /** The root of the description. */
    public static final Location ROOT = new Location(List.of());

    /**
     * Copies the segments.
     *
     * @param segments the keys ({@link String}) and indices ({@link Integer}) from the root
     * @throws IllegalArgumentException if a segment is neither a string nor an integer
     */
    public Location {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a location segment is a key or an index, found " + s);
            }
        }
    }

    /**
     * A location from its segments.
     *
     * @param segments keys ({@link String}) and indices ({@link Integer})
     * @return the location
     */
    public static Location of(Object... segments) {
        return new Location(List.of(segments));
    }

    /**
     * The location of a key of the mapping here.
     *
     * @param key the key
     * @return the child location
     */
    public Location key(String key) {
        return append(Objects.requireNonNull(key, "key"));
    }

    /**
     * The location of an element of the list here.
     *
     * @param index the index
     * @return the child location
     */
    public Location index(int index) {
        return append(index);
    }

    /**
     * The location of {@code child} below this one.
     *
     * @param child a location relative to this one
     * @return the combined location
     */
    public Location resolve(Location child) {
        List<Object> s = new ArrayList<>(segments);
        s.addAll(child.segments);
        return new Location(s);
    }

    /**
     * Tells whether this location is {@code ancestor} or lies below it, segment by segment: {@code weights},
     * {@code onnx}, {@code external_data} starts with {@code weights}, {@code onnx}, but {@code weights},
     * {@code onnx2} does not.
     *
     * @param ancestor the location to compare with
     * @return whether the segments of {@code ancestor} are the first segments of this location
     */
    public boolean startsWith(Location ancestor) {
        return ancestor.segments.size() <= segments.size()
                && segments.subList(0, ancestor.segments.size()).equals(ancestor.segments);
    }

    /** {@return whether this is the root} */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    private Location append(Object segment) {
        List<Object> s = new ArrayList<>(segments.size() + 1);
        s.addAll(segments);
        s.add(segment);
        return new Location(s);
    }

    /**
     * Reads a location printed in the reference's dotted form. Only for locations that arrive as text (the reference's
     * recorded verdicts, a command-line argument); code that walks a tree builds locations with {@link #key} and
     * {@link #index}.
     *
     * @param dotted for example {@code inputs.0.axes}; empty for the root
     * @return the location, with all-digit segments read as indices
     */
    public static Location parse(String dotted) {
        if (dotted.isEmpty()) {
            return ROOT;
        }
        List<Object> s = new ArrayList<>();
        for (String part : dotted.split("\\.", -1)) {
            s.add(
                    !part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit)
                            ? (Object) Integer.parseInt(part)
                            : part);
        }
        return new Location(s);
    }

    /** {@return the reference's dotted form, for example {@code inputs.0.axes.2.size}; empty for the root} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(s);
        }
        return b.toString();
    }
}
