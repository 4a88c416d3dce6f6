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
    private final NDManager manager;

    private NetworkWeights(WeightFile file, KeyMapping keys, NDManager manager) {
        this.file = file;
        this.keys = keys;
        this.manager = manager;
    }

    /**
     * Matches the file against {@code expected}; throws a ModelFormatException listing every
     * missing, unexpected or mis-shaped key (stale norm statistics excepted) when it does not fit.
     */
    public static NetworkWeights of(WeightFile file, Map<String, long[]> expected, String modelName, NDManager manager) {
        KeyMapping keys = KeyMapping.match(file, expected, true).require(file, modelName, true);
        return new NetworkWeights(file, keys, manager);
    }

    /** The tensor a model key names, as an NDArray of its shape. */
    public NDArray array(String modelKey) {
        Tensor t = file.read(keys.fileKey(modelKey));
        return manager.create(t.data(), new Shape(t.shape()));
    }

    /** Whether the file holds the key (for optional tensors such as stale norm statistics). */
    public boolean has(String modelKey) {
        return keys.fileKey(modelKey) != null;
    }

    public NDManager manager() {
        return manager;
    }
}
