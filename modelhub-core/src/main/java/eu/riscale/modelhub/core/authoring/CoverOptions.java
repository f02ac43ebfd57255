package eu.riscale.modelhub.core.authoring;

import java.util.Objects;

/**
 * How {@link Covers} renders a cover: the layout, the width (the height is half of it, the 2:1 aspect ratio the hub
 * asks for) and the percentiles that set the contrast of each view.
 *
 * @param layout how input and output share the image
 * @param width the width in pixels, 64 to 4096 and even; the height is {@code width / 2}
 * @param lowerPercentile the percentile (0 to 100) mapped to black
 * @param upperPercentile the percentile (0 to 100, above {@code lowerPercentile}) mapped to white
 */
public record CoverOptions(CoverLayout layout, int width, double lowerPercentile, double upperPercentile) {
    /** The default width, 800 pixels (so 800 × 400). */
    public static final int DEFAULT_WIDTH = 800;

    /**
     * Checks the values, naming the one that is out of range.
     *
     * @param layout how input and output share the image
     * @param width the width in pixels, 64 to 4096 and even
     * @param lowerPercentile the percentile mapped to black
     * @param upperPercentile the percentile mapped to white
     */
    public CoverOptions {
        Objects.requireNonNull(layout, "layout");
        if (width < 64 || width > 4096 || width % 2 != 0) {
            throw new IllegalArgumentException("width: found " + width + ", expected an even number from 64 to 4096");
        }
        if (!(lowerPercentile >= 0 && lowerPercentile < upperPercentile && upperPercentile <= 100)) {
            throw new IllegalArgumentException("percentiles: found " + lowerPercentile + " and " + upperPercentile
                    + ", expected 0 <= lower < upper <= 100");
        }
    }

    /** {@return the defaults: automatic layout, 800 × 400 pixels, contrast from the 0.5th to the 99.5th percentile} */
    public static CoverOptions defaults() {
        return new CoverOptions(CoverLayout.AUTO, DEFAULT_WIDTH, 0.5, 99.5);
    }

    /**
     * Returns these options with another layout.
     *
     * @param layout the layout
     * @return new options
     */
    public CoverOptions withLayout(CoverLayout layout) {
        return new CoverOptions(layout, width, lowerPercentile, upperPercentile);
    }

    /**
     * Returns these options with another width.
     *
     * @param width the width in pixels, even, 64 to 4096
     * @return new options
     */
    public CoverOptions withWidth(int width) {
        return new CoverOptions(layout, width, lowerPercentile, upperPercentile);
    }

    /**
     * Returns these options with other contrast percentiles.
     *
     * @param lower the percentile mapped to black
     * @param upper the percentile mapped to white
     * @return new options
     */
    public CoverOptions withPercentiles(double lower, double upper) {
        return new CoverOptions(layout, width, lower, upper);
    }

    /** {@return the height in pixels, half the width} */
    public int height() {
        return width / 2;
    }
}
