// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.spi.Engines;

import java.nio.file.Path;
import java.util.List;

/**
 * A feed-forward network mapping a picture to a picture: a fast style network (Johnson et al.,
 * Engstrom) or a CycleGAN generator. Any picture size works: pictures are padded to the multiple
 * the network needs and cropped back. Safe to call from several threads at once; close it to
 * free its native memory.
 */
public interface Translator extends AutoCloseable {

    /**
     * Opens a weights file (.safetensors, .pth), a TorchScript (.pt) or an ONNX model with the
     * {@linkplain NetworkOptions#defaults() default options}; the format is detected from content.
     *
     * @param file the model file
     * @return the translator; close it when done
     * @throws ModelException if the file is missing, malformed or holds a generator
     * @throws EngineException if no engine on the classpath can run it
     */
    static Translator fromFile(Path file) {
        return fromFile(file, NetworkOptions.defaults());
    }

    /**
     * Opens a model file, as {@link #fromFile(Path)} does, with the given options.
     *
     * @param file the model file
     * @param options architecture, engine, device and processing size
     * @return the translator; close it when done
     * @throws ModelException if the file is missing, malformed or holds a generator
     * @throws EngineException if no engine on the classpath can run it
     */
    static Translator fromFile(Path file, NetworkOptions options) {
        return Engines.network(file, options).openTranslator(file, options);
    }

    /**
     * Opens a model from the model zoo (resolved through the local folder, cache or download)
     * with the default options, and the architecture its catalogue entry records.
     *
     * @param id a model zoo id, such as {@code fast-neural-style-candy-9}
     * @return the translator; close it when done
     * @throws ModelException if the id is unknown or its file cannot be obtained or opened
     */
    static Translator fromZoo(String id) {
        return fromZoo(id, NetworkOptions.defaults());
    }

    /**
     * Opens a model from the model zoo with the given options; an architecture they name wins
     * over the one the catalogue records.
     *
     * @param id a model zoo id, such as {@code cyclegan-horse2zebra}
     * @param options architecture, engine, device and processing size
     * @return the translator; close it when done
     * @throws ModelException if the id is unknown or its file cannot be obtained or opened
     */
    static Translator fromZoo(String id, NetworkOptions options) {
        Engines.ZooModel model = Engines.resolveZooModel(id);
        return fromFile(model.file(), options.forZooModel(model));
    }

    /**
     * Translates one picture.
     *
     * @param input the picture, any size
     * @return the translated picture, of the input's size
     */
    RgbImage translate(RgbImage input);

    /**
     * Translates several pictures; pictures of the same size go through the network together.
     * Equal to translating them one by one.
     *
     * @param inputs the pictures, of any sizes
     * @return the translated pictures, in order, each of its input's size
     */
    List<RgbImage> translate(List<RgbImage> inputs);

    /**
     * The network's architecture, as given or detected.
     *
     * @return the architecture, of kind {@link Architecture.Kind#TRANSLATOR}
     */
    Architecture architecture();

    /**
     * The engine actually running the network.
     *
     * @return {@link Engine#PYTORCH} or {@link Engine#ONNX_RUNTIME}, never {@link Engine#AUTO}
     */
    Engine engine();

    /**
     * The device it runs on.
     *
     * @return {@code cpu} or {@code gpu:N}
     */
    String device();

    @Override
    void close();
}
