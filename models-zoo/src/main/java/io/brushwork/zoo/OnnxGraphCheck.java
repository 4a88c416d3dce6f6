// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads an ONNX model's structure, without running it, for what an engine could be made to do
 * beyond computing: tensors whose data lives in other files (ONNX Runtime would read any path
 * the model names) and operators from domains that only a custom operator library provides.
 * The walk covers the main graph, every subgraph held in node attributes, training graphs and
 * model-local functions.
 */
public final class OnnxGraphCheck {
    /** Operator domains ONNX Runtime implements itself; anything else needs a native library. */
    private static final Set<String> BUILT_IN_DOMAINS = Set.of(
            "", "ai.onnx", "ai.onnx.ml", "ai.onnx.preview.training", "com.microsoft");
    /** Protobuf's own limit on a message; ONNX files beyond it keep their weights outside. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** Real networks nest If/Loop bodies a few levels; this bounds the recursion of the walk. */
    private static final int MAX_GRAPH_DEPTH = 32;

    // ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ... field numbers (onnx.proto).
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_TRAINING_INFO = 20;
    private static final int MODEL_FUNCTIONS = 25;
    private static final int TRAINING_INITIALIZATION = 1;
    private static final int TRAINING_ALGORITHM = 3;
    private static final int FUNCTION_NODE = 7;
    private static final int FUNCTION_DOMAIN = 10;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_SPARSE_INITIALIZER = 15;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    private static final int ATTRIBUTE_TENSOR = 5;
    private static final int ATTRIBUTE_GRAPH = 6;
    private static final int ATTRIBUTE_TENSORS = 10;
    private static final int ATTRIBUTE_GRAPHS = 11;
    private static final int ATTRIBUTE_SPARSE_TENSOR = 22;
    private static final int ATTRIBUTE_SPARSE_TENSORS = 23;
    private static final int SPARSE_VALUES = 1;
    private static final int SPARSE_INDICES = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    private static final long DATA_LOCATION_EXTERNAL = 1;

    private final Path file;
    private final Path folder;
    private final List<String> problems = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> functionDomains = new LinkedHashSet<>();
    private final Set<Path> externalFiles = new LinkedHashSet<>();

    /**
     * What the check found in a model it accepts.
     *
     * @param nodes how many operator nodes the model holds, subgraphs and functions included
     * @param operatorDomains the operator domains its nodes use ({@code ""} is standard ONNX)
     * @param externalData the files beside the model that its tensors read, in order of first use
     */
    public record Report(int nodes, SortedSet<String> operatorDomains, List<Path> externalData) {
    }

    private record Node(String name, String opType, String domain) {
    }

    private OnnxGraphCheck(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? file.toAbsolutePath() : parent;
    }

    /**
     * Checks an ONNX model before an engine loads it.
     *
     * @param file the model file
     * @return what the model holds
     * @throws ModelFormatException if the model is malformed, reads external data from a file
     *     that is not a regular file inside the model's folder, or uses an operator domain that
     *     needs a custom operator library; the message names the file and every problem found
     * @throws io.brushwork.ModelException if the file cannot be read
     */
    public static Report check(Path file) {
        OnnxGraphCheck check = new OnnxGraphCheck(file);
        ByteBuffer bytes = ModelFiles.open(file, channel -> map(file, channel));
        check.model(ProtobufReader.of(bytes, check::malformed));
        return check.report();
    }

