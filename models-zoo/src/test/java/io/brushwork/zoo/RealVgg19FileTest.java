// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushwork.testing.SharedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real VGG-19 weights (blocks 1-3) from the shared data folder; skipped when absent. */
class RealVgg19FileTest {
    private static final String FILE = "models/vgg19/vgg19-caffe-blocks1to3.safetensors";

    @Test
    void listsAndReadsEveryConvolution() {
        Path path = SharedData.require(FILE);
        Map<String, long[]> weights = new LinkedHashMap<>();
        weights.put("features.0", new long[] {64, 3, 3, 3});
        weights.put("features.2", new long[] {64, 64, 3, 3});
        weights.put("features.5", new long[] {128, 64, 3, 3});
        weights.put("features.7", new long[] {128, 128, 3, 3});
        weights.put("features.10", new long[] {256, 128, 3, 3});
        weights.put("features.12", new long[] {256, 256, 3, 3});
        weights.put("features.14", new long[] {256, 256, 3, 3});
        weights.put("features.16", new long[] {256, 256, 3, 3});

        try (SafetensorsFile st = SafetensorsFile.open(path)) {
            assertThat(st.tensors()).hasSize(2 * weights.size());
            assertThat(st.metadata()).containsEntry("architecture", "vgg19");
            for (Map.Entry<String, long[]> layer : weights.entrySet()) {
                long[] shape = layer.getValue();
                TensorInfo info = st.tensors().get(layer.getKey() + ".weight");
                assertThat(info.dtype()).contains(DType.F32);
                assertThat(info.shape()).containsExactly(shape);
                assertThat(st.tensors().get(layer.getKey() + ".bias").shape()).containsExactly(shape[0]);

                float[] weight = st.read(layer.getKey() + ".weight", shape).data();
                float[] bias = st.read(layer.getKey() + ".bias", shape[0]).data();
                assertThat(weight).hasSize((int) (shape[0] * shape[1] * shape[2] * shape[3]));
                assertThat(allFinite(weight)).as("%s.weight finite", layer.getKey()).isTrue();
                assertThat(allFinite(bias)).as("%s.bias finite", layer.getKey()).isTrue();
                // Trained weights are not all zero.
                assertThat(maxAbs(weight)).isGreaterThan(1e-3f).isLessThan(100f);
            }
        }
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
