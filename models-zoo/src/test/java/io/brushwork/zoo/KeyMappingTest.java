// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyMappingTest {
    @TempDir
    Path dir;

    private static final Map<String, long[]> MODEL = new LinkedHashMap<>();

    static {
        MODEL.put("model.1.weight", new long[] {4, 3, 3, 3});
        MODEL.put("model.1.bias", new long[] {4});
        MODEL.put("model.2.running_mean", new long[] {4});
    }

    private WeightFile file(String prefix, Map<String, long[]> keys) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        keys.forEach((k, shape) -> {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            tensors.put(prefix + k, Tensor.of(prefix + k, shape, new float[(int) n]));
        });
        Path p = dir.resolve("w" + prefix.hashCode() + keys.hashCode() + ".safetensors");
        SafetensorsWriter.write(p, tensors, Map.of());
        return WeightFile.open(p);
    }

    @Test
    void findsThePrefixAWrapperAdds() {
        for (String prefix : new String[] {"", "state_dict.", "netG.module.", "module."}) {
            try (WeightFile f = file(prefix, MODEL)) {
                KeyMapping m = KeyMapping.match(f, MODEL, false);
                assertThat(m.prefix()).isEqualTo(prefix);
                assertThat(m.complete()).isTrue();
                assertThat(m.fileKey("model.1.bias")).isEqualTo(prefix + "model.1.bias");
                assertThat(m.unexpected()).isEmpty();
            }
        }
    }

    /**
     * Two complete copies under prefixes of the same length (pytorch_GAN_zoo's netG and avgG):
     * the first in file order, whatever the prefixes' hash codes. HashMap order used to pick
     * avgG for {netG, avgG}.
     */
    @Test
    void equalCopiesGoToTheFirstInFileOrder() {
        for (String[] order : new String[][] {{"netG.", "avgG."}, {"avgG.", "netG."}, {"netD.", "netG."}}) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (String prefix : order) {
                MODEL.forEach((k, shape) -> {
                    long n = 1;
                    for (long d : shape) {
                        n *= d;
                    }
                    tensors.put(prefix + k, Tensor.of(prefix + k, shape, new float[(int) n]));
                });
            }
            Path p = dir.resolve(order[0] + order[1] + "safetensors");
            SafetensorsWriter.write(p, tensors, Map.of());
            try (WeightFile f = WeightFile.open(p)) {
                assertThat(KeyMapping.match(f, MODEL, true).prefix()).isEqualTo(order[0]);
            }
        }
    }

    @Test
    void staleNormBuffersMayBeAbsentOrExtra() {
        Map<String, long[]> withoutStats = new LinkedHashMap<>(MODEL);
        withoutStats.remove("model.2.running_mean");
        try (WeightFile f = file("", withoutStats)) {
            assertThat(KeyMapping.match(f, MODEL, true).complete()).isTrue();
            assertThat(KeyMapping.match(f, MODEL, false).missing()).containsExactly("model.2.running_mean");
        }
        Map<String, long[]> extra = new LinkedHashMap<>(MODEL);
        extra.put("model.3.running_var", new long[] {4});
        extra.put("model.3.num_batches_tracked", new long[] {1});
        try (WeightFile f = file("", extra)) {
            KeyMapping m = KeyMapping.match(f, MODEL, true);
            assertThat(m.unexpected()).isEmpty();
            m.require(f, "test net", true);
        }
    }

    @Test
    void describesEverythingThatDoesNotFit() {
        Map<String, long[]> wrong = new LinkedHashMap<>();
        wrong.put("model.1.weight", new long[] {4, 3, 5, 5});
        wrong.put("model.9.weight", new long[] {2});
        try (WeightFile f = file("", wrong)) {
            KeyMapping m = KeyMapping.match(f, MODEL, true);
            assertThat(m.complete()).isFalse();
            assertThat(m.missing()).containsExactly("model.1.bias");
            assertThat(m.wrongShape()).singleElement().asString()
                    .contains("model.1.weight").contains("[4, 3, 5, 5]").contains("[4, 3, 3, 3]");
            assertThat(m.unexpected()).containsExactly("model.9.weight");
            assertThatThrownBy(() -> m.require(f, "CycleGAN generator", true))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("does not hold CycleGAN generator weights")
                    .hasMessageContaining("missing (1): model.1.bias")
                    .hasMessageContaining("wrong shape (1)")
                    .hasMessageContaining("unexpected (1): model.9.weight");
        }
    }

    @Test
    void unexpectedKeysAreToleratedWhenNotStrict() {
        Map<String, long[]> more = new LinkedHashMap<>(MODEL);
        more.put("classifier.0.weight", new long[] {10, 4});
        try (WeightFile f = file("", more)) {
            KeyMapping m = KeyMapping.match(f, MODEL, false);
            assertThat(m.require(f, "VGG-19", false)).isSameAs(m);
            assertThatThrownBy(() -> m.require(f, "VGG-19", true)).hasMessageContaining("classifier.0.weight");
        }
    }
}
