// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A file of named tensors opened for reading, whatever its format (safetensors, PyTorch zip or
 * legacy checkpoint). Tensors are read on demand and converted to float32. Implementations are
 * safe to read from several threads.
 */
public interface WeightFile extends AutoCloseable {

    /**
     * Opens a weights file of any supported format, detected from its content.
     *
     * @param path the file to open
     * @return the open file; the caller closes it
     * @throws ModelFormatException when the file is malformed, hostile, or a graph (ONNX,
     *     TorchScript) rather than a state dict
     * @throws ModelException when it is missing, not a regular file (a directory, FIFO or device),
     *     or cannot be read
     */
    static WeightFile open(Path path) {
        ModelFormat format = ModelFormat.detect(path);
        return switch (format) {
            case SAFETENSORS -> SafetensorsFile.open(path);
            case PYTORCH_ZIP, PYTORCH_LEGACY -> TorchCheckpoint.open(path, format);
            case ONNX, TORCHSCRIPT -> throw GraphTrust.notWeights(path, format);
        };
    }

    /**
     * The file this was opened from.
     *
     * @return the file's path
     */
    Path path();

    /**
     * The format the file was detected as.
     *
     * @return {@link ModelFormat#SAFETENSORS}, {@link ModelFormat#PYTORCH_ZIP} or
     *     {@link ModelFormat#PYTORCH_LEGACY}
     */
    ModelFormat format();

    /**
     * Every tensor's key, in file order; nested checkpoints give dotted paths ({@code state_dict.conv1.weight}).
     *
     * @return the keys, in file order
     */
    Set<String> keys();

    /**
     * Whether the file holds a tensor under a key.
     *
     * @param key the full key, prefix included
     * @return whether {@link #keys()} contains {@code key}
     */
    default boolean contains(String key) {
        return keys().contains(key);
    }

    /**
     * The shape of a tensor, without reading its data.
     *
     * @param key the tensor's full key
     * @return the dimensions, outermost first; empty for a scalar
     * @throws ModelException if the file has no tensor {@code key}
     */
    long[] shape(String key);

    /**
     * Reads a tensor as float32.
     *
     * @param key the tensor's full key
     * @return the tensor's name, shape and values
     * @throws ModelFormatException if the tensor's data is malformed or of a type that cannot be read as float
     * @throws ModelException if the file has no tensor {@code key} or cannot be read
     */
    Tensor read(String key);

    /**
     * Reads a tensor, first checking its shape, so that nothing is allocated for a tensor of
     * another shape.
     *
     * @param key the tensor's full key
     * @param expectedShape the dimensions the tensor must have, outermost first
     * @return the tensor's name, shape and values
     * @throws ModelFormatException if the tensor's shape differs from {@code expectedShape}
     * @throws ModelException if the file has no tensor {@code key} or cannot be read
     */
    default Tensor read(String key, long... expectedShape) {
        long[] actual = shape(key);
        if (!Arrays.equals(actual, expectedShape)) {
            throw new ModelFormatException(path() + ": tensor '" + key + "' has shape " + Arrays.toString(actual)
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return read(key);
    }

    /**
     * Free-form string metadata the format carries (safetensors' {@code __metadata__}); may be empty.
     *
     * @return the metadata, key to value
     */
    Map<String, String> metadata();

    @Override
    void close();
}
