package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a Jackson tree from the snakeyaml-engine event stream (YAML 1.2 core schema), resolving anchors and aliases
 * ({@code &a} / {@code *a}) with bounds: at most {@link YamlIo#MAX_ALIASES} aliases to mappings or lists and at most
 * {@link #MAX_NODES} nodes in the expanded tree ("billion laughs" fails fast), nesting at most {@link
 * YamlIo#MAX_NESTING_DEPTH} deep, strings at most {@link YamlIo#MAX_STRING_CHARS} long; the document size is
 * bounded by the reader's code point limit. Duplicate keys are errors.
 *
 * <p>Jackson's own YAML parser is not used for reading because it reports an alias to a scalar as the alias name.
 * Floats are kept as {@link BigDecimal} so that versions written as numbers ({@code 1.10}) keep their digits. One
 * instance per document; not thread-safe.
 */
final class TreeReader {
    /** Most nodes the expanded tree may have. */
    static final int MAX_NODES = 1_000_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

    private final Iterator<Event> events;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int aliases;
    private long nodes;
    private int depth;

    TreeReader(LoadSettings settings, Reader reader) {
        // what the engine's lowlevel Parse does; that package is not exported by the engine's module
        this.events = new ParserImpl(settings, new StreamReader(settings, reader));
    }

    /** Reads the single document; an empty stream gives a missing node. */
    JsonNode read() {
        try {
            expect(Event.ID.StreamStart);
            Event e = next();
            if (e.getEventId() == Event.ID.StreamEnd) {
                return NODES.missingNode();
            }
            if (e.getEventId() != Event.ID.DocumentStart) {
                throw fail("expected a document", e.getStartMark());
            }
            Event first = next();
            JsonNode root = first.getEventId() == Event.ID.DocumentEnd ? NODES.missingNode() : value(first);
            if (first.getEventId() != Event.ID.DocumentEnd) {
                expect(Event.ID.DocumentEnd);
            }
            Event end = next();
            if (end.getEventId() != Event.ID.StreamEnd) {
                throw fail("only one YAML document is allowed", end.getStartMark());
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            throw fail(e.getProblem() == null ? e.getMessage() : e.getProblem(), e.getProblemMark());
        } catch (YamlEngineException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw fail(e.getMessage(), Optional.empty());
        }
    }

    private Event next() {
        return events.next();
    }

    private void expect(Event.ID id) {
        Event e = next();
        if (e.getEventId() != id) {
            throw fail("expected " + id + " but found " + e.getEventId(), e.getStartMark());
        }
    }

    private JsonNode value(Event e) {
        if (e instanceof AliasEvent alias) {
            return alias(alias);
        }
        count(1, e);
        JsonNode node;
        switch (e.getEventId()) {
            case MappingStart -> node = mapping(e);
            case SequenceStart -> node = sequence(e);
            case Scalar -> node = scalar((ScalarEvent) e);
            default -> throw fail("unexpected " + e.getEventId(), e.getStartMark());
        }
        if (e instanceof NodeEvent ne) {
            ne.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
        }
        return node;
    }

    private ObjectNode mapping(Event start) {
        enter(start);
        ObjectNode o = NODES.objectNode();
        for (Event k = next(); k.getEventId() != Event.ID.MappingEnd; k = next()) {
            JsonNode key = value(k);
            if (!key.isValueNode()) {
                throw fail("mapping keys must be scalars", k.getStartMark());
            }
            String name = key.isString() ? key.stringValue() : key.asString();
            if (o.has(name)) {
                throw fail("duplicate key '" + name + "'", k.getStartMark());
            }
            o.set(name, value(next()));
        }
        depth--;
        return o;
    }

    private ArrayNode sequence(Event start) {
        enter(start);
        ArrayNode a = NODES.arrayNode();
        for (Event e = next(); e.getEventId() != Event.ID.SequenceEnd; e = next()) {
            a.add(value(e));
        }
        depth--;
        return a;
    }

    private void enter(Event start) {
        if (++depth > YamlIo.MAX_NESTING_DEPTH) {
            throw fail("nesting depth exceeds the maximum of " + YamlIo.MAX_NESTING_DEPTH, start.getStartMark());
        }
    }

    private JsonNode scalar(ScalarEvent e) {
        String v = e.getValue();
        if (v.length() > YamlIo.MAX_STRING_CHARS) {
            throw fail(
                    "string value longer than the maximum of " + YamlIo.MAX_STRING_CHARS + " characters",
                    e.getStartMark());
        }
        Tag tag = e.getTag().filter(t -> !t.equals("!")).map(Tag::new).orElse(null);
        if (tag == null) {
            tag = e.isPlain() ? RESOLVER.resolve(v, e.getImplicit().canOmitTagInPlainScalar()) : Tag.STR;
        }
        try {
            if (tag.equals(Tag.NULL)) {
                return NODES.nullNode();
            } else if (tag.equals(Tag.BOOL)) {
                return NODES.booleanNode(v.equalsIgnoreCase("true"));
            } else if (tag.equals(Tag.INT)) {
                return integer(v);
            } else if (tag.equals(Tag.FLOAT)) {
                return floating(v);
            }
        } catch (NumberFormatException ex) {
            throw fail("invalid number '" + v + "'", e.getStartMark());
        }
        return NODES.stringNode(v);
    }

    private static JsonNode integer(String v) {
        String s = v.startsWith("+") ? v.substring(1) : v;
        BigInteger b;
        if (s.startsWith("0x")) {
            b = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0o")) {
            b = new BigInteger(s.substring(2), 8);
        } else {
            b = new BigInteger(s);
        }
        if (b.bitLength() < 32) {
            return NODES.numberNode(b.intValue());
        }
        return b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }

    private static JsonNode floating(String v) {
        String s = v.toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith(".nan")) {
            return NODES.numberNode(Double.NaN);
        }
        if (s.endsWith(".inf")) {
            return NODES.numberNode(s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return NODES.numberNode(new BigDecimal(v.startsWith("+") ? v.substring(1) : v));
    }

    private JsonNode alias(AliasEvent e) {
        String name = e.getAlias().getValue();
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw fail("unknown alias *" + name + " (no anchor &" + name + " before it)", e.getStartMark());
        }
        if (target.isContainer()) {
            if (++aliases > YamlIo.MAX_ALIASES) {
                throw fail(
                        "too many aliases to mappings or lists (more than " + YamlIo.MAX_ALIASES + ")",
                        e.getStartMark());
            }
            count(size(target), e);
            return target.deepCopy();
        }
        count(1, e);
        return target;
    }

    private void count(long n, Event at) {
        nodes += n;
        if (nodes > MAX_NODES) {
            throw fail(
                    "the document expands to more than " + MAX_NODES + " nodes (through aliases)", at.getStartMark());
        }
    }

    private static long size(JsonNode n) {
        long s = 1;
        for (JsonNode c : n.values()) {
            s += size(c);
        }
        return s;
    }

    private static YamlIo.YamlSyntaxException fail(String msg, Optional<Mark> mark) {
        String text = "malformed YAML: " + msg.strip();
        Diagnostic p = mark.map(m -> Diagnostic.error(Location.ROOT, text).at(m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> Diagnostic.error(Location.ROOT, text));
        return new YamlIo.YamlSyntaxException(p, null);
    }
}
