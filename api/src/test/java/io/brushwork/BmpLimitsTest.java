// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static io.brushwork.TestImages.encodeWithJdk;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** A BMP's declared palette must fit in the file before a decoder allocates it. */
class BmpLimitsTest {
    private static final int COLOURS_USED = 46;

    private static byte[] palettePicture() {
        BufferedImage picture = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_INDEXED);
        for (int x = 0; x < 16; x++) {
            picture.setRGB(x, x % 8, 0xff0000);
        }
        return encodeWithJdk(picture, "bmp", false);
    }

    @Test
    void paletteThatFitsIsRead() {
        RgbImage read = Images.read(palettePicture());
        assertThat(read.width()).isEqualTo(16);
        assertThat(read.height()).isEqualTo(8);
        // Each pixel's palette entry, not just the size: red on the diagonal stripe, black (index 0) elsewhere.
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                float red = x % 8 == y ? 255 : 0;
                assertThat(new float[] {read.sample(0, x, y), read.sample(1, x, y), read.sample(2, x, y)})
                        .as("pixel %d,%d", x, y).containsExactly(red, 0, 0);
            }
        }
    }

    @Test
    void paletteLargerThanTheFileIsRefusedUnallocated() {
        byte[] bmp = palettePicture();
        // 268 million colours: Commons Imaging allocated 1 GiB for them.
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(COLOURS_USED, 0x0fff_fff0);

        Allocated read = Allocated.during(() -> Images.read(bmp, "palette.bmp", Images.DEFAULT_MAX_PIXELS));

        assertThat(read.thrown()).isExactlyInstanceOf(ImageReadException.class)
                .hasMessage("palette.bmp: BMP declares a palette of 268435440 colours, more than its "
                        + bmp.length + " bytes hold");
        assertThat(read.bytes()).isLessThan(8 * Allocated.MIB);
    }
}
