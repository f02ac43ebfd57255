package eu.riscale.modelhub.core.testing;

import java.util.Objects;

/**
 * One error or warning of a {@link TestDetail}.
 *
 * @param loc where: a dotted path into the description such as {@code inputs.0.test_tensor} or {@code weights.onnx};
 *     empty for the description as a whole
 * @param msg what is wrong and what was expected
 */
public record TestMessage(String loc, String msg) {
    /** Checks that both texts are present. */
    public TestMessage {
        Objects.requireNonNull(loc, "loc");
        Objects.requireNonNull(msg, "msg");
    }

    /** {@return {@code loc: msg}, or just the message when there is no location} */
    @Override
    public String toString() {
        return loc.isEmpty() ? msg : loc + ": " + msg;
    }
}
