package eu.riscale.modelhub.spec.constraint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value-type rules of format 0.5 (reference section A.1) as plain predicates; the constraint annotations of this
 * package delegate here.
 */
public final class ValueTypes {
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");

    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z0-9_\\-/.]+");
    private static final Pattern DOI = Pattern.compile("^10\\.[0-9]{4}.+$");
    private static final String SI_PREFIX = "(Q|R|Y|Z|E|P|T|G|M|k|h|da|d|c|m|µ|n|p|f|a|z|y|r|q)";
    private static final String SI_BASE = "(m|g|s|A|K|mol|cd|Hz|N|Pa|J|W|C|V|F|Ω|S|Wb|T|H|lm|lx|Bq|Gy|Sv|kat|l|L)";
    private static final String SI_ANY_POWER = SI_PREFIX + "?" + SI_BASE + "(\\^[+-]?[1-9]\\d*)?";
    private static final String SI_POS_POWER = SI_PREFIX + "?" + SI_BASE + "(\\^\\+?[1-9]\\d*)?";
    private static final Pattern SI_UNIT =
            Pattern.compile("^" + SI_ANY_POWER + "((·" + SI_ANY_POWER + ")|(/" + SI_POS_POWER + "))*$");
    // PEP 440, written from the specification's grammar (public versions plus local labels), case-insensitive.
    private static final Pattern PEP440 = Pattern.compile(
            "v?(?:\\d+!)?\\d+(?:\\.\\d+)*"
                    + "(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\\d*)?"
                    + "(?:-\\d+|[-_.]?(?:post|rev|r)[-_.]?\\d*)?"
                    + "(?:[-_.]?dev[-_.]?\\d*)?"
                    + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> LICENSES = readIds("spdx-licenses.txt");
    private static final Set<String> DEPRECATED_LICENSES = readIds("spdx-deprecated-licenses.txt");
    private static final Set<String> CSS_COLORS = readIds("css-colors.txt");
    private static final Pattern HEX_COLOR =
            Pattern.compile("(?:#|0x)?(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})", Pattern.CASE_INSENSITIVE);
    private static final String NUMBER = "\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)%?\\s*";
    private static final Pattern FUNCTION_COLOR = Pattern.compile(
            "(?:rgb|rgba|hsl|hsla)\\(" + NUMBER + "(?:deg)?(?:," + NUMBER + "){2}(?:," + NUMBER + ")?\\)",
            Pattern.CASE_INSENSITIVE);

    private ValueTypes() {}

    /**
     * Whether {@code s} is a Python identifier ({@code str.isidentifier()}) that is not a Python keyword.
     *
     * @param s the candidate
     * @return true for identifiers such as {@code raw} or {@code _x1}
     */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty() || PYTHON_KEYWORDS.contains(s)) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp != '_' && (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * Whether {@code s} is lower case as Python's {@code str.islower()} has it, which the reference's {@code
     * LowerCaseIdentifier} (tensor ids, axis ids, 0.4 tensor names) requires: at least one cased character, and no
     * upper- or title-case one. So {@code raw} and {@code x_1} are lower case, {@code Raw} is not, and neither is
     * {@code _1}, which has no letter at all.
     *
     * @param s the candidate
     * @return true for strings such as {@code raw}, {@code input_0}
     */
    public static boolean isLowerCase(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
            i += Character.charCount(cp);
        }
        return cased;
    }

    /**
     * Whether {@code s} is a resource id: non-empty, characters in {@code [a-z0-9_-/.]}, not starting or ending with
     * {@code /}.
     *
     * @param s the candidate
     * @return true for ids such as {@code affable-shark} or {@code 10.5281/zenodo.5764892}
     */
    public static boolean isResourceId(String s) {
        return RESOURCE_ID.matcher(s).matches() && !s.startsWith("/") && !s.endsWith("/");
    }

    /**
     * Whether {@code s} has the (lax) DOI form {@code 10.NNNN...}.
     *
     * @param s the candidate
     * @return true for DOIs such as {@code 10.1038/s41592-019-0582-9}
     */
    public static boolean isDoi(String s) {
        return DOI.matcher(s).matches();
    }

    /**
     * Whether {@code s} is an ORCID iD in hyphenated groups ({@code dddd-dddd-dddd-dddX}) with a valid ISO 7064 mod
     * 11-2 check digit.
     *
     * @param s the candidate
     * @return true for valid ORCID iDs
     */
    public static boolean isOrcid(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(9) != '-' || s.charAt(14) != '-') {
            return false;
        }
        int check = 0;
        for (int i = 0; i < 19; i++) {
            if (i == 4 || i == 9 || i == 14) {
                continue;
            }
            char c = s.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c == 'X' && i == 18) {
                digit = 10;
            } else {
                return false;
            }
            check = (2 * check + digit) % 11;
        }
        return check == 1;
    }

    /**
     * Normalises the spellings of an SI unit that the reference accepts: {@code ×}, {@code *} and spaces become
     * {@code ·}.
     *
     * @param s a unit as written
     * @return the normalised unit
     */
    public static String normalizeSiUnit(String s) {
        return s.replace('×', '·').replace('*', '·').replace(' ', '·');
    }

    /**
     * Whether {@code s} (after {@link #normalizeSiUnit}) is an SI unit expression such as {@code µm}, {@code m·s^-1}
     * or {@code kg/m^3}.
     *
     * @param s the candidate
     * @return true when it matches the reference's SI unit grammar
     */
    public static boolean isSiUnit(String s) {
        return SI_UNIT.matcher(normalizeSiUnit(s)).matches();
    }

    /**
     * Whether {@code s} is an id of the SPDX License List 3.27.0, deprecated ids included.
     *
     * @param s the candidate
     * @return true for ids such as {@code MIT}, {@code CC-BY-4.0} or the deprecated {@code GPL-2.0+}
     */
    public static boolean isSpdxLicense(String s) {
        return LICENSES.contains(s) || DEPRECATED_LICENSES.contains(s);
    }

    /**
     * Whether {@code s} is a deprecated id of the SPDX License List 3.27.0.
     *
     * @param s the candidate
     * @return true for deprecated ids such as {@code GPL-2.0+}
     */
    public static boolean isDeprecatedSpdxLicense(String s) {
        return DEPRECATED_LICENSES.contains(s);
    }

    /**
     * Whether {@code s} is a version that PEP 440 accepts, such as {@code 1.2}, {@code 0.1.0rc1} or {@code 2.0.post1}.
     *
     * @param s the candidate
     * @return true for PEP 440 versions
     */
    public static boolean isVersion(String s) {
        return PEP440.matcher(s.strip()).matches();
    }

    /**
     * Whether {@code s} is a colour: a CSS colour name, a hex colour of 3, 4, 6 or 8 digits (optionally after {@code
     * #} or {@code 0x}), or an {@code rgb()}, {@code rgba()}, {@code hsl()} or {@code hsla()} form with three or four
     * numbers or percentages. Case and surrounding blanks do not matter.
     *
     * @param s the candidate
     * @return true for {@code red}, {@code #ff0000}, {@code rgb(255, 0, 0)}
     */
    public static boolean isColor(String s) {
        String c = s.strip().toLowerCase(Locale.ROOT);
        return CSS_COLORS.contains(c)
                || HEX_COLOR.matcher(c).matches()
                || FUNCTION_COLOR.matcher(c).matches();
    }

    /**
     * Whether {@code s} is an absolute http or https URL with a host, at most 2083 characters long.
     *
     * @param s the candidate
     * @return true for URLs such as {@code https://example.org/x}
     */
    public static boolean isHttpUrl(String s) {
        if (s.length() > 2083) {
            return false;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Tells whether the file name of a source (the part after the last {@code /}, without a query) identifies a
     * description file: {@code rdf.yaml}, {@code bioimageio.yaml}, {@code model.yaml}, or a name ending in {@code .}
     * followed by one of these (reference {@code is_valid_bioimageio_yaml_name}).
     *
     * @param source a file source
     * @return whether its file name is reserved for descriptions
     */
    public static boolean isDescriptionFileName(String source) {
        String path = source;
        int query = path.indexOf('?');
        if (query >= 0 && (path.startsWith("http:") || path.startsWith("https:"))) {
            path = path.substring(0, query);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String reserved : new String[] {"bioimageio.yaml", "rdf.yaml", "model.yaml"}) {
            if (name.equals(reserved) || name.endsWith("." + reserved)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s} is a file source: an http(s) URL, or a non-empty file path.
     *
     * @param s the candidate
     * @return true for {@code weights.pt}, {@code sub/dir/x.npy} or {@code https://example.org/w.pt}
     */
    public static boolean isFileSource(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:")) {
            return isHttpUrl(s);
        }
        return !s.isBlank();
    }

    private static Set<String> readIds(String resource) {
        Set<String> ids = new HashSet<>();
        try (InputStream in = ValueTypes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in modelhub-spec");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    ids.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(ids);
    }
}
