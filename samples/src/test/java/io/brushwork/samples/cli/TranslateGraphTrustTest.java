// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import static io.brushwork.samples.cli.StylizeCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.brushwork.Images;
import io.brushwork.samples.cli.StylizeCommandTest.Run;
import io.brushwork.zoo.testing.GraphFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code translate} runs a graph only with {@code --trust-graph}, and never one named as weights.
 * The fixture writes_file.pt (models-zoo's make_graph_fixtures.py) overwrites a canary file when run.
 */
class TranslateGraphTrustTest {
    @TempDir
    Path dir;
    Path photo;

    @BeforeEach
    void setUp() throws IOException {
        GraphFixtures.resetCanary();
        photo = dir.resolve("photo.png");
        Images.write(NetworkFixtures.picture(16, 12, 1), photo);
    }

    private Path graph(String fixture, String as) throws IOException {
        return GraphFixtures.copy(fixture, dir.resolve(as));
    }

    private Run translate(Path model, String... more) {
        String[] args = {"translate", "--model", model.toString(), "--in", photo.toString(), "--out",
                dir.resolve("out.png").toString(), "--device", "cpu"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return cli(all);
    }

    @Test
    void aGraphNeedsTrustGraphAndSaysSoInOneLine() throws Exception {
        Run run = translate(graph("writes_file.pt", "model.pt"));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1).contains("is a TorchScript module", "--trust-graph");
        assertThat(GraphFixtures.canary()).isEqualTo(GraphFixtures.CANARY_TEXT);
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    @Test
    void aGraphNamedAsWeightsNeverRunsEvenWithTrustGraph() throws Exception {
        Run run = translate(graph("writes_file.pt", "model.pth"), "--trust-graph");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("is named as a weights file (.pth)", "is a TorchScript module");
        assertThat(GraphFixtures.canary()).isEqualTo(GraphFixtures.CANARY_TEXT);
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    @Test
    void aTrustedGraphRuns() throws Exception {
        Run run = translate(graph("offset.onnx", "offset.onnx"), "--trust-graph");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Images.read(dir.resolve("out.png")).sample(0, 0, 0))
                .isCloseTo(Images.read(photo).sample(0, 0, 0) * 0.5f + 20f, within(0.51f));
    }
}
