// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.brushwork.EngineException;
import io.brushwork.ModelException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs an opaque graph, TorchScript on DJL's PyTorch engine or ONNX on its ONNX Runtime engine.
 * The graph takes one [N,3,H,W] input and returns one output of the same shape.
 */
final class GraphForward implements FeedForwardNetwork.Forward {
    private final Model model;

    private GraphForward(Model model) {
        this.model = model;
    }

    /**
     * Loads {@code file} on the DJL engine named {@code engineName} ({@code PyTorch} or
     * {@code OnnxRuntime}).
     */
    static GraphForward load(Path file, String engineName, Device device) {
        Model model = Model.newInstance(file.getFileName().toString(), device, engineName);
        try {
            model.load(file.toAbsolutePath());
            return new GraphForward(model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelException(file + ": " + engineName + " cannot load this graph: " + e.getMessage(), e);
        }
    }

    /**
     * The input's width and height when the graph fixes them (an ONNX export for 224x224, say);
     * null when they are dynamic or unknown.
     */
    int[] fixedInputSize() {
        try {
            PairList<String, Shape> inputs = model.describeInput();
            if (inputs == null || inputs.size() != 1) {
                return null;
            }
            Shape s = inputs.get(0).getValue();
            if (s == null || s.dimension() != 4 || s.get(2) <= 0 || s.get(3) <= 0) {
                return null;
            }
            return new int[] {(int) s.get(3), (int) s.get(2)};
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public float[] run(float[] input, long[] shape) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList out = model.getBlock().forward(new ParameterStore(scope, false),
                    new NDList(scope.create(input, new Shape(shape))), false);
            return out.get(0).toFloatArray();
        } catch (ai.djl.engine.EngineException e) {
            throw new EngineException("the graph failed on a " + new Shape(shape) + " input: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
