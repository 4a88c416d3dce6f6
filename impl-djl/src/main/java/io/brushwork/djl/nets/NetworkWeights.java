// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.brushwork.zoo.KeyMapping;
import io.brushwork.zoo.Tensor;
import io.brushwork.zoo.WeightFile;

import java.util.Map;

/**
 * The tensors of one network, checked against the architecture's expected names and shapes
 * before anything is built, and handed out as NDArrays owned by the network's manager.
 */
public final class NetworkWeights {
    private final WeightFile file;
    private final KeyMapping keys;
    private final Map<String, long[]> expected;
    private final NDManager manager;

    private NetworkWeights(WeightFile file, KeyMapping keys, Map<String, long[]> expected, NDManager manager) {
        this.file = file;
        this.keys = keys;
        this.expected = expected;
        this.manager = manager;
    }

    /**
     * Matches the file against {@code expected}; throws a ModelFormatException listing every
     * missing, unexpected or mis-shaped key (stale norm statistics excepted) when it does not fit.
     *
     * @param file the weights file to read from; it must stay open while the network is built
     * @param expected the model's tensor names, without any wrapper prefix, each with its shape
     * @param modelName what the weights are for, named in the error message
     * @param manager the manager that will own the NDArrays
     * @return the checked weights
     * @throws io.brushwork.zoo.ModelFormatException when the file does not fit {@code expected}
     */
    public static NetworkWeights of(WeightFile file, Map<String, long[]> expected, String modelName, NDManager manager) {
        KeyMapping keys = KeyMapping.match(file, expected, true).require(file, modelName, true);
        return new NetworkWeights(file, keys, Map.copyOf(expected), manager);
    }

    /**
     * The tensor a model key names, as an NDArray of its shape. The read itself checks the
     * expected shape, so nothing of another size is ever allocated.
     *
     * @param modelKey a tensor name as the model spells it, such as {@code conv1.weight}
     * @return a new float32 NDArray owned by {@link #manager()}
     */
    public NDArray array(String modelKey) {
        Tensor t = file.read(keys.fileKey(modelKey), expected.get(modelKey));
        return manager.create(t.data(), new Shape(t.shape()));
    }

    /**
     * Whether the file holds the key (for optional tensors such as stale norm statistics).
     *
     * @param modelKey a tensor name as the model spells it
     * @return true when the file holds it with the expected shape
     */
    public boolean has(String modelKey) {
        return keys.fileKey(modelKey) != null;
    }

    /**
     * The manager the weights' NDArrays belong to.
     *
     * @return the manager passed to {@link #of}
     */
    public NDManager manager() {
        return manager;
    }
}
