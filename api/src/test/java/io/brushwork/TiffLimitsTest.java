// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static io.brushwork.TestImages.encodeWithJdk;
import static io.brushwork.TestImages.noise;
import static io.brushwork.TestImages.setTiffField;
import static io.brushwork.TestImages.tiledTiffWithJdk;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** What a TIFF declares beyond its width and height is bounded before a decoder allocates from it. */
class TiffLimitsTest {
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final BufferedImage PICTURE = noise(16, 16, 21);

    @Test
    void tilesOverhangingAPictureAreRead() {
        byte[] tiff = tiledTiffWithJdk(PICTURE, 256, 256);

        assertThat(Images.read(tiff)).isEqualTo(RgbImage.fromBufferedImage(PICTURE));
    }

    @Test
    void tilesFarLargerThanThePictureAreRefusedUnallocated() {
        // Decompressing one such tile took Commons Imaging 1.3 GiB.
        byte[] tiff = tiledTiffWithJdk(PICTURE, 16, 16);
        setTiffField(tiff, TILE_WIDTH, 16384);
        setTiffField(tiff, TILE_LENGTH, 16384);

        Allocated read = Allocated.during(() -> Images.read(tiff, "tiles.tif", Images.DEFAULT_MAX_PIXELS));

        assertThat(read.thrown()).isExactlyInstanceOf(ImageReadException.class)
                .hasMessage("tiles.tif: TIFF tiles of 16384x16384 for an image of 16x16 exceed the limit of "
                        + TiffLimits.MIN_TILE_PIXELS + " pixels per tile");
        assertThat(read.bytes()).isLessThan(8 * Allocated.MIB);
    }

    @Test
    void tilesAsLargeAsALargePictureAreAllowed() {
        BufferedImage picture = noise(1024, 1040, 22);
        byte[] tiff = tiledTiffWithJdk(picture, 1024, 1040);

        assertThat(Images.read(tiff)).isEqualTo(RgbImage.fromBufferedImage(picture));
    }

    @Test
    void moreSamplesPerPixelThanAreReadAreRefused() {
        byte[] tiff = encodeWithJdk(PICTURE, "tiff", false);
        setTiffField(tiff, SAMPLES_PER_PIXEL, TiffLimits.MAX_SAMPLES_PER_PIXEL + 1);

        assertThat(Allocated.during(() -> Images.read(tiff, "samples.tif", Images.DEFAULT_MAX_PIXELS)).thrown())
                .isExactlyInstanceOf(ImageReadException.class)
                .hasMessage("samples.tif: TIFF declares 9 samples per pixel, more than the 8 read");
    }
}
