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

    /** Opens a weights file (.safetensors, .pth), a TorchScript (.pt) or an ONNX model; the format is detected from content. */
    static Translator fromFile(Path file) {
        return fromFile(file, NetworkOptions.defaults());
    }

    static Translator fromFile(Path file, NetworkOptions options) {
        return Engines.network(file, options).openTranslator(file, options);
    }

    /** Opens a model from the model zoo (resolved through the local folder, cache or download). */
    static Translator fromZoo(String id) {
        return fromZoo(id, NetworkOptions.defaults());
    }

    static Translator fromZoo(String id, NetworkOptions options) {
        Engines.ZooModel model = Engines.resolveZooModel(id);
        return fromFile(model.file(), options.withArchitectureOrElse(model.architecture()));
    }

    /** Translates one picture; the result has the input's size. */
    RgbImage translate(RgbImage input);

    /**
     * Translates several pictures; pictures of the same size go through the network together.
     * Equal to translating them one by one.
     */
    List<RgbImage> translate(List<RgbImage> inputs);

    Architecture architecture();

    /** The engine actually running the network. */
    Engine engine();

    /** The device it runs on: {@code cpu} or {@code gpu:N}. */
    String device();

    @Override
    void close();
}
