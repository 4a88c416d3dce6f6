// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Device;
import io.brushwork.Generator;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.Translator;
import io.brushwork.zoo.SafetensorsWriter;
import io.brushwork.zoo.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that are not what they are opened as: one ModelException that names the problem. */
class NetworkFixtureErrorsTest {
    private static final NetworkOptions CPU = NetworkOptions.builder().device(Device.cpu()).build();

    @TempDir
    Path dir;

    private static NetworkOptions forced(Architecture a) {
        return CPU.toBuilder().architecture(a).build();
    }

    /** A small VGG feature extractor in torchvision's key layout. */
    private Path vggFile() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        long[][] shapes = {{4, 3, 3, 3}, {4}, {4, 4, 3, 3}, {4}, {8, 4, 3, 3}, {8}};
        String[] keys = {"features.0.weight", "features.0.bias", "features.2.weight", "features.2.bias",
            "features.5.weight", "features.5.bias"};
        for (int i = 0; i < keys.length; i++) {
            long n = 1;
            for (long d : shapes[i]) {
                n *= d;
            }
            t.put(keys[i], Tensor.of(keys[i], shapes[i], new float[(int) n]));
        }
        Path p = dir.resolve("vgg.safetensors");
        SafetensorsWriter.write(p, t, Map.of());
        return p;
    }

    @Test
    void vggFileIsNoGeneratorNorTranslator() {
        Path vgg = vggFile();
        assertThatThrownBy(() -> Generator.fromFile(vgg, CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot tell the architecture")
                .hasMessageContaining("features.0.weight");
        assertThatThrownBy(() -> Translator.fromFile(vgg, CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot tell the architecture");
    }

    @Test
    void translatorFileOpenedAsGeneratorSaysToUseTranslator() {
        assertThatThrownBy(() -> Generator.fromFile(NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"), CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cyclegan-resnet9")
                .hasMessageContaining("not a generator")
                .hasMessageContaining("Translator.fromFile");
        assertThatThrownBy(() -> Generator.fromFile(NetworkFixtures.path("engstrom_w4.safetensors"), CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("engstrom")
                .hasMessageContaining("Translator.fromFile");
    }

    @Test
    void generatorFileOpenedAsTranslatorSaysToUseGenerator() {
        assertThatThrownBy(() -> Translator.fromFile(NetworkFixtures.path("dcgan_nz16_ngf4.pth"), CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("dcgan")
                .hasMessageContaining("not a translator")
                .hasMessageContaining("Generator.fromFile");
        // Also when the architecture is named: the kind is checked before anything is built.
        assertThatThrownBy(() -> Generator.fromFile(NetworkFixtures.path("dcgan_nz16_ngf4.pth"),
                forced(Architecture.CYCLEGAN_RESNET9)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not a generator");
    }

    @Test
    void fileForcedToAnotherArchitectureNamesTheMissingWeights() {
        assertThatThrownBy(() -> Translator.fromFile(NetworkFixtures.path("dcgan_nz16_ngf4.pth"),
                forced(Architecture.ENGSTROM)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("conv1.weight");
        assertThatThrownBy(() -> Translator.fromFile(NetworkFixtures.path("transformer_net_w4.pth"),
                forced(Architecture.CYCLEGAN_RESNET9)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model.");
        assertThatThrownBy(() -> Translator.fromFile(NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"),
                forced(Architecture.TRANSFORMER_NET)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("conv1.conv2d.weight");
        assertThatThrownBy(() -> Generator.fromFile(NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"),
                forced(Architecture.DCGAN)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("main.0.weight");
    }

    /** An Engstrom file with a residual block missing and a layer of the wrong width: KeyMapping lists both. */
    @Test
    void damagedFileListsMissingAndMisShapedKeys() {
        Map<String, Tensor> t = new LinkedHashMap<>(NetworkFixtures.read("engstrom_w4.safetensors"));
        t.keySet().removeIf(k -> k.startsWith("res3."));
        t.put("deconv2.scale", Tensor.of("deconv2.scale", new long[] {5}, new float[5]));
        Path damaged = dir.resolve("damaged.safetensors");
        SafetensorsWriter.write(damaged, t, Map.of());
        assertThatThrownBy(() -> Translator.fromFile(damaged, CPU))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("does not hold engstrom network weights")
                .hasMessageContaining("missing (6): res3.conv1.weight")
                .hasMessageContaining("wrong shape (1): deconv2.scale is [5], expected [4]");
    }

    /** A DCGAN file forced to Engstrom when it has a conv1 (so the width probe passes): the full key listing. */
    @Test
    void foreignKeysBesideAProbedOneAreListed() {
        Map<String, Tensor> t = new LinkedHashMap<>(NetworkFixtures.read("dcgan_nz16_ngf4.pth"));
        t.put("conv1.weight", Tensor.of("conv1.weight", new long[] {4, 3, 9, 9}, new float[4 * 3 * 81]));
        Path mixed = dir.resolve("mixed.safetensors");
        SafetensorsWriter.write(mixed, t, Map.of());
        assertThatThrownBy(() -> Translator.fromFile(mixed, forced(Architecture.ENGSTROM)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("missing (")
                .hasMessageContaining("conv1.scale")
                .hasMessageContaining("unexpected (")
                .hasMessageContaining("main.0.weight");
    }
}
