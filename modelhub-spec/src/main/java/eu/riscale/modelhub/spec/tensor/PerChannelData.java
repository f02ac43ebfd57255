package eu.riscale.modelhub.spec.tensor;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;

/**
 * Data descriptions given per channel (the list form of {@code data}).
 *
 * @param channels one data description per channel
 */
public record PerChannelData(List<@Valid TensorDataDescr> channels) implements TensorData {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param channels one data description per channel
     * @throws NullPointerException if a required component is {@code null}
     */
    public PerChannelData {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    }

    /** {@inheritDoc} */
    @Override
    public DType type() {
        return channels.isEmpty() ? DType.FLOAT32 : channels.get(0).type();
    }
}
