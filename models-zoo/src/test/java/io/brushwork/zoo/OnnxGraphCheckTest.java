// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.brushwork.testing.Bytes.concat;
import static io.brushwork.zoo.RawOnnx.externalTensor;
import static io.brushwork.zoo.RawOnnx.field;
import static io.brushwork.zoo.RawOnnx.graph;
import static io.brushwork.zoo.RawOnnx.graphAttribute;
import static io.brushwork.zoo.RawOnnx.initializer;
import static io.brushwork.zoo.RawOnnx.model;
import static io.brushwork.zoo.RawOnnx.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an ONNX model may name beyond its own graph: external data only beside it, standard operators only. */
class OnnxGraphCheckTest {
    @TempDir
    Path dir;

    private Path write(byte[] model) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        return Files.write(dir.resolve("models/model.onnx"), model);
    }

    private void assertRefused(byte[] model, String... fragments) throws IOException {
        Path file = write(model);
        var refusal = assertThatThrownBy(() -> OnnxGraphCheck.check(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString());
        for (String fragment : fragments) {
            refusal.hasMessageContaining(fragment);
        }
    }

    @Test
    void anExportedModelPasses() throws URISyntaxException {
        Path conv = Path.of(OnnxGraphCheckTest.class.getResource("/fixtures/conv.onnx").toURI());
        OnnxGraphCheck.Report report = OnnxGraphCheck.check(conv);
        assertThat(report.nodes()).isPositive();
        assertThat(report.operatorDomains()).containsExactly("");
        assertThat(report.externalData()).isEmpty();
    }

    @Test
    void externalDataBesideTheModelIsAllowedAndListed() throws IOException {
        Path model = write(model(graph(node("Add", ""), initializer(externalTensor("w", "weights/w.bin")))));
        Files.createDirectories(dir.resolve("models/weights"));
        Path data = Files.write(dir.resolve("models/weights/w.bin"), new byte[4]);
        assertThat(OnnxGraphCheck.check(model).externalData()).containsExactly(data);
    }

    @Test
    void externalDataOutsideTheFolderIsRefusedWhereverTheTensorHides() throws IOException {
        Files.write(dir.resolve("secret"), new byte[4]);
        byte[] outside = externalTensor("w", "../secret");
        // main graph, a subgraph of an If node two levels down, an attribute tensor, a sparse initializer,
        // a training graph and a model-local function
        byte[] nested = graph(node("If", "", graphAttribute("then_branch", graph(node("If", "",
                graphAttribute("else_branch", graph(initializer(outside))))))));
        byte[] attributeTensor = graph(node("Constant", "", concat(field(1, "value"), field(5, outside))));
        byte[] sparse = graph(field(15, field(1, outside)));
        byte[] training = field(20, field(1, graph(initializer(outside))));
        byte[] function = field(25, concat(field(10, "local"), field(7, concat(field(4, "Constant"),
                field(5, concat(field(1, "value"), field(5, outside)))))));
        for (byte[] m : new byte[][] {model(graph(initializer(outside))), model(nested), model(attributeTensor),
                model(sparse), model(graph(), training), model(graph(), function)}) {
            assertRefused(m, "tensor 'w' reads external data from '../secret', outside the model's folder");
        }
    }

    @Test
    void absoluteMissingAndNamelessExternalDataAreRefused() throws IOException {
        assertRefused(model(graph(initializer(externalTensor("a", "/etc/hostname")))), "'/etc/hostname', outside");
        assertRefused(model(graph(initializer(externalTensor("m", "absent.bin")))), "missing or not a regular file");
        assertRefused(model(graph(initializer(concat(field(8, "n"), RawOnnx.number(14, 1))))), "without naming a file");
    }

    @Test
    void aLinkBesideTheModelThatLeadsOutsideIsRefused() throws IOException {
        Path secret = Files.write(dir.resolve("secret"), new byte[4]);
        write(new byte[0]);
        Files.createSymbolicLink(dir.resolve("models/w.bin"), secret);
        assertRefused(model(graph(initializer(externalTensor("w", "w.bin")))), "a link that leads outside");
    }

    @Test
    void customOperatorDomainsAreRefusedButModelLocalFunctionsAreNot() throws IOException {
        assertRefused(model(graph(node("Exec", "com.example.evil"))), "node 'exec' (Exec) is in operator domain"
                + " 'com.example.evil'");
        byte[] function = field(25, concat(field(1, "Twice"), field(10, "local.functions"),
                field(7, concat(field(4, "Add")))));
        Path file = write(model(graph(node("Twice", "local.functions")), function));
        assertThat(OnnxGraphCheck.check(file).operatorDomains()).containsExactly("", "local.functions");
        Path contrib = write(model(graph(node("FusedConv", "com.microsoft"))));
        assertThat(OnnxGraphCheck.check(contrib).operatorDomains()).containsExactly("com.microsoft");
    }

    @Test
    void malformedAndAbsurdlyNestedModelsAreRefused() throws IOException {
        byte[] good = model(graph(node("Add", "")));
        assertRefused(Arrays.copyOf(good, good.length - 3), "not a well-formed ONNX model");
        assertRefused(new byte[] {0x0f}, "wire type 7");
        byte[] deep = graph(node("Relu", ""));
        for (int i = 0; i < 40; i++) {
            deep = graph(node("If", "", graphAttribute("then_branch", deep)));
        }
        assertRefused(model(deep), "nested more than 32 deep");
    }

    @Test
    void manyProblemsAreCountedNotAllListed() throws IOException {
        byte[] nodes = new byte[0];
        for (int i = 0; i < 8; i++) {
            nodes = concat(nodes, node("Op" + i, "evil"));
        }
        assertRefused(model(graph(nodes)), "and 3 more");
    }
}
