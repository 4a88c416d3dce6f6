// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.UntrustedGraphException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a graph file (TorchScript, ONNX) may be handed to an engine. A TorchScript
 * module is a program: loading it runs code that can map, read and write files. So a graph runs
 * only when the caller has said it trusts it, never from a file whose name says weights, never
 * under the other graph format's extension, and, for ONNX, only when {@link OnnxGraphCheck}
 * finds nothing that reaches outside the graph.
 */
public final class GraphTrust {
    /** Names people give to weights; a graph under one of them is disguised, whatever the caller trusts. */
    private static final Set<String> WEIGHT_EXTENSIONS = Set.of("pth", "safetensors", "bin", "ckpt", "npy", "npz");
    private static final Set<String> TORCHSCRIPT_EXTENSIONS = Set.of("pt", "pts", "ptl", "torchscript", "jit");
    private static final Set<String> ONNX_EXTENSIONS = Set.of("onnx", "ort");

    private GraphTrust() {
    }

    /**
     * Checks that a graph file may be loaded.
     *
     * @param file the model file
     * @param format its format, detected from its content; must be a {@linkplain ModelFormat#isGraph() graph}
     * @param trusted whether the caller said that it trusts the file's code
     * @throws ModelFormatException if the file is named as weights or as the other graph format,
     *     or is an ONNX model that {@link OnnxGraphCheck} refuses
     * @throws UntrustedGraphException if the caller did not say it trusts the file
     */
    public static void admit(Path file, ModelFormat format, boolean trusted) {
        if (!format.isGraph()) {
            throw new IllegalArgumentException(format + " is not a graph format");
        }
        String extension = extension(file);
        Set<String> otherGraph = format == ModelFormat.ONNX ? TORCHSCRIPT_EXTENSIONS : ONNX_EXTENSIONS;
        if (WEIGHT_EXTENSIONS.contains(extension) || otherGraph.contains(extension)) {
            throw new ModelFormatException(file + " is named as " + (otherGraph.contains(extension)
                    ? "the other graph format" : "a weights file") + " (." + extension + ") but is "
                    + format.description() + ", " + whatItDoes(format) + "; Brushwork refuses a file whose name"
                    + " hides what it is, even when told to trust graphs");
        }
        if (!trusted) {
            throw new UntrustedGraphException(file + " is " + format.description() + ", " + whatItDoes(format)
                    + "; load it only if you trust its source as you would a program:"
                    + " NetworkOptions.builder().trustGraphCode(true), or --trust-graph on the command line");
        }
        if (format == ModelFormat.ONNX) {
            OnnxGraphCheck.check(file);
        }
    }

    /**
     * Checks a model zoo file against the format its catalogue entry declares: a graph is never
     * handed out for an entry declared as weights or as the other graph format.
     *
     * @param file the entry's local file
     * @param id the entry's id, named in the message
     * @param declared the format the entry declares
     * @throws ModelFormatException if the file is a graph other than the one declared
     * @throws io.brushwork.ModelException if the file cannot be read
     */
    public static void requireAsDeclared(Path file, String id, ModelFormat declared) {
        ModelFormat actual;
        try {
            actual = ModelFormat.detect(file);
        } catch (ModelFormatException unrecognised) {
            return; // no graph; the reader that opens it says what it is
        }
        if (!actual.isGraph() || actual == declared) {
            return;
        }
        throw declared.isGraph()
                ? new ModelFormatException(file + " (model zoo id " + id + ") is " + actual.description()
                        + " but its catalogue entry declares " + declared.description())
                : notWeights(file, actual);
    }

    /**
     * The error for a graph found where weights were asked for ({@code --vgg}, a weights zoo
     * entry, {@link WeightFile#open}); a graph is never run in their place.
     *
     * @param file the model file
     * @param format its detected format, a graph
     * @return the exception to throw, naming what the file is
     */
    public static ModelFormatException notWeights(Path file, ModelFormat format) {
        return new ModelFormatException(file + " is " + format.description() + ", " + whatItDoes(format)
                + ", not a file of named weights; Brushwork never runs a graph where weights are expected");
    }

    private static String whatItDoes(ModelFormat format) {
        return format == ModelFormat.TORCHSCRIPT
                ? "a program whose code runs when it is loaded and can read and write files"
                : "a graph that an engine runs";
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
