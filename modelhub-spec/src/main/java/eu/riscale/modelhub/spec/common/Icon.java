package eu.riscale.modelhub.spec.common;

import java.util.Objects;

/**
 * An icon for a resource: an emoji of one or two characters, or an image file ({@link FileDescr}). Files declaring a
 * format before 0.5.11 may give the file as a plain path; it is read as a file descriptor without checksum.
 *
 * <pre>{@code
 * Icon.emoji("🦈");                  // icon: 🦈
 * FileDescr.of("icon.png");          // icon: {source: icon.png}
 * }</pre>
 */
public sealed interface Icon permits Icon.Emoji, FileDescr {
    /**
     * An emoji icon.
     *
     * @param text the emoji (one or two characters; checked by the validation)
     * @return the icon
     */
    static Icon emoji(String text) {
        return new Emoji(text);
    }

    /**
     * An emoji (or any text of one or two characters), written as a plain string.
     *
     * @param text the characters
     */
    record Emoji(String text) implements Icon {
        /**
         * Checks that the text is present.
         *
         * @param text the characters
         * @throws NullPointerException if {@code text} is {@code null}
         */
        public Emoji {
            Objects.requireNonNull(text, "text");
        }
    }
}
