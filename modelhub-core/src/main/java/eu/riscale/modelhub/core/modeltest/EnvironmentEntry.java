package eu.riscale.modelhub.core.modeltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a {@link TestSummary}'s environment: a package, runtime or device and its version, as the reference's
 * {@code InstalledPackage} (name, version, build). Written to the JSON summary's {@code env} list so that a result
 * can be reproduced: the SDK, each inference engine that ran (for example {@code PyTorch 2.7.1}, {@code OnnxRuntime
 * 1.21.1}), Java, the operating system and the device.
 *
 * @param name what it is, for example {@code PyTorch}, {@code java}, {@code os} or {@code device}
 * @param version its version, for example {@code 2.7.1}, or the device ({@code cpu()})
 * @param build more detail, for example the JVM vendor or the processor architecture; empty when none
 */
public record EnvironmentEntry(String name, String version, String build) {
    /** The name of the SDK's own entry. */
    public static final String SDK = "modelhub";

    /**
     * The name of the entry that says how the inference checks were made reproducible: version {@link
     * Determinism#id()}, build what was applied ({@code seed 0}, the engines' thread settings), empty when nothing ran.
     */
    public static final String DETERMINISM = "determinism";

    /** Checks presence. */
    public EnvironmentEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(build, "build");
    }

    /**
     * {@return what every summary records, whether or not anything ran: the SDK's version, Java and the operating
     * system}
     */
    public static List<EnvironmentEntry> base() {
        List<EnvironmentEntry> env = new ArrayList<>();
        String sdk = ModelTests.class.getPackage().getImplementationVersion();
        env.add(new EnvironmentEntry(SDK, sdk == null ? "development build" : sdk, ""));
        env.add(new EnvironmentEntry(
                "java",
                System.getProperty("java.version", "unknown"),
                (System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vendor", "")).strip()));
        env.add(new EnvironmentEntry(
                "os",
                (System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")).strip(),
                System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)));
        return List.copyOf(env);
    }

    /** {@return {@code name version (build)}, for text and Markdown} */
    public String describe() {
        return name + " " + version + (build.isEmpty() ? "" : " (" + build + ")");
    }
}
