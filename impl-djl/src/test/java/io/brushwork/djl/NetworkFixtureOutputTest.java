// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDManager;
import io.brushwork.Architecture;
import io.brushwork.djl.nets.PixelRange;
import io.brushwork.djl.nets.WeightNetworks;
import io.brushwork.zoo.Tensor;
import io.brushwork.zoo.WeightFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.brushwork.djl.NetworkFixtures.TOLERANCE;
import static io.brushwork.djl.NetworkFixtures.maxDifference;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The networks built from the fixture weight files, run below the public API (no pixel
 * conversion, no clamping), against PyTorch's own outputs: within 1e-4 for the -1..1 networks
 * (CycleGAN, DCGAN), 1e-3 for the 0..255 ones (see {@link NetworkFixtures#BYTE_TOLERANCE}).
 */
class NetworkFixtureOutputTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#translators")
    void translatorComputesWhatPyTorchComputes(String weights, String io, Architecture architecture, PixelRange range) {
        Map<String, Tensor> expected = NetworkFixtures.read(io + ".io.safetensors");
        try (WeightFile file = WeightFile.open(NetworkFixtures.path(weights))) {
            assertThat(WeightNetworks.detect(file)).isEqualTo(architecture);
            if (weights.contains("stale")) {
                // The point of these files: norm statistics that inference must not read.
                assertThat(file.keys()).anyMatch(k -> k.endsWith(".running_mean"))
                        .anyMatch(k -> k.endsWith(".running_var"));
            }
            NDManager manager = PyTorchRuntime.engine().newBaseManager();
            WeightNetworks.Loaded net = WeightNetworks.load(file, architecture, manager);
            assertThat(net.input()).isEqualTo(range);
            assertThat(net.output()).isEqualTo(range);
            assertThat(net.sizeMultiple()).isEqualTo(4);
            try (BlockForward forward = new BlockForward(manager, net.block())) {
                for (String input : List.of("input", "batch_input")) {
                    Tensor x = expected.get(input);
                    float[] y = forward.run(x.data(), x.shape());
                    float diff = maxDifference(y, expected.get(input.replace("input", "output")).data());
                    System.out.printf("%s %s %s: max |Java - PyTorch| = %.3g%n", weights, input,
                            java.util.Arrays.toString(x.shape()), diff);
                    assertThat(diff).as("%s on %s", weights, input).isLessThanOrEqualTo(NetworkFixtures.tolerance(range));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#generators")
    void generatorComputesWhatPyTorchComputes(String weights, String io) {
        Map<String, Tensor> expected = NetworkFixtures.read(io + ".io.safetensors");
        try (WeightFile file = WeightFile.open(NetworkFixtures.path(weights))) {
            assertThat(WeightNetworks.detect(file)).isEqualTo(Architecture.DCGAN);
            NDManager manager = PyTorchRuntime.engine().newBaseManager();
            WeightNetworks.Loaded net = WeightNetworks.load(file, Architecture.DCGAN, manager);
            assertThat(net.latentSize()).isEqualTo(16);
            assertThat(net.imageSize()).isEqualTo(64);
            assertThat(net.output()).isEqualTo(PixelRange.SIGNED);
            try (BlockForward forward = new BlockForward(manager, net.block())) {
                Tensor z = expected.get("latents");
                float[] y = forward.run(z.data(), z.shape());
                float diff = maxDifference(y, expected.get("output").data());
                System.out.printf("%s latents %s: max |Java - PyTorch| = %.3g%n", weights,
                        java.util.Arrays.toString(z.shape()), diff);
                assertThat(diff).as(weights).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }
}
