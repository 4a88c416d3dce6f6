// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.EngineException;
import io.brushwork.Generator;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.Translator;
import io.brushwork.djl.nets.PixelRange;
import io.brushwork.spi.NetworkProvider;
import io.brushwork.zoo.GraphTrust;
import io.brushwork.zoo.ModelFormat;

import java.nio.file.Path;

/**
 * ONNX graphs on DJL's ONNX Runtime engine (CPU natives from Maven Central), run only when the
 * options trust graph code and {@link io.brushwork.zoo.OnnxGraphCheck} finds no external data
 * outside the model's folder and no custom operators. Sessions are made with no options, so a
 * model cannot bring a custom operator library of its own.
 */
public final class OnnxRuntimeNetworkProvider implements NetworkProvider {

    @Override
    public String name() {
        return "ONNX Runtime";
    }

    @Override
    public boolean canOpen(Path file, NetworkOptions options) {
        if (options.engine() == Engine.PYTORCH) {
            return false;
        }
        try {
            return ModelFormat.detect(file) == ModelFormat.ONNX;
        } catch (ModelException unreadable) {
            return options.engine() == Engine.ONNX_RUNTIME;
        }
    }

    @Override
    public Translator openTranslator(Path file, NetworkOptions options) {
        ModelFormat format = ModelFormat.detect(file);
        if (format != ModelFormat.ONNX) {
            throw new ModelException(file + " is " + format.description() + ", not an ONNX model; ONNX Runtime runs"
                    + " ONNX only");
        }
        GraphTrust.admit(file, format, options.trustsGraphCode());
        if (options.device().kind() == Device.Kind.GPU) {
            throw new EngineException("ONNX Runtime's CPU build is on the classpath: it cannot use " + options.device()
                    + "; use Engine.PYTORCH for GPUs");
        }
        Architecture architecture = options.architecture().orElse(Architecture.GRAPH_TRANSLATOR);
        PyTorchNetworkProvider.requireKind(file, architecture, Architecture.Kind.TRANSLATOR);
        GraphForward graph = GraphForward.load(file, "OnnxRuntime", ai.djl.Device.cpu());
        PixelRange range = PyTorchNetworkProvider.graphRange(architecture);
        return new NetworkTranslator(graph, architecture, Engine.ONNX_RUNTIME, "cpu", range, range, 4,
                options.processingSize(), graph.fixedInputSize());
    }

    @Override
    public Generator openGenerator(Path file, NetworkOptions options) {
        throw new ModelException(file + ": generators are built from weight files (.pth or .safetensors),"
                + " not ONNX graphs");
    }
}
