package eu.riscale.modelhub.core.op;

/**
 * Whether the float32 exponential ops ({@code sigmoid}, {@code softmax}) use {@link VectorKernels}: when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} and the system property {@code modelhub.vector} is not {@code false}.
 *
 * <p>This class does not touch the incubating API itself, so that it can be asked on any JVM; {@link VectorKernels} is
 * loaded only when this says yes.
 */
final class VectorMath {
    /** The decision, made once per JVM. */
    static final boolean ENABLED = !"false".equals(System.getProperty("modelhub.vector"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorMath() {}
}
