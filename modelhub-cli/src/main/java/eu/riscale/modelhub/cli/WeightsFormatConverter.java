package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a weights format by its id in descriptions ({@code torchscript}, {@code pytorch_state_dict}, ...). */
final class WeightsFormatConverter implements ITypeConverter<WeightsFormat> {
    @Override
    public WeightsFormat convert(String value) {
        return WeightsFormat.fromId(value)
                .orElseThrow(() -> new TypeConversionException("found '" + value + "', expected one of "
                        + Arrays.stream(WeightsFormat.values())
                                .map(WeightsFormat::id)
                                .collect(Collectors.joining(", "))));
    }
}
