// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.brushwork.EngineException;
import io.brushwork.ModelException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs an opaque graph, TorchScript on DJL's PyTorch engine or ONNX on its ONNX Runtime engine.
 * The graph takes one [N,3,H,W] input and must return one output of the same shape; anything
 * else is refused, since reading it as pictures would make pictures out of unrelated numbers.
 */
final class GraphForward implements FeedForwardNetwork.Forward {
    private final Path file;
    private final Model model;

    private GraphForward(Path file, Model model) {
        this.file = file;
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
            return new GraphForward(file, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelException(file + ": " + engineName + " cannot load this graph: "
                    + EngineMessages.summary(e.getMessage()), e);
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

    /**
     * Runs the graph on one packed picture batch of the given shape.
     *
     * @throws EngineException if the graph raises, with the exception line of the engine's message
     *     (the whole message, traceback included, stays in the cause)
     * @throws ModelException if the graph returns anything but one output of the input's shape
     */
    @Override
    public float[] run(float[] input, long[] shape) {
        Shape in = new Shape(shape);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList out = model.getBlock().forward(new ParameterStore(scope, false),
                    new NDList(scope.create(input, in)), false);
            if (out.size() != 1) {
                throw new ModelException(file + ": the graph returned " + out.size() + " outputs "
                        + Arrays.toString(out.getShapes()) + " for a " + in + " input; a translator graph returns one " + in
                        + " picture batch");
            }
            NDArray picture = out.get(0);
            if (!picture.getShape().equals(in)) {
                throw new ModelException(file + ": the graph returned a " + picture.getShape() + " output for a "
                        + in + " input; a translator graph returns pictures of its input's shape [N, 3, H, W]");
            }
            return picture.toType(DataType.FLOAT32, false).toFloatArray();
        } catch (ai.djl.engine.EngineException e) {
            throw new EngineException("the graph " + file.getFileName() + " failed on a " + in + " input: "
                    + EngineMessages.summary(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
