// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.EngineException;
import io.brushwork.Generator;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StyleTransferHandle;
import io.brushwork.StylizedImage;
import io.brushwork.Translator;
import io.brushwork.spi.Engines;
import io.brushwork.spi.NetworkProvider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * The code of docs/engines-and-devices.md: each method is one snippet of the guide, callable with
 * its inputs (EnginesGuideTest runs them on small seeded-random networks).
 */
public final class EnginesGuide {
    private EnginesGuide() {
    }

    /** Opens a translator on the given engine, on the CPU. */
    public static Translator open(Path model, Engine engine) {
        // snippet:engine
        // AUTO (the default) decides from the file's content: ONNX graphs run on ONNX Runtime,
        // weights and TorchScript on PyTorch. Naming an engine makes a mismatch an error.
        NetworkOptions options = NetworkOptions.builder()
                .engine(engine)
                .device(Device.cpu())
                .trustGraphCode(true)   // the file may be a graph, which is code: only from a source you trust
                .build();
        Translator translator = Translator.fromFile(model, options);
        System.out.println(translator.architecture() + " on " + translator.engine() + ", " + translator.device());
        // end-snippet
        return translator;
    }

    /** The engine adapters the classpath offers, one line each. */
    public static List<String> engines() {
        // snippet:providers
        // Adapters are found through ServiceLoader: what a jar lacks in META-INF/services is not there.
        List<String> found = new ArrayList<>();
        found.add("style transfer: " + Engines.styleTransfer().name());
        for (NetworkProvider provider : ServiceLoader.load(NetworkProvider.class)) {
            found.add("networks: " + provider.name() + ", priority " + provider.priority());
        }
        // end-snippet
        return found;
    }

    /** Opens a translator on GPU {@code gpu}, or on the CPU when that GPU is not visible. */
    public static Translator openOnGpuOrCpu(Path model, int gpu) {
        // snippet:device
        NetworkOptions options = NetworkOptions.builder().device(Device.gpu(gpu)).build();
        try {
            return Translator.fromFile(model, options);
        } catch (EngineException noSuchGpu) {
            // gpu(i) never falls back on its own (auto() does, and logs it): decide here.
            System.err.println(noSuchGpu.getMessage());
            return Translator.fromFile(model, options.toBuilder().device(Device.cpu()).build());
        }
        // end-snippet
    }

    /** Runs every request at once on {@code executor} and waits for them all. */
    public static List<StylizedImage> runTogether(List<StyleTransfer> requests, Executor executor) {
        // snippet:concurrent
        // Requests are immutable and each run holds its own native memory: run them side by side.
        List<StyleTransferHandle> runs = requests.stream().map(request -> request.start(executor)).toList();
        List<StylizedImage> results = runs.stream().map(StyleTransferHandle::await).toList();
        // end-snippet
        return results;
    }

    /** Translates the pictures on several threads with one translator. */
    public static List<RgbImage> translateInParallel(Translator translator, List<RgbImage> pictures) {
        // snippet:shared-translator
        // One translator serves every thread: its weights are loaded once and only read.
        List<RgbImage> painted = pictures.parallelStream()
                .map(translator::translate)
                .toList();
        // end-snippet
        return painted;
    }

    /** {@code count} pictures from a DCGAN generator, closing it afterwards. */
    public static List<RgbImage> sample(Path dcganWeights, int count, long seed) {
        // snippet:close
        // The weights live in native memory, which the garbage collector neither sees nor frees:
        // close the generator (or translator) when done.
        try (Generator gan = Generator.fromFile(dcganWeights)) {
            return gan.sample(count, seed);
        }
        // end-snippet
    }
}
