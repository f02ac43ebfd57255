package eu.riscale.modelhub.spec.axis;

/**
 * A parameterized input axis size: any {@code min + n * step} with {@code n >= 0}.
 *
 * @param min the smallest valid size
 * @param step the step between valid sizes
 */
public record ParameterizedSize(int min, int step) implements InputSize {}