    private static ByteBuffer map(Path file, FileChannel channel) {
        try (channel) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw new ModelFormatException(file + ": " + size + " bytes, more than an ONNX model can hold ("
                        + MAX_FILE_BYTES + "); large models keep their weights in external data files");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e, e);
        }
    }

    private RuntimeException malformed(String what) {
        return new ModelFormatException(file + " is not a well-formed ONNX model: " + what);
    }

    private void model(ProtobufReader model) {
        while (model.next()) {
            switch (model.field()) {
                case MODEL_GRAPH -> graph(model.message(), 1);
                case MODEL_TRAINING_INFO -> trainingInfo(model.message());
                case MODEL_FUNCTIONS -> function(model.message());
                default -> {
                    // metadata, opset imports and producer names cannot make the engine reach outside
                }
            }
        }
    }

    private void trainingInfo(ProtobufReader info) {
        while (info.next()) {
            if (info.field() == TRAINING_INITIALIZATION || info.field() == TRAINING_ALGORITHM) {
                graph(info.message(), 1);
            }
        }
    }

    private void function(ProtobufReader function) {
        while (function.next()) {
            if (function.field() == FUNCTION_NODE) {
                node(function.message(), 1);
            } else if (function.field() == FUNCTION_DOMAIN) {
                functionDomains.add(function.string());
            }
        }
    }

    private void graph(ProtobufReader graph, int depth) {
        if (depth > MAX_GRAPH_DEPTH) {
            throw malformed("subgraphs nested more than " + MAX_GRAPH_DEPTH + " deep");
        }
        while (graph.next()) {
            switch (graph.field()) {
                case GRAPH_NODE -> node(graph.message(), depth);
                case GRAPH_INITIALIZER -> tensor(graph.message());
                case GRAPH_SPARSE_INITIALIZER -> sparseTensor(graph.message());
                default -> {
                    // names, value infos and documentation
                }
            }
        }
    }

    private void node(ProtobufReader node, int depth) {
        String name = "";
        String opType = "";
        String domain = "";
        while (node.next()) {
            switch (node.field()) {
                case NODE_NAME -> name = node.string();
                case NODE_OP_TYPE -> opType = node.string();
                case NODE_DOMAIN -> domain = node.string();
                case NODE_ATTRIBUTE -> attribute(node.message(), depth);
                default -> {
                    // inputs, outputs and documentation
                }
            }
        }
        nodes.add(new Node(name, opType, domain));
    }

    private void attribute(ProtobufReader attribute, int depth) {
        while (attribute.next()) {
            switch (attribute.field()) {
                case ATTRIBUTE_TENSOR, ATTRIBUTE_TENSORS -> tensor(attribute.message());
                case ATTRIBUTE_GRAPH, ATTRIBUTE_GRAPHS -> graph(attribute.message(), depth + 1);
                case ATTRIBUTE_SPARSE_TENSOR, ATTRIBUTE_SPARSE_TENSORS -> sparseTensor(attribute.message());
                default -> {
                    // numbers, strings and types
                }
            }
        }
    }

    private void sparseTensor(ProtobufReader sparse) {
        while (sparse.next()) {
            if (sparse.field() == SPARSE_VALUES || sparse.field() == SPARSE_INDICES) {
                tensor(sparse.message());
            }
        }
    }

    private void tensor(ProtobufReader tensor) {
        String name = "";
        String location = null;
        boolean external = false;
        while (tensor.next()) {
            switch (tensor.field()) {
                case TENSOR_NAME -> name = tensor.string();
                case TENSOR_DATA_LOCATION -> external = tensor.varint() == DATA_LOCATION_EXTERNAL;
                case TENSOR_EXTERNAL_DATA -> {
                    external = true;
                    String[] entry = entry(tensor.message());
                    if ("location".equals(entry[0])) {
                        location = entry[1];
                    }
                }
                default -> {
                    // shape, type and inline data
                }
            }
        }
        if (external) {
            externalData(name, location);
        }
    }

    private static String[] entry(ProtobufReader entry) {
        String[] kv = {"", ""};
        while (entry.next()) {
            if (entry.field() == ENTRY_KEY) {
                kv[0] = entry.string();
            } else if (entry.field() == ENTRY_VALUE) {
                kv[1] = entry.string();
            }
        }
        return kv;
    }

    /** External data must be a regular file inside the model's folder, links resolved, as ONNX Runtime finds it. */
    private void externalData(String tensor, String location) {
        String what = "tensor '" + tensor + "' reads external data";
        if (location == null || location.isEmpty()) {
            problems.add(what + " without naming a file");
            return;
        }
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            problems.add(what + " from an invalid path '" + printable(location) + "'");
            return;
        }
        Path resolved = folder.resolve(relative).normalize();
        if (relative.isAbsolute() || !resolved.startsWith(folder)) {
            problems.add(what + " from '" + printable(location) + "', outside the model's folder " + folder);
            return;
        }
        if (!Files.isRegularFile(resolved)) {
            problems.add(what + " from '" + printable(location) + "', which is missing or not a regular file");
            return;
        }
        try {
            if (!resolved.toRealPath().startsWith(folder.toRealPath())) {
                problems.add(what + " from '" + printable(location) + "', a link that leads outside the model's folder");
                return;
            }
        } catch (IOException e) {
            problems.add(what + " from '" + printable(location) + "', which cannot be resolved: " + e.getMessage());
            return;
        }
        externalFiles.add(resolved);
    }

    private Report report() {
        SortedSet<String> domains = new TreeSet<>();
        for (Node node : nodes) {
            domains.add(node.domain());
            if (!BUILT_IN_DOMAINS.contains(node.domain()) && !functionDomains.contains(node.domain())) {
                problems.add("node '" + printable(node.name()) + "' (" + printable(node.opType()) + ") is in operator domain '"
                        + printable(node.domain()) + "', which only a custom operator library provides");
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 5);
            throw new ModelFormatException(file + ": refused, an ONNX model that reaches beyond its own graph: "
                    + String.join("; ", problems.subList(0, shown))
                    + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : ""));
        }
        return new Report(nodes.size(), Collections.unmodifiableSortedSet(domains), List.copyOf(externalFiles));
    }

    /** Names from the file go into messages; keep control characters and length out of them. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }
}
