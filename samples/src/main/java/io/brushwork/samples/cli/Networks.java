// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.Architecture;
import io.brushwork.Engine;
import io.brushwork.InvalidOptionException;
import io.brushwork.zoo.ModelEntry;
import io.brushwork.zoo.ModelZoo;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What {@code translate} and {@code generate} share: reading {@code --model}, {@code --arch}, {@code --engine}. */
final class Networks {
    private Networks() {
    }

    /** A {@code --model} value: a file, or else a model zoo id. */
    record ModelRef(Optional<Path> file, String id) {
        /** How summaries and reports name the model. */
        String describe() {
            return file.map(Path::toString).orElse(id);
        }
    }

    /**
     * Reads {@code --model}: an existing file wins over a zoo id of the same name. A zoo id must be
     * in the catalogue and hold a network of the wanted kind.
     */
    static ModelRef model(String model, Architecture.Kind kind, CommandLine cli) {
        if (isFile(model)) {
            return new ModelRef(Optional.of(Path.of(model)), model);
        }
        Optional<ModelEntry> entry = ModelZoo.defaults().catalog().find(model);
        if (entry.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "--model: '" + model
                    + "' is neither a file nor a model zoo id (try 'brushwork models list')");
        }
        String architecture = entry.get().architecture();
        Architecture.Kind actual = kindOf(architecture);
        if (actual != kind) {
            throw new CommandLine.ParameterException(cli, "--model: " + model + " is a " + architecture + " model, not a "
                    + name(kind) + (actual == Architecture.Kind.GENERATOR ? "; use 'brushwork generate'"
                    : actual == Architecture.Kind.TRANSLATOR ? "; use 'brushwork translate'" : ""));
        }
        return new ModelRef(Optional.empty(), model);
    }

    private static boolean isFile(String model) {
        try {
            return Files.isRegularFile(Path.of(model));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The kind of a catalogue architecture; null for one that is no feed-forward network (VGG-19). */
    private static Architecture.Kind kindOf(String architecture) {
        try {
            return Architecture.parse(architecture).kind();
        } catch (InvalidOptionException notANetwork) {
            return null;
        }
    }

    /** Reads {@code --arch}; empty when absent, so that the file or the catalogue decides. */
    static Optional<Architecture> architecture(String arch, Architecture.Kind kind, CommandLine cli) {
        if (arch == null) {
            return Optional.empty();
        }
        Architecture a;
        try {
            a = Architecture.parse(arch);
        } catch (InvalidOptionException e) {
            throw new CommandLine.ParameterException(cli, "--arch: " + e.getMessage());
        }
        if (a.kind() != kind) {
            throw new CommandLine.ParameterException(cli, "--arch: " + a.id() + " is a " + name(a.kind())
                    + ", not a " + name(kind));
        }
        return Optional.of(a);
    }

    /** Reads {@code --engine}: auto, pytorch or onnxruntime. */
    static Engine engine(String engine, CommandLine cli) {
        return switch (engine.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto" -> Engine.AUTO;
            case "pytorch", "torch" -> Engine.PYTORCH;
            case "onnxruntime", "onnx", "ort" -> Engine.ONNX_RUNTIME;
            default -> throw new CommandLine.ParameterException(cli,
                    "--engine must be auto, pytorch or onnxruntime, got '" + engine + "'");
        };
    }

    /** How summaries name an engine. */
    static String engineName(Engine engine) {
        return switch (engine) {
            case PYTORCH -> "PyTorch";
            case ONNX_RUNTIME -> "ONNX Runtime";
            case AUTO -> "auto";
        };
    }

    /** The lower-case extension of a file name, or "". */
    static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String name(Architecture.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
