package eu.riscale.modelhub.core.inference.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One loaded network. Thread-safe: the loaded model is shared and every {@link #predict} call uses its own predictor
 * and its own native memory scope, which is closed before the call returns.
 */
public final class DjlRunner implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final NativeEngine engine;
    private final Device device;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DjlRunner(ZooModel<NDList, NDList> model, NativeEngine engine, Device device) {
        this.model = model;
        this.engine = engine;
        this.device = device;
    }

    /**
     * Loads weights.
     *
     * @param weights the weights file ({@code .pt} TorchScript or {@code .onnx})
     * @param engine which engine runs them
     * @param gpu whether to use the first GPU when the engine reports one (CPU otherwise)
     * @return the loaded runner; close it to free native memory
     * @throws IOException when the file cannot be read or is not a model of that engine
     */
    public static DjlRunner load(Path weights, NativeEngine engine, boolean gpu) throws IOException {
        if (!Files.isRegularFile(weights)) {
            throw new IOException("weights file not found: " + weights);
        }
        Engine djlEngine = engine.engine();
        Device device = gpu && djlEngine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        // the model is created here, not by Criteria.loadModel, so that a file the engine refuses still has its model
        // closed (DJL's loader leaves it to the finalizer, which warns "Model: weights was not closed explicitly")
        String name = weights.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Model model = Model.newInstance(dot > 0 ? name.substring(0, dot) : name, device, engine.djlName());
        try {
            model.load(weights.toAbsolutePath(), null, EngineDeterminism.loadOptions(engine));
            return new DjlRunner(new ZooModel<>(model, new NoopTranslator()), engine, device);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(
                    "cannot load " + weights.getFileName() + " with " + engine.djlName() + ": " + e.getMessage(), e);
        }
    }

    /** {@return the engine that runs the network} */
    public NativeEngine engine() {
        return engine;
    }

    /** {@return the version of the engine's native library, for example {@code 2.7.1} for PyTorch} */
    public String engineVersion() {
        return engine.engine().getVersion();
    }

    /** {@return the device in DJL's notation, for example {@code cpu()} or {@code gpu(0)}} */
    public String device() {
        return device.toString();
    }

    /**
     * Runs the network once.
     *
     * @param inputs the inputs in the network's order
     * @return the outputs in the network's order, copied out of native memory
     * @throws IOException when the network rejects the inputs (shape or dtype)
     */
    public List<NativeArray> predict(List<NativeArray> inputs) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("runner is closed");
        }
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList in = new NDList(inputs.size());
            for (NativeArray a : inputs) {
                in.add(manager.create(direct(a.data()), new Shape(a.shape()), dataType(a.dtype())));
            }
            NDList out = predictor.predict(in);
            List<NativeArray> result = new ArrayList<>(out.size());
            for (NDArray o : out) {
                result.add(copyOut(o));
            }
            out.close();
            return result;
        } catch (TranslateException | EngineException e) {
            throw new IOException("inference failed in " + engine.djlName() + ": " + rootMessage(e), e);
        }
    }

    /**
     * Returns the buffer as a direct one: OnnxRuntime reads heap buffers wrongly (garbage or NaN outputs for non-zero
     * inputs), so heap buffers are copied.
     */
    private static ByteBuffer direct(ByteBuffer data) {
        if (data.isDirect()) {
            return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer copy = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(data.duplicate()).flip();
        return copy;
    }

    private static NativeArray copyOut(NDArray array) {
        DType dtype = dtype(array.getDataType());
        ByteBuffer src = array.toByteBuffer();
        ByteBuffer copy = ByteBuffer.allocate(src.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(src.order(ByteOrder.nativeOrder())).flip();
        return new NativeArray(dtype, array.getShape().getShape(), copy);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static DataType dataType(DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return DataType.FLOAT32;
            case FLOAT64:
                return DataType.FLOAT64;
            case UINT8:
                return DataType.UINT8;
            case INT8:
                return DataType.INT8;
            case INT16:
                return DataType.INT16;
            case UINT16:
                return DataType.UINT16;
            case INT32:
                return DataType.INT32;
            case UINT32:
                return DataType.UINT32;
            case INT64:
                return DataType.INT64;
            case UINT64:
                return DataType.UINT64;
            case BOOL:
                return DataType.BOOLEAN;
        }
        throw new AssertionError(dtype);
    }

    static DType dtype(DataType type) {
        switch (type) {
            case FLOAT32:
                return DType.FLOAT32;
            case FLOAT64:
                return DType.FLOAT64;
            case UINT8:
                return DType.UINT8;
            case INT8:
                return DType.INT8;
            case INT16:
                return DType.INT16;
            case UINT16:
                return DType.UINT16;
            case INT32:
                return DType.INT32;
            case UINT32:
                return DType.UINT32;
            case INT64:
                return DType.INT64;
            case UINT64:
                return DType.UINT64;
            case BOOLEAN:
                return DType.BOOL;
            default:
                throw new IllegalStateException(
                        "the network returned an array of type " + type + ", which format 0.5 has no dtype for");
        }
    }

    /** Frees the native model; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
