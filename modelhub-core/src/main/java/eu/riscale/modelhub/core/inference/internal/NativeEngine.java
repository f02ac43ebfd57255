package eu.riscale.modelhub.core.inference.internal;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;

/** The DJL engines that can run weights offline, with the Maven coordinates a missing engine needs. */
public enum NativeEngine {
    /** TorchScript through DJL PyTorch. */
    PYTORCH(
            "PyTorch",
            "the Maven dependency eu.riscale.modelhub:modelhub-engine-pytorch (type pom), or"
                    + " ai.djl.pytorch:pytorch-engine, ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 and"
                    + " ai.djl.pytorch:pytorch-native-cpu:2.7.1 with the classifier of your platform"
                    + " (linux-x86_64, linux-aarch64, osx-aarch64 or win-x86_64)"),
    /** ONNX through DJL OnnxRuntime. */
    ONNX_RUNTIME(
            "OnnxRuntime",
            "the Maven dependency eu.riscale.modelhub:modelhub-engine-onnx (type pom), or"
                    + " ai.djl.onnxruntime:onnxruntime-engine:0.36.0");

    private final String djlName;
    private final String artifacts;

    NativeEngine(String djlName, String artifacts) {
        this.djlName = djlName;
        this.artifacts = artifacts;
    }

    /** {@return DJL's name of the engine} */
    public String djlName() {
        return djlName;
    }

    /**
     * Starts the engine (loads its natives from the classpath on first use).
     *
     * @return the engine
     * @throws IllegalStateException when the engine or its natives are not on the classpath, saying what to add
     */
    public Engine engine() {
        if (this == ONNX_RUNTIME) {
            OrtNatives.stage(); // keeps ONNX Runtime from leaving an onnxruntime-java* folder in java.io.tmpdir
        }
        try {
            Engine engine = Engine.getEngine(djlName);
            if (engine == null) {
                throw new IllegalStateException(missing());
            }
            return engine;
        } catch (EngineException | IllegalArgumentException e) {
            throw new IllegalStateException(missing() + " (" + e.getMessage() + ")", e);
        }
    }

    private String missing() {
        return "the " + djlName + " engine is not available offline; add " + artifacts
                + " to the classpath (natives are never downloaded unless ai.djl.offline=false)";
    }
}
