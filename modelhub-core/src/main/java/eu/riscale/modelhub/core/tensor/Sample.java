package eu.riscale.modelhub.core.tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All tensors of one sample by tensor id (the ids of a model's inputs or outputs), immutable.
 *
 * <pre>{@code
 * Sample s = Sample.of(Map.of("raw", rawTensor));
 * Tensor raw = s.tensor("raw");
 * }</pre>
 */
public final class Sample {
    private final Map<String, Tensor> tensors;

    private Sample(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    /**
     * Creates a sample; the iteration order of the map is kept.
     *
     * @param tensors the tensors by id
     * @return the sample
     */
    public static Sample of(Map<String, Tensor> tensors) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "tensor id"), Objects.requireNonNull(v, k)));
        return new Sample(Collections.unmodifiableMap(copy));
    }

    /** {@return the tensors by id, unmodifiable} */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** {@return the tensor ids} */
    public Set<String> ids() {
        return tensors.keySet();
    }

    /**
     * Returns a tensor.
     *
     * @param id the tensor id
     * @return the tensor
     * @throws IllegalArgumentException if the sample has no tensor of this id
     */
    public Tensor tensor(String id) {
        Tensor t = tensors.get(id);
        if (t == null) {
            throw new IllegalArgumentException("tensor '" + id + "' not in the sample, expected one of " + ids());
        }
        return t;
    }

    /**
     * Looks a tensor up.
     *
     * @param id the tensor id
     * @return the tensor, or empty
     */
    public Optional<Tensor> find(String id) {
        return Optional.ofNullable(tensors.get(id));
    }

    /**
     * Returns a sample with one tensor added or replaced.
     *
     * @param id the tensor id
     * @param tensor the tensor
     * @return the new sample
     */
    public Sample with(String id, Tensor tensor) {
        Map<String, Tensor> copy = new LinkedHashMap<>(tensors);
        copy.put(id, tensor);
        return of(copy);
    }

    @Override
    public String toString() {
        return "Sample" + tensors;
    }
}
