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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
}
