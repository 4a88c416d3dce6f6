// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.spi.Engines;

import java.nio.file.Path;
import java.util.List;

/**
 * A network mapping latent vectors to pictures (a DCGAN generator), with the latent-space walks of
 * Radford et al.: seeded sampling, interpolation and vector arithmetic (see {@link Latent}). Safe
 * to call from several threads at once; close it to free its native memory.
 */
public interface Generator extends AutoCloseable {

    /**
     * Opens a generator from a weights file (.safetensors, .pth) with the
     * {@linkplain NetworkOptions#defaults() default options}; the architecture is detected from the
     * weight names. Generators are not read from TorchScript or ONNX graphs.
     *
     * @param file the weights file
     * @return the generator; close it when done
     * @throws ModelException if the file is missing, malformed or holds a translator or a graph
     * @throws EngineException if no engine on the classpath can run it
     */
    static Generator fromFile(Path file) {
        return fromFile(file, NetworkOptions.defaults());
    }

    /**
     * Opens a generator from a weights file, as {@link #fromFile(Path)} does, with the given options.
     *
     * @param file the weights file
     * @param options architecture, engine and device
     * @return the generator; close it when done
     * @throws ModelException if the file is missing, malformed or holds a translator or a graph
     * @throws EngineException if no engine on the classpath can run it
     */
    static Generator fromFile(Path file, NetworkOptions options) {
        return Engines.network(file, options).openGenerator(file, options);
    }

    /**
     * Opens a generator from the model zoo (resolved through the local folder, cache or download)
     * with the default options, and the architecture its catalogue entry records.
     *
     * @param id a model zoo id, such as {@code dcgan-fashiongen}
     * @return the generator; close it when done
     * @throws ModelException if the id is unknown or its file cannot be obtained or opened
     */
    static Generator fromZoo(String id) {
        return fromZoo(id, NetworkOptions.defaults());
    }

    /**
     * Opens a generator from the model zoo with the given options; an architecture they name
     * wins over the one the catalogue records.
     *
     * @param id a model zoo id, such as {@code dcgan-fashiongen}
     * @param options architecture, engine and device
     * @return the generator; close it when done
     * @throws ModelException if the id is unknown or its file cannot be obtained or opened
     */
    static Generator fromZoo(String id, NetworkOptions options) {
        Engines.ZooModel model = Engines.resolveZooModel(id);
        return fromFile(model.file(), options.forZooModel(model));
    }

    /**
     * Length of the latent vectors the network takes.
     *
     * @return the number of components, as the weights define it
     */
    int latentSize();

    /**
     * Side of the square pictures it makes.
     *
     * @return the side in pixels (64 for DCGAN)
     */
    int imageSize();

    /**
     * Pictures for the given latents, in order; batched internally, equal to one-by-one generation.
     *
     * @param latents latent vectors of {@link #latentSize()} components each
     * @return one square picture of {@link #imageSize()} pixels per latent
     */
    List<RgbImage> generate(List<Latent> latents);

    /**
     * The picture for one latent.
     *
     * @param latent a latent vector of {@link #latentSize()} components
     * @return a square picture of {@link #imageSize()} pixels
     */
    default RgbImage generate(Latent latent) {
        return generate(List.of(latent)).get(0);
    }

    /**
     * {@code count} pictures from standard-normal latents drawn with {@code seed}, as
     * {@link Latent#random(int, int, long)} draws them.
     *
     * @param count how many pictures (>= 0)
     * @param seed the random seed; the same seed gives the same pictures
     * @return the pictures, in the order drawn
     */
    default List<RgbImage> sample(int count, long seed) {
        return generate(Latent.random(latentSize(), count, seed));
    }

    /**
     * The pictures along a walk from {@code from} to {@code to}, both included, as
     * {@link Latent#interpolate} walks it.
     *
     * @param from the first latent
     * @param to the last latent, of the same size
     * @param steps how many pictures (>= 2)
     * @param mode linear or spherical interpolation
     * @return {@code steps} pictures, from {@code from}'s to {@code to}'s
     */
    default List<RgbImage> interpolate(Latent from, Latent to, int steps, Interpolation mode) {
        return generate(Latent.interpolate(from, to, steps, mode));
    }

    /**
     * The network's architecture, as given or detected.
     *
     * @return the architecture, of kind {@link Architecture.Kind#GENERATOR}
     */
    Architecture architecture();

    /**
     * The engine actually running the network.
     *
     * @return the engine, never {@link Engine#AUTO}
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
