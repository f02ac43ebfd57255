package eu.riscale.modelhub.core.stats;

/** How a quantile is read from the sorted values, with numpy's definitions ({@code np.quantile(method=...)}). */
public enum QuantileMethod {
    /** numpy's default (Hyndman and Fan type 7): virtual index {@code (n-1)q}, linear interpolation. */
    LINEAR,
    /** Hyndman and Fan type 1: the smallest value whose empirical CDF is at least {@code q}; no interpolation. */
    INVERTED_CDF
}
