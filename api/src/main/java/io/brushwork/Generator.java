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

    static Generator fromFile(Path file) {
        return fromFile(file, NetworkOptions.defaults());
    }

    static Generator fromFile(Path file, NetworkOptions options) {
        return Engines.network(file, options).openGenerator(file, options);
    }

    static Generator fromZoo(String id) {
        return fromZoo(id, NetworkOptions.defaults());
    }

    static Generator fromZoo(String id, NetworkOptions options) {
        Engines.ZooModel model = Engines.resolveZooModel(id);
        return fromFile(model.file(), options.withArchitectureOrElse(model.architecture()));
    }

    /** Length of the latent vectors the network takes. */
    int latentSize();

    /** Side of the square pictures it makes. */
    int imageSize();

    /** Pictures for the given latents, in order; batched internally, equal to one-by-one generation. */
    List<RgbImage> generate(List<Latent> latents);

    default RgbImage generate(Latent latent) {
        return generate(List.of(latent)).get(0);
    }

    /** {@code count} pictures from standard-normal latents drawn with {@code seed}. */
    default List<RgbImage> sample(int count, long seed) {
        return generate(Latent.random(latentSize(), count, seed));
    }

    /** The pictures along a walk from {@code from} to {@code to}, both included. */
    default List<RgbImage> interpolate(Latent from, Latent to, int steps, Interpolation mode) {
        return generate(Latent.interpolate(from, to, steps, mode));
    }

    Architecture architecture();

    Engine engine();

    String device();

    @Override
    void close();
}
