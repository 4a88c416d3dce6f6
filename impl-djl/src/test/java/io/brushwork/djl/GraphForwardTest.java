// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.EngineException;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.zoo.testing.GraphFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TorchScript graphs of models-zoo's {@code make_graph_fixtures.py}: one that works, one that
 * raises, and ones whose output is not a picture batch of the input's shape.
 */
class GraphForwardTest {
    /** 28x20 is a multiple of 4 on both sides, so the graph sees exactly this shape. */
    static final RgbImage PICTURE = RgbImage.filled(28, 20, 10, 100, 200);

    @TempDir
    static Path dir;

    static Path graph(String name) {
        Path copy = dir.resolve(name);
        return Files.exists(copy) ? copy : GraphFixtures.copy(name, copy);
    }

    static Translator open(String name) {
        return Translator.fromFile(graph(name), NetworkOptions.builder().device(Device.cpu()).trustGraphCode(true).build());
    }

    @Test
    void aGraphThatReturnsPicturesOfItsInputsShapeRuns() {
        try (Translator negative = open("negative.pt")) {
            assertThat(negative.translate(PICTURE)).isEqualTo(RgbImage.filled(28, 20, 245, 155, 55));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tuple_output.pt       | returned 2 outputs [(1, 3, 20, 28), (1, 1, 20, 28)] for a (1, 3, 20, 28) input",
        "rank3_output.pt       | returned a (3, 20, 28) output for a (1, 3, 20, 28) input",
        "one_channel_output.pt | returned a (1, 1, 20, 28) output for a (1, 3, 20, 28) input",
        "transposed_output.pt  | returned a (1, 3, 28, 20) output for a (1, 3, 20, 28) input",
    })
    void anOutputThatIsNoPictureBatchOfTheInputsShapeIsRefusedNamingItsShape(String graph, String message) {
        try (Translator translator = open(graph)) {
            assertThatThrownBy(() -> translator.translate(PICTURE))
                    .isInstanceOf(ModelException.class)
                    .hasMessageStartingWith(graph(graph) + ": the graph " + message);
        }
    }

    @Test
    void aGraphThatRaisesFailsWithTheExceptionLineAndKeepsTheTracebackInTheCause() {
        try (Translator raises = open("raises.pt")) {
            assertThatThrownBy(() -> raises.translate(PICTURE))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("the graph raises.pt failed on a (1, 3, 20, 28) input:"
                            + " ValueError: raises.pt expects pictures on -1..1")
                    .cause().hasMessageContaining("Traceback of TorchScript");
        }
    }
}
