// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static io.brushwork.TestImages.bytes;
import static io.brushwork.testing.Bytes.concat;
import static io.brushwork.TestImages.encodeWithJdk;
import static io.brushwork.TestImages.noise;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Only a GIF's first frame is read, so nothing after it may cost memory. */
class GifFirstFrameTest {
    private static final BufferedImage PICTURE = noise(8, 8, 31);
    /** A frame at 0,0 with no colour table, and LZW data of a clear code and the end code. */
    private static final byte[] EMPTY_FRAME_DATA = bytes(2, 2, 0x4c, 0x01, 0);
    private static final byte[] TRAILER = bytes(0x3b);

    /** The JDK's GIF of {@link #PICTURE} without its trailer, so that blocks can follow. */
    private static byte[] firstFrame() {
        byte[] gif = encodeWithJdk(PICTURE, "gif", false);
        return Arrays.copyOf(gif, gif.length - 1);
    }

    private static byte[] frame(int width, int height) {
        byte[] descriptor = bytes(0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0);
        return concat(descriptor, EMPTY_FRAME_DATA);
    }

    private static byte[] repeat(byte[] block, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(block);
        }
        return out.toByteArray();
    }

    private static void assertFirstFrameReadCheaply(byte[] gif) {
        Allocated read = Allocated.during(() -> Images.read(gif, "frames.gif", Images.DEFAULT_MAX_PIXELS));

        assertThat(read.thrown()).isNull();
        assertThat(read.bytes()).as("bytes allocated").isLessThan(16 * Allocated.MIB);
        assertThat(Images.read(gif)).isEqualTo(Images.read(encodeWithJdk(PICTURE, "gif", false)));
    }

    @Test
    void hugeFrameAfterTheFirstIsNotDecoded() {
        // 10000 x 10000 is within the pixel limit, which only the first frame is checked against.
        assertFirstFrameReadCheaply(concat(firstFrame(), frame(10_000, 10_000), TRAILER));
    }

    @Test
    void manyFramesAfterTheFirstAreNotDecoded() {
        // Commons Imaging decodes every frame: a million of them took 4.7 GB.
        assertFirstFrameReadCheaply(concat(firstFrame(), repeat(frame(8, 8), 100_000), TRAILER));
    }

    @Test
    void tooManyBlocksBeforeTheFirstFrameEndsAreRefused() {
        // An 8x8 screen with a global table of two colours, black and white.
        byte[] header = bytes('G', 'I', 'F', '8', '9', 'a', 8, 0, 8, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255);
        byte[] emptyComment = bytes(0x21, 0xfe, 0);
        byte[] gif = concat(header, repeat(emptyComment, GifFirstFrame.MAX_BLOCKS), frame(8, 8), TRAILER);

        assertThat(Allocated.during(() -> Images.read(gif, "comments.gif", Images.DEFAULT_MAX_PIXELS)).thrown())
                .isExactlyInstanceOf(ImageReadException.class)
                .hasMessage("comments.gif: GIF has more than 1048576 blocks before its first frame ends");
    }
}
