package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one kind of value from a parsed tree and writes it back: the two directions of one wire form, declared
 * together so that they cannot drift apart. Records are declared with {@link RecordCodec}, unions with {@link Union};
 * the leaf codecs below cover the plain values.
 *
 * @param <T> the type of the value
 */
public interface Codec<T> {
    /**
     * Reads the value at {@code n}, reporting every problem with its path.
     *
     * @param n the position in the tree
     * @return the value, or {@code null} when a problem was reported
     */
    @Nullable
    T read(Node n);

    /**
     * Writes a value as a tree node.
     *
     * @param value the value
     * @return the tree node
     */
    JsonNode write(T value);

    /**
     * Pairs a reader and a writer.
     *
     * @param reader reads the value, reporting problems and returning {@code null} on failure
     * @param writer writes the value
     * @param <T> the type of the value
     * @return the codec
     */
    static <T> Codec<T> of(Function<Node, @Nullable T> reader, Function<T, JsonNode> writer) {
        return new Codec<>() {
            @Override
            public @Nullable T read(Node n) {
                return reader.apply(n);
            }

            @Override
            public JsonNode write(T value) {
                return writer.apply(value);
            }
        };
    }

    /**
     * Binds a whole tree.
     *
     * @param root the root node
     * @param problems receives every problem found, with its path
     * @return the value, or {@code null} when a problem was reported
     */
    default @Nullable T bind(JsonNode root, List<Diagnostic> problems) {
        return bind(root, problems, new java.util.ArrayList<>());
    }

    /**
     * Binds a whole tree, keeping the warnings.
     *
     * @param root the root node
     * @param problems receives every problem found, with its path
     * @param warnings receives every warning (a value accepted but normalised), with its path
     * @return the value, or {@code null} when a problem was reported
     */
    default @Nullable T bind(JsonNode root, List<Diagnostic> problems, List<Diagnostic> warnings) {
        int before = problems.size();
        T value = read(new Node(root, Location.ROOT, problems, warnings));
        return problems.size() == before ? value : null;
    }

    /** {@return a codec for a list of values of this codec, with the index of each element in its path} */
    default Codec<List<T>> list() {
        return of(n -> n.list(this::read), l -> Out.list(l, this::write));
    }

    /**
     * A codec for a value stored in the wire form of this one: reads with this codec and converts only when no
     * problem was reported, so no value is built from a partly broken tree.
     *
     * @param to converts a read value
     * @param from gives the value to write
     * @param <U> the converted type
     * @return the codec
     */
    default <U> Codec<U> map(Function<T, U> to, Function<U, T> from) {
        return of(
                n -> {
                    int before = n.problemCount();
                    T t = read(n);
                    return t == null || n.problemCount() != before ? null : to.apply(t);
                },
                u -> write(from.apply(u)));
    }

    /** A string. */
    Codec<String> STRING = of(Node::string, Out::value);
    /**
     * An axis id, the one reader of every axis id (an axis's {@code id}, a size reference's {@code axis_id}, the
     * {@code axis}/{@code axes} of ops): the single-letter ids {@code b t i c} read as the full id, with a warning.
     */
    Codec<String> AXIS_ID = of(Node::axisId, Out::value);
    /** A version: a string, or a number kept with its digits as written. */
    Codec<String> VERSION = of(Node::version, Out::value);
    /** A whole number that fits an {@code int}. */
    Codec<Integer> INTEGER = of(Node::integer, Out::value);
    /** A number. */
    Codec<Double> NUMBER = of(Node::number, Out::value);
    /** A boolean. */
    Codec<Boolean> BOOL = of(Node::bool, Out::value);
    /** An ISO 8601 date-time, written with its offset as {@code +HH:MM}. */
    Codec<OffsetDateTime> TIMESTAMP = of(Node::timestamp, Out::timestamp);
    /** A mapping of plain values, key order kept. */
    Codec<Map<String, Object>> MAP = of(Node::map, Out::value);
    /** Any plain value. */
    Codec<Object> ANY = of(Node::any, Out::value);
}
