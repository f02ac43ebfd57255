package eu.riscale.modelhub.spec.axis;

import eu.riscale.modelhub.spec.constraint.Color;
import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The channel axis; its size is the number of channel names.
 *
 * @param id the axis id (default {@code channel})
 * @param description a description of the axis (default empty)
 * @param channelNames the names of the channels: any non-empty strings (identifiers before format 0.5.11)
 * @param channelColors a display colour per channel (format 0.5.13 only; empty when not given)
 */
public record ChannelAxis(
        @Identifier(lowerCase = true, maxLength = 16) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Size(min = 1, message = "at least one channel name is required")
        List<@NotEmpty(message = "a channel name must not be empty") String> channelNames,

        List<@Color String> channelColors)
        implements InputAxis, OutputAxis {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param id the axis id (default {@code channel})
     * @param description a description of the axis (default empty)
     * @param channelNames the names of the channels
     * @param channelColors a display colour per channel (format 0.5.13 only; empty when not given)
     * @throws NullPointerException if a required component is {@code null}
     */
    public ChannelAxis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        channelNames = List.copyOf(Objects.requireNonNull(channelNames, "channelNames"));
        channelColors = List.copyOf(Objects.requireNonNull(channelColors, "channelColors"));
    }

    /**
     * Creates a channel axis without colours (every format but 0.5.13).
     *
     * @param id the axis id
     * @param description a description of the axis
     * @param channelNames the names of the channels
     */
    public ChannelAxis(String id, String description, List<String> channelNames) {
        this(id, description, channelNames, List.of());
    }

    /**
     * Creates a channel axis with the default id.
     *
     * @param channelNames the names of the channels
     * @return the channel axis
     */
    public static ChannelAxis of(String... channelNames) {
        return new ChannelAxis("channel", "", List.of(channelNames), List.of());
    }

    /** {@inheritDoc} */
    @Override
    public AxisType type() {
        return AxisType.CHANNEL;
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.description = description;
        b.channelNames = channelNames;
        b.channelColors = channelColors;
        return b;
    }

    /** Builds a {@link ChannelAxis} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private String id = AxisType.CHANNEL.defaultId();
        private String description = "";
        private @Nullable List<String> channelNames;
        private List<String> channelColors = List.of();

        private Builder() {}

        /**
         * Sets {@code id}.
         *
         * @param id the axis id (default {@code channel})
         * @return this builder
         * @throws IllegalArgumentException if {@code id} is {@code batch} or {@code b}, which only the batch axis may
         *     have
         */
        public Builder id(String id) {
            this.id = AxisType.CHANNEL.checkId(id);
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description a description of the axis (default empty)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code channel_names}.
         *
         * @param channelNames the names of the channels
         * @return this builder
         */
        public Builder channelNames(List<String> channelNames) {
            this.channelNames = Objects.requireNonNull(channelNames, "channelNames");
            return this;
        }

        /**
         * Sets {@code channel_names}.
         *
         * @param channelNames the names of the channels
         * @return this builder
         */
        public Builder channelNames(String... channelNames) {
            return channelNames(List.of(channelNames));
        }

        /**
         * Sets {@code channel_colors} (format 0.5.13 only).
         *
         * @param channelColors a display colour per channel: a CSS colour name, {@code #rgb}, {@code #rrggbb}, {@code
         *     rgb(...)} and so on
         * @return this builder
         */
        public Builder channelColors(List<String> channelColors) {
            this.channelColors = Objects.requireNonNull(channelColors, "channelColors");
            return this;
        }

        /**
         * Sets {@code channel_colors} (format 0.5.13 only).
         *
         * @param channelColors a display colour per channel
         * @return this builder
         */
        public Builder channelColors(String... channelColors) {
            return channelColors(List.of(channelColors));
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ChannelAxis build() {
            List<String> missing = new ArrayList<>();
            if (channelNames == null) {
                missing.add("channelNames");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("ChannelAxis: missing required fields: " + String.join(", ", missing));
            }
            return new ChannelAxis(id, description, channelNames, channelColors);
        }
    }
}
