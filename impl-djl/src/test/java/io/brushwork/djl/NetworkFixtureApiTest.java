// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.Generator;
import io.brushwork.Latent;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.djl.nets.PixelRange;
import io.brushwork.testing.PictureDifference;
import io.brushwork.zoo.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.brushwork.djl.NetworkFixtures.picture;
import static io.brushwork.djl.NetworkFixtures.pictureTolerance;
import static io.brushwork.djl.NetworkFixtures.pictures;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture networks through the public API ({@link Translator#fromFile}, {@link
 * Generator#fromFile}): pictures on 0..255 in and out, compared with PyTorch's outputs converted
 * the same way (to 0..255, clamped). For -1..1 networks the tolerance is 1e-4 of the network's
 * scale, i.e. 1e-4 * 127.5 on pictures.
 */
class NetworkFixtureApiTest {
    private static final NetworkOptions CPU = NetworkOptions.builder().device(Device.cpu()).build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#translators")
    void translatorPaintsWhatPyTorchPaints(String weights, String io, Architecture architecture, PixelRange range) {
        Map<String, Tensor> t = NetworkFixtures.read(io + ".io.safetensors");
        boolean signed = range == PixelRange.SIGNED;
        RgbImage in = picture(t.get("input"), 0, NetworkFixtures.input(signed));
        RgbImage expected = picture(t.get("output"), 0, NetworkFixtures.output(signed));
        RgbImage detected;
        try (Translator translator = Translator.fromFile(NetworkFixtures.path(weights), CPU)) {
            assertThat(translator.architecture()).isEqualTo(architecture);
            assertThat(translator.engine()).isEqualTo(Engine.PYTORCH);
            assertThat(translator.device()).isEqualTo("cpu");
            detected = translator.translate(in);
        }
        assertThat(detected.width()).isEqualTo(28);
        assertThat(detected.height()).isEqualTo(20);
        float diff = PictureDifference.max(detected, expected);
        System.out.printf("%s through Translator: max |Java - PyTorch| = %.3g on 0..255%n", weights, diff);
        assertThat(diff).isLessThanOrEqualTo(pictureTolerance(range));

        // The architecture named rather than detected: the same network.
        NetworkOptions named = CPU.toBuilder().architecture(architecture).build();
        try (Translator translator = Translator.fromFile(NetworkFixtures.path(weights), named)) {
            assertThat(translator.architecture()).isEqualTo(architecture);
            assertThat(PictureDifference.max(translator.translate(in), detected)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#translators")
    void batchOfEqualSizePicturesEqualsPyTorchAndOneByOne(String weights, String io, Architecture architecture,
                                                          PixelRange range) {
        Map<String, Tensor> t = NetworkFixtures.read(io + ".io.safetensors");
        boolean signed = range == PixelRange.SIGNED;
        List<RgbImage> in = pictures(t.get("batch_input"), NetworkFixtures.input(signed));
        List<RgbImage> expected = pictures(t.get("batch_output"), NetworkFixtures.output(signed));
        try (Translator translator = Translator.fromFile(NetworkFixtures.path(weights), CPU)) {
            List<RgbImage> batch = translator.translate(in);
            assertThat(batch).hasSize(2);
            for (int n = 0; n < 2; n++) {
                float diff = PictureDifference.max(batch.get(n), expected.get(n));
                assertThat(diff).as("picture %d of the batch", n).isLessThanOrEqualTo(pictureTolerance(range));
                RgbImage alone = translator.translate(in.get(n));
                float batchVsAlone = PictureDifference.max(batch.get(n), alone);
                System.out.printf("%s batch picture %d: vs PyTorch %.3g, vs one by one %.3g%n", weights, n, diff,
                        batchVsAlone);
                assertThat(batchVsAlone).as("picture %d, batch vs alone", n)
                        .isLessThanOrEqualTo(pictureTolerance(range));
            }
        }
    }

    /** Sides not multiples of 4: mirrored past the right and bottom edges, run, cropped back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#translators")
    void pictureWhoseSidesAreNotMultiplesOfFourComesBackAtItsOwnSize(String weights, String io,
                                                                    Architecture architecture, PixelRange range) {
        Map<String, Tensor> t = NetworkFixtures.read(io + ".io.safetensors");
        boolean signed = range == PixelRange.SIGNED;
        RgbImage in;
        RgbImage expected = null;
        if (t.containsKey("odd_input")) {
            in = picture(t.get("odd_input"), 0, NetworkFixtures.input(signed));
            expected = picture(t.get("odd_output"), 0, NetworkFixtures.output(signed));
        } else {
            // Variants without an odd-size reference: check the size only.
            in = picture(t.get("input"), 0, NetworkFixtures.input(signed)).resize(27, 18);
        }
        assertThat(in.width()).isEqualTo(27);
        assertThat(in.height()).isEqualTo(18);
        try (Translator translator = Translator.fromFile(NetworkFixtures.path(weights), CPU)) {
            RgbImage out = translator.translate(in);
            assertThat(out.width()).isEqualTo(27);
            assertThat(out.height()).isEqualTo(18);
            if (expected != null) {
                float diff = PictureDifference.max(out, expected);
                System.out.printf("%s 27x18 picture: max |Java - PyTorch| = %.3g on 0..255%n", weights, diff);
                assertThat(diff).isLessThanOrEqualTo(pictureTolerance(range));
            }
        }
    }

    /** Pictures smaller than the networks' padding still translate, at their own size. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#translators")
    void tinyPicturesTranslate(String weights, String io, Architecture architecture, PixelRange range) {
        try (Translator translator = Translator.fromFile(NetworkFixtures.path(weights), CPU)) {
            for (int[] size : new int[][] {{1, 1}, {3, 5}, {7, 2}}) {
                RgbImage out = translator.translate(RgbImage.filled(size[0], size[1], 200, 100, 50));
                assertThat(out.width()).isEqualTo(size[0]);
                assertThat(out.height()).isEqualTo(size[1]);
            }
        }
    }

    @Test
    void picturesOfMixedSizesComeBackInOrderEachAsAlone() {
        Map<String, Tensor> t = NetworkFixtures.read("cyclegan_resnet9_ngf4.io.safetensors");
        List<RgbImage> batch = pictures(t.get("batch_input"), NetworkFixtures.input(true));
        RgbImage single = picture(t.get("input"), 0, NetworkFixtures.input(true));
        RgbImage odd = picture(t.get("odd_input"), 0, NetworkFixtures.input(true));
        List<RgbImage> in = List.of(batch.get(0), single, odd, batch.get(1));
        try (Translator translator = Translator.fromFile(NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"), CPU)) {
            List<RgbImage> out = translator.translate(in);
            assertThat(out).hasSize(4);
            List<RgbImage> expected = List.of(
                    picture(t.get("batch_output"), 0, NetworkFixtures.output(true)),
                    picture(t.get("output"), 0, NetworkFixtures.output(true)),
                    picture(t.get("odd_output"), 0, NetworkFixtures.output(true)),
                    picture(t.get("batch_output"), 1, NetworkFixtures.output(true)));
            for (int i = 0; i < 4; i++) {
                assertThat(PictureDifference.max(out.get(i), expected.get(i))).as("picture %d", i)
                        .isLessThanOrEqualTo(pictureTolerance(PixelRange.SIGNED));
                assertThat(PictureDifference.max(out.get(i), translator.translate(in.get(i)))).as("picture %d", i)
                        .isLessThanOrEqualTo(pictureTolerance(PixelRange.SIGNED));
            }
        }
    }

    @Test
    void interpolationEndpointsAreTheGeneratedEndpointsAndSeedsRepeat() {
        try (Generator generator = Generator.fromFile(NetworkFixtures.path("dcgan_nz16_ngf4.pth"), CPU)) {
            List<RgbImage> sampled = generator.sample(2, 42);
            assertThat(generator.sample(2, 42)).isEqualTo(sampled);
            List<Latent> ends = Latent.random(16, 2, 42);
            for (io.brushwork.Interpolation mode : io.brushwork.Interpolation.values()) {
                List<RgbImage> walk = generator.interpolate(ends.get(0), ends.get(1), 6, mode);
                assertThat(walk).hasSize(6);
                assertThat(walk.get(0)).as(mode.name()).isEqualTo(sampled.get(0));
                assertThat(walk.get(5)).as(mode.name()).isEqualTo(sampled.get(1));
                assertThat(PictureDifference.mean(walk.get(2), walk.get(0))).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.brushwork.djl.NetworkFixtures#generators")
    void generatorPaintsWhatPyTorchPaints(String weights, String io) {
        Map<String, Tensor> t = NetworkFixtures.read(io + ".io.safetensors");
        List<Latent> latents = latents(t.get("latents"));
        List<RgbImage> expected = pictures(t.get("output"), NetworkFixtures.output(true));
        for (NetworkOptions options : List.of(CPU, CPU.toBuilder().architecture(Architecture.DCGAN).build())) {
            try (Generator generator = Generator.fromFile(NetworkFixtures.path(weights), options)) {
                assertThat(generator.architecture()).isEqualTo(Architecture.DCGAN);
                assertThat(generator.engine()).isEqualTo(Engine.PYTORCH);
                assertThat(generator.latentSize()).isEqualTo(16);
                assertThat(generator.imageSize()).isEqualTo(64);
                List<RgbImage> all = generator.generate(latents);
                assertThat(all).hasSize(latents.size());
                for (int n = 0; n < latents.size(); n++) {
                    RgbImage alone = generator.generate(latents.get(n));
                    float diff = PictureDifference.max(all.get(n), expected.get(n));
                    float batchVsAlone = PictureDifference.max(all.get(n), alone);
                    System.out.printf("%s latent %d: vs PyTorch %.3g on 0..255, batch vs one by one %.3g%n", weights,
                            n, diff, batchVsAlone);
                    assertThat(all.get(n).width()).isEqualTo(64);
                    assertThat(diff).as("latent %d", n).isLessThanOrEqualTo(pictureTolerance(PixelRange.SIGNED));
                    assertThat(batchVsAlone).as("latent %d, batch vs alone", n)
                            .isLessThanOrEqualTo(pictureTolerance(PixelRange.SIGNED));
                }
            }
        }
    }

    private static List<Latent> latents(Tensor z) {
        int n = (int) z.shape()[0];
        int size = (int) z.shape()[1];
        float[] all = z.data();
        List<Latent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Latent.of(java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size)));
        }
        return out;
    }
}
