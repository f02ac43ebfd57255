package eu.riscale.modelhub.spec;

/**
 * The model format versions this SDK reads, and every rule that depends on the version a description declares. All
 * format-version gating of the SDK goes through this class, so that a rule introduced by a later format is switched on
 * in one place (see docs/formats.md for the table of versions and the decisions behind each gate).
 *
 * <p>Versions are compared by their patch number within 0.5; a declared version that is not a 0.5.x version (0.4, 0.3
 * or garbage) answers as 0.5.0 would, since such files are converted before these rules apply.
 */
public final class FormatVersion {
    /** The newest model format this SDK implements and writes. */
    public static final String LATEST = "0.5.14";

    /** The patch number of {@link #LATEST} within 0.5. */
    public static final int LATEST_PATCH = 14;

    private FormatVersion() {}

    /**
     * Reads the patch number of a 0.5.x version.
     *
     * @param version a declared format version such as {@code 0.5.11}
     * @return the patch number, or -1 when the version is not {@code 0.5.<number>}
     */
    public static int patch(String version) {
        if (!version.startsWith("0.5.")) {
            return -1;
        }
        String p = version.substring("0.5.".length());
        if (p.isEmpty() || p.length() > 6 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(p);
    }

    /**
     * Tells whether a declared version is a 0.5.x version newer than {@link #LATEST}; such files are read as the
     * latest format with a warning.
     *
     * @param version the declared format version
     * @return whether it is newer than this SDK
     */
    public static boolean isNewerThanLatest(String version) {
        return patch(version) > LATEST_PATCH;
    }

    /**
     * Tells whether a declared version is at least {@code 0.5.<patch>}.
     *
     * @param version the declared format version
     * @param patch the patch number of the version that introduced a rule
     * @return whether the rule applies
     */
    public static boolean atLeast(String version, int patch) {
        return patch(version) >= patch;
    }

    /**
     * Whether {@code covers}, {@code documentation} and {@code icon} (and the same keys of an embedded dataset) must be
     * file descriptors ({@code {source, sha256}}) rather than plain strings: from 0.5.11 (generic 0.3.4). Older files
     * may write plain strings, which are read as file descriptors without a checksum.
     *
     * @param version the declared format version
     * @return whether plain strings are an error
     */
    public static boolean requiresFileDescriptors(String version) {
        return atLeast(version, 11);
    }

    /**
     * Whether covers may be {@code .tif}/{@code .tiff} images: only before 0.5.11, which dropped them, so that older
     * files keep the verdict the reference gave them.
     *
     * @param version the declared format version
     * @return whether TIFF covers are accepted
     */
    public static boolean allowsTiffCovers(String version) {
        return !atLeast(version, 11);
    }

    /**
     * Whether channel axes may carry {@code channel_colors}: the key exists in format 0.5.13 only (added in 0.5.13,
     * removed in 0.5.14); in every other version it is an unknown key.
     *
     * @param version the declared format version
     * @return whether {@code channel_colors} is accepted
     */
    public static boolean allowsChannelColors(String version) {
        return patch(version) == 13;
    }
}
