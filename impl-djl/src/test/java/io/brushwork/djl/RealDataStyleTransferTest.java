// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.Images;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.testing.PictureDifference;
import io.brushwork.testing.SharedData;
import io.brushwork.zoo.Tensor;
import io.brushwork.zoo.TorchCheckpointWriter;
import io.brushwork.zoo.WeightFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Gatys on real ImageNet VGG-19 weights, a real photograph and a real painting (../shared). */
@Tag("shared")
class RealDataStyleTransferTest {

    @Test
    void starryNightOnTubingenCutsTheStyleLossBy95Percent() {
        Path vgg = SharedData.require("models/vgg19/vgg19-caffe-blocks1to3.safetensors");
        Path content = SharedData.require("images/content/tubingen.jpg");
        Path style = SharedData.require("images/style/starry_night.jpg");

        StylizedImage out = StyleTransfer.builder()
                .content(content)
                .style(style)
                .featureExtractor(Vgg19.fromFile(vgg, Preprocessing.CAFFE))
                .contentLayers("relu3_2")
                .styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3))
                .size(256)
                .iterations(150)
                .device(Device.cpu())
                .run();

        Path picture = Path.of("target", "tubingen-starry-night-256.png");
        out.save(picture);
        System.out.printf("real data: style loss %.4g -> %.4g, content %.4g, %d iterations, %d evaluations,"
                        + " %.3f s/iteration, written to %s%n",
                out.initialLosses().style(), out.losses().style(), out.losses().content(), out.iterations(),
                out.evaluations(), out.secondsPerIteration(), picture.toAbsolutePath());

        assertThat(out.image().width()).isEqualTo(256);
        assertThat(out.image().height()).isEqualTo(192);
        assertThat(out.losses().style()).isLessThanOrEqualTo(0.05 * out.initialLosses().style());
        // Visibly repainted, yet still the photograph.
        RgbImage original = Images.read(content).resize(256, 192);
        assertThat(PictureDifference.mean(out.image(), original)).isBetween(5.0, 80.0);
    }

    @Test
    void pthCopiesOfTheWeightsGiveByteIdenticalPictures(@TempDir Path dir) {
        Path safetensors = SharedData.require("models/vgg19/vgg19-caffe-blocks1to3.safetensors");
        Path content = SharedData.require("images/content/chelsea.png");
        Path style = SharedData.require("images/style/the_scream.jpg");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (WeightFile file = WeightFile.open(safetensors)) {
            for (String key : file.keys()) {
                tensors.put(key, file.read(key));
            }
        }
        Path zip = dir.resolve("vgg19-blocks1to3-zip.pth");
        Path legacy = dir.resolve("vgg19-blocks1to3-legacy.pth");
        TorchCheckpointWriter.write(zip, tensors, TorchCheckpointWriter.Format.ZIP);
        TorchCheckpointWriter.write(legacy, tensors, TorchCheckpointWriter.Format.LEGACY);

        StyleTransfer.Builder run = StyleTransfer.builder().content(content).style(style)
                .contentLayers("relu3_2").styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3)).size(96).iterations(8).device(Device.cpu());
        RgbImage fromSafetensors = run.featureExtractor(Vgg19.fromFile(safetensors, Preprocessing.CAFFE)).run().image();
        RgbImage fromZip = run.featureExtractor(Vgg19.fromFile(zip, Preprocessing.CAFFE)).run().image();
        RgbImage fromLegacy = run.featureExtractor(Vgg19.fromFile(legacy, Preprocessing.CAFFE)).run().image();
        assertThat(Images.encode(fromZip, "png")).isEqualTo(Images.encode(fromSafetensors, "png"));
        assertThat(Images.encode(fromLegacy, "png")).isEqualTo(Images.encode(fromSafetensors, "png"));
        assertThat(PictureDifference.mean(fromSafetensors, Images.read(content).resize(96, 64))).isGreaterThan(1);
    }
}
