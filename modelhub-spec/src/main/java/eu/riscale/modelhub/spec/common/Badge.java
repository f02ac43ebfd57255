package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.FileSource;
import eu.riscale.modelhub.spec.constraint.HttpUrl;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A badge of a dataset description ({@code badges}): a label shown on hover, an optional icon and the URL it links
 * to, for example an "Open in Colab" button.
 *
 * <pre>{@code
 * Badge colab = new Badge("Open in Colab", "https://colab.research.google.com/assets/colab-badge.svg",
 *         "https://colab.research.google.com/github/org/repo/blob/main/train.ipynb");
 * }</pre>
 *
 * @param label the label displayed on hover
 * @param icon the icon: a relative path or an http(s) URL, or {@code null}
 * @param url the target URL
 */
public record Badge(
        String label,
        @FileSource @Nullable String icon,
        @HttpUrl String url) {
    /**
     * Checks that required components are present.
     *
     * @param label the label displayed on hover
     * @param icon the icon: a relative path or an http(s) URL, or {@code null}
     * @param url the target URL
     * @throws NullPointerException if {@code label} or {@code url} is {@code null}
     */
    public Badge {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }
}
