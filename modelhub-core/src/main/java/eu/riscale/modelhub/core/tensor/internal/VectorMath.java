package eu.riscale.modelhub.core.tensor.internal;

/**
 * Whether the SDK's float32 kernels ({@code sigmoid}, {@code softmax}, mean and variance) use {@link VectorKernels}:
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} and the system property {@code modelhub.vector} is
 * not {@code false}. Not API.
 *
 * <p>This class does not touch the incubating API itself, so that it can be asked on any JVM; {@link VectorKernels} is
 * loaded only when this says yes.
 */
public final class VectorMath {
    /** The decision, made once per JVM. */
    public static final boolean ENABLED = !"false".equals(System.getProperty("modelhub.vector"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorMath() {}
}
