// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.EngineException;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TorchScript graphs of {@code src/test/fixtures/make_graph_fixtures.py}: one that works, one
 * that raises, and ones whose output is not a picture batch of the input's shape.
 */
class GraphForwardTest {
    /** 28x20 is a multiple of 4 on both sides, so the graph sees exactly this shape. */
    static final RgbImage PICTURE = RgbImage.filled(28, 20, 10, 100, 200);

    static Translator open(String name) {
        return Translator.fromFile(NetworkFixtures.path(name), NetworkOptions.builder().device(Device.cpu()).build());
    }

    @Test
    void aGraphThatReturnsPicturesOfItsInputsShapeRuns() {
        try (Translator negative = open("graph_negative.pt")) {
            assertThat(negative.translate(PICTURE)).isEqualTo(RgbImage.filled(28, 20, 245, 155, 55));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "graph_tuple_output.pt       | returned 2 outputs [(1, 3, 20, 28), (1, 1, 20, 28)] for a (1, 3, 20, 28) input",
        "graph_rank3_output.pt       | returned a (3, 20, 28) output for a (1, 3, 20, 28) input",
        "graph_one_channel_output.pt | returned a (1, 1, 20, 28) output for a (1, 3, 20, 28) input",
        "graph_transposed_output.pt  | returned a (1, 3, 28, 20) output for a (1, 3, 20, 28) input",
    })
    void anOutputThatIsNoPictureBatchOfTheInputsShapeIsRefusedNamingItsShape(String graph, String message) {
        try (Translator translator = open(graph)) {
            assertThatThrownBy(() -> translator.translate(PICTURE))
                    .isInstanceOf(ModelException.class)
                    .hasMessageStartingWith(NetworkFixtures.path(graph) + ": the graph " + message);
        }
    }

    @Test
    void aGraphThatRaisesFailsWithTheExceptionLineAndKeepsTheTracebackInTheCause() {
        try (Translator raises = open("graph_raises.pt")) {
            assertThatThrownBy(() -> raises.translate(PICTURE))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("the graph graph_raises.pt failed on a (1, 3, 20, 28) input:"
                            + " ValueError: graph_raises expects pictures on -1..1")
                    .cause().hasMessageContaining("Traceback of TorchScript");
        }
    }
}
