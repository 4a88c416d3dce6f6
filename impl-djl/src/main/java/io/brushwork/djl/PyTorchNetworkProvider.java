// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDManager;
import io.brushwork.Architecture;
import io.brushwork.Engine;
import io.brushwork.Generator;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.Translator;
import io.brushwork.djl.nets.PixelRange;
import io.brushwork.djl.nets.WeightNetworks;
import io.brushwork.spi.NetworkProvider;
import io.brushwork.zoo.GraphTrust;
import io.brushwork.zoo.ModelFormat;
import io.brushwork.zoo.WeightFile;

import java.nio.file.Path;

/**
 * Feed-forward networks on DJL's PyTorch engine: architectures built from weight files
 * (safetensors, .pth) as DJL blocks, and TorchScript graphs, which run only when the options
 * trust their code ({@link GraphTrust}).
 */
public final class PyTorchNetworkProvider implements NetworkProvider {

    @Override
    public String name() {
        return "PyTorch";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean canOpen(Path file, NetworkOptions options) {
        if (options.engine() == Engine.ONNX_RUNTIME) {
            return false;
        }
        try {
            return ModelFormat.detect(file) != ModelFormat.ONNX;
        } catch (ModelException unreadable) {
            // Opening then reports the file's own problem, which says more than "no engine".
            return true;
        }
    }

    @Override
    public Translator openTranslator(Path file, NetworkOptions options) {
        ai.djl.Device device = PyTorchRuntime.resolve(options.device());
        ModelFormat format = ModelFormat.detect(file);
        if (format == ModelFormat.TORCHSCRIPT) {
            GraphTrust.admit(file, format, options.trustsGraphCode());
            Architecture architecture = options.architecture().orElse(Architecture.GRAPH_TRANSLATOR);
            requireKind(file, architecture, Architecture.Kind.TRANSLATOR);
            PixelRange range = graphRange(architecture);
            return new NetworkTranslator(GraphForward.load(file, "PyTorch", device), architecture, Engine.PYTORCH,
                    PyTorchRuntime.name(device), range, range, 4, options.processingSize(), null);
        }
        NDManager manager = PyTorchRuntime.engine().newBaseManager(device);
        try (WeightFile weights = WeightFile.open(file)) {
            Architecture architecture = options.architecture().orElseGet(() -> WeightNetworks.detect(weights));
            requireKind(file, architecture, Architecture.Kind.TRANSLATOR);
            WeightNetworks.Loaded net = WeightNetworks.load(weights, architecture, manager);
            return new NetworkTranslator(new BlockForward(manager, net.block()), architecture, Engine.PYTORCH,
                    PyTorchRuntime.name(device), net.input(), net.output(), net.sizeMultiple(),
                    options.processingSize(), null);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public Generator openGenerator(Path file, NetworkOptions options) {
        ai.djl.Device device = PyTorchRuntime.resolve(options.device());
        if (ModelFormat.detect(file) == ModelFormat.TORCHSCRIPT) {
            throw new ModelException(file + " is a TorchScript graph; generators are built from weight files"
                    + " (.pth or .safetensors state dicts)");
        }
        NDManager manager = PyTorchRuntime.engine().newBaseManager(device);
        try (WeightFile weights = WeightFile.open(file)) {
            Architecture architecture = options.architecture().orElseGet(() -> WeightNetworks.detect(weights));
            requireKind(file, architecture, Architecture.Kind.GENERATOR);
            WeightNetworks.Loaded net = WeightNetworks.load(weights, architecture, manager);
            return new NetworkGenerator(new BlockForward(manager, net.block()), architecture,
                    PyTorchRuntime.name(device), net.output(), (int) net.latentSize(), net.imageSize());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Graphs map pictures as their architecture does: CycleGAN on -1..1, the style networks on 0..255. */
    static PixelRange graphRange(Architecture architecture) {
        return architecture == Architecture.CYCLEGAN_RESNET9 ? PixelRange.SIGNED : PixelRange.BYTE;
    }

    static void requireKind(Path file, Architecture architecture, Architecture.Kind kind) {
        if (architecture.kind() != kind) {
            throw new ModelException(file + " holds a " + architecture.id() + " network, which is a "
                    + architecture.kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + (kind == Architecture.Kind.TRANSLATOR ? "; use Generator.fromFile" : "; use Translator.fromFile"));
        }
    }
}
