package io.brushwork.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.brushwork.Init;
import io.brushwork.Losses;
import io.brushwork.Optimizer;
import io.brushwork.ProgressEvent;
import io.brushwork.RgbImage;
import io.brushwork.Style;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.spi.RunControl;
import io.brushwork.spi.StyleTransferEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Gatys style transfer on DJL's PyTorch engine (autograd for the pixel gradients). */
public final class DjlStyleTransferEngine implements StyleTransferEngine {

    @Override
    public String name() {
        return "djl-pytorch";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public StylizedImage run(StyleTransfer request, RunControl control) {
        long started = System.nanoTime();
        Engine engine = PyTorchRuntime.engine();
        ai.djl.Device device = PyTorchRuntime.resolve(request.device());
        int[] size = request.outputSize();
        RgbImage content = request.content().resize(size[0], size[1]);
        int styleSide = Math.max(size[0], size[1]);
        List<RgbImage> styles = new ArrayList<>();
        List<Double> blend = new ArrayList<>();
        for (Style s : request.styles()) {
            styles.add(s.image().resizeLongSide(styleSide));
            blend.add(s.blendWeight());
        }
        RgbImage start = startingPicture(request, content, styles.get(0));
        String deepest = deepestLayer(request);

        try (NDManager manager = engine.newBaseManager(device);
             Vgg19Network network = Vgg19Network.load(request.featureExtractor(), deepest, manager)) {
            control.checkCancelled();
            List<NDArray> styleArrays = new ArrayList<>();
            for (RgbImage s : styles) {
                styleArrays.add(Pixels.toArray(s, manager));
            }
            try (GatysObjective objective = new GatysObjective(engine, network, request.weights(),
                    request.contentLayers(), request.styleLayers(), Pixels.toArray(content, manager),
                    styleArrays, blend, manager);
                 PixelOptimizer optimizer = optimizer(request.optimizer(), objective,
                         Pixels.toArray(start, manager), manager)) {
                Losses initial = optimizer.latest().terms();
                long optimizationStart = System.nanoTime();
                int done = 0;
                int k = request.previewEvery();
                while (done < request.iterations()) {
                    control.checkCancelled();
                    if (!optimizer.step()) {
                        break;
                    }
                    done++;
                    if (control.hasListeners()) {
                        boolean preview = k > 0 && (done % k == 0 || done == request.iterations());
                        control.publish(new ProgressEvent(done, request.iterations(), optimizer.evaluations(),
                                optimizer.latest().terms(), Duration.ofNanos(System.nanoTime() - optimizationStart),
                                preview ? Optional.of(Pixels.toImage(optimizer.point()).quantized()) : Optional.empty()));
                    }
                }
                long finished = System.nanoTime();
                return new StylizedImage(Pixels.toImage(optimizer.point()).quantized(), initial,
                        optimizer.latest().terms(), done, optimizer.evaluations(),
                        Duration.ofNanos(finished - started), Duration.ofNanos(finished - optimizationStart),
                        PyTorchRuntime.name(device), PyTorchRuntime.describe());
            }
        }
    }

    private static PixelOptimizer optimizer(Optimizer options, GatysObjective objective, NDArray start, NDManager manager) {
        if (options instanceof Optimizer.Lbfgs lbfgs) {
            return new LbfgsOptimizer(objective, start, lbfgs, manager);
        }
        return new AdamOptimizer(objective, start, (Optimizer.Adam) options, manager);
    }

    private static RgbImage startingPicture(StyleTransfer request, RgbImage content, RgbImage firstStyle) {
        Init init = request.init();
        return switch (init.kind()) {
            case CONTENT -> content;
            case STYLE -> firstStyle.resize(content.width(), content.height());
            case IMAGE -> init.image().orElseThrow().resize(content.width(), content.height());
            case NOISE -> noise(content.width(), content.height(), request.seed());
        };
    }

    /** Gaussian noise around mid-grey, drawn in Java so that a seed gives the same picture on any engine. */
    static RgbImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] p = new float[3 * width * height];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (127.5 + 40 * random.nextGaussian());
        }
        return RgbImage.of(width, height, p);
    }

    /** The deepest layer any active loss term reads; the network is built only that far. */
    static String deepestLayer(StyleTransfer request) {
        int deepest = -1;
        if (request.weights().content() > 0) {
            for (String l : request.contentLayers()) {
                deepest = Math.max(deepest, Vgg19.layerIndex(l));
            }
        }
        if (request.weights().style() > 0) {
            for (Map.Entry<String, Double> e : request.styleLayers().entrySet()) {
                if (e.getValue() > 0) {
                    deepest = Math.max(deepest, Vgg19.layerIndex(e.getKey()));
                }
            }
        }
        // Total variation alone needs no features, but the network still needs one layer to exist.
        return Vgg19.LAYERS.get(Math.max(deepest, 0));
    }
}
