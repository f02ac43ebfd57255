package eu.riscale.modelhub.spec.validation;

import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.common.License;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * Runs the Jakarta constraints of the spec records and reports the violations as {@link Diagnostic}s with dotted
 * YAML paths: {@code inputs[0].axes[2].minPercentile} becomes {@code inputs.0.axes.2.min_percentile}. The severity is
 * the {@link Severity} dynamic payload of a violation (set by {@link ValidModel}) or else the constraint's {@link
 * eu.riscale.modelhub.spec.constraint.WarningLevel} payload.
 *
 * <p>Thread-safe; the underlying validator factory is created once.
 */
public final class BeanValidation {
    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ROOT)
            .buildValidatorFactory();

    private BeanValidation() {}

    /** {@return the shared validator} */
    public static Validator validator() {
        return FACTORY.getValidator();
    }

    /**
     * Validates a record tree.
     *
     * @param root the root record
     * @return every violation, as issues with severity from the constraint's payload
     */
    public static List<Diagnostic> validate(Object root) {
        List<Diagnostic> issues = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator().validate(root)) {
            Location loc = location(v.getPropertyPath());
            List<Object> segments = loc.segments();
            if (isPlainValue(v.getLeafBean(), segments)) {
                // a fixed size is a plain integer in YAML, an SPDX id a plain string: report it at the value itself
                loc = new Location(segments.subList(0, segments.size() - 1));
            }
            HibernateConstraintViolation<?> hv = v.unwrap(HibernateConstraintViolation.class);
            Severity dynamic = hv.getDynamicPayload(Severity.class);
            Severity severity = dynamic != null
                    ? dynamic
                    : Severity.ofPayload(v.getConstraintDescriptor().getPayload());
            issues.add(Diagnostic.of(severity, loc, v.getMessage()));
        }
        return issues;
    }

    /** Whether a violation is on the one component of a record written as a plain value. */
    private static boolean isPlainValue(Object leaf, List<Object> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        Object last = segments.get(segments.size() - 1);
        return (leaf instanceof FixedSize && "value".equals(last))
                || (leaf instanceof License.SpdxId && "id".equals(last));
    }

    /**
     * Turns a Bean Validation path into a location the way the reference locates fields: names in snake_case, list
     * indexes and map keys as their own segments, container-element and class-level nodes left out.
     *
     * @param path a property path
     * @return the location, the root for an empty path
     */
    public static Location location(Path path) {
        List<Object> segments = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                segments.add(node.getIndex());
            } else if (node.getKey() != null) {
                segments.add(node.getKey().toString());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<") && node.getKind() != jakarta.validation.ElementKind.BEAN) {
                segments.add(snakeCase(name));
            }
        }
        return new Location(segments);
    }

    /**
     * Converts a Java component name to the YAML key of the spec.
     *
     * @param name a camelCase name such as {@code minPercentile}
     * @return the snake_case key such as {@code min_percentile}
     */
    public static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
