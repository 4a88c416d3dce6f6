// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static io.brushwork.TestImages.RGB;
import static io.brushwork.TestImages.chunk;
import static io.brushwork.testing.Bytes.concat;
import static io.brushwork.TestImages.deflate;
import static io.brushwork.TestImages.deflatedZeros;
import static io.brushwork.TestImages.latin1;
import static io.brushwork.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * PNG chunks are bounded before a decoder sees them: compressed metadata that inflates beyond its
 * limit, chunks running past the data and too many chunks are refused, cheaply; what real files
 * hold still decodes.
 */
class PngChunksTest {
    /** What a refusal may allocate, the input aside: a fraction of what the bombs ask for. */
    private static final long BOUND = 32 * Allocated.MIB;
    private static final byte[] GIBIBYTE_OF_ZEROS = deflatedZeros(1L << 30);
    private static final byte[][] ROWS = new byte[8][24];

    private static byte[] picture(byte[]... extraChunks) {
        return png(8, 8, 8, RGB, ROWS, extraChunks);
    }

    private static byte[] iccp(byte[] compressedProfile) {
        return chunk("iCCP", concat(latin1("ICC profile\0\0"), compressedProfile));
    }

    private static byte[] ztxt(byte[] compressedText) {
        return chunk("zTXt", concat(latin1("Comment\0\0"), compressedText));
    }

    private static Allocated read(byte[] png) {
        return Allocated.during(() -> Images.read(png, "bomb.png", Images.DEFAULT_MAX_PIXELS));
    }

    private static void assertRefusedCheaply(Allocated read, String... messageParts) {
        assertThat(read.thrown()).isExactlyInstanceOf(ImageReadException.class)
                .hasMessageStartingWith("bomb.png: ")
                .hasMessageContainingAll(messageParts);
        assertThat(read.bytes()).as("bytes allocated").isLessThan(BOUND);
    }

    private static void assertDecodes(byte[] png) {
        assertThat(Images.read(png, "fine.png", Images.DEFAULT_MAX_PIXELS)).isEqualTo(Images.read(picture()));
    }

    @Test
    void iccProfileInflatingToOneGibibyteIsRefusedCheaply() {
        assertRefusedCheaply(read(picture(iccp(GIBIBYTE_OF_ZEROS))),
                "iCCP chunk inflates to more than 4 MiB", "the limit for an ICC profile");
    }

    @Test
    void compressedTextInflatingToOneGibibyteIsRefusedCheaply() {
        assertRefusedCheaply(read(picture(ztxt(GIBIBYTE_OF_ZEROS))), "zTXt chunk inflates to more than 1 MiB");
    }

    @Test
    void compressedInternationalTextInflatingToOneGibibyteIsRefusedCheaply() {
        // Keyword, compression flag 1, method 0, language tag, translated keyword, then the text.
        byte[] itxt = chunk("iTXt", concat(latin1("Comment\0\1\0en\0Kommentar\0"), GIBIBYTE_OF_ZEROS));

        assertRefusedCheaply(read(picture(itxt)), "iTXt chunk inflates to more than 1 MiB");
    }

    @Test
    void uncompressedTextCostsOnlyItsSizeAndIsRead() {
        byte[] text = new byte[2 << 20];
        Arrays.fill(text, (byte) 'a');

        assertDecodes(picture(chunk("iTXt", concat(latin1("Comment\0\0\0\0\0"), text))));
    }

    @Test
    void realIccProfileIsRead() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        assertDecodes(picture(iccp(deflate(srgb))));
    }

    @Test
    void metadataUpToItsLimitsIsRead() {
        byte[] mebibyte = deflatedZeros(1 << 20);
        byte[][] eightTexts = new byte[8][];
        Arrays.fill(eightTexts, ztxt(mebibyte));

        assertDecodes(picture(iccp(deflatedZeros(PngChunks.MAX_ICC_PROFILE_BYTES))));
        assertDecodes(picture(eightTexts));
    }

    @Test
    void profileOneByteOverItsLimitIsRefused() {
        assertRefusedCheaply(read(picture(iccp(deflatedZeros(PngChunks.MAX_ICC_PROFILE_BYTES + 1)))), "iCCP");
    }

    @Test
    void metadataAddingUpBeyondItsTotalIsRefused() {
        byte[][] nineTexts = new byte[9][];
        Arrays.fill(nineTexts, ztxt(deflatedZeros(1 << 20)));

        assertRefusedCheaply(read(picture(nineTexts)),
                "zTXt chunk takes the PNG's compressed metadata past 8 MiB", "iCCP, zTXt and iTXt chunks together");
    }

    @Test
    void corruptCompressedTextIsLeftToTheDecoders() {
        byte[] corrupt = deflate(latin1("a comment"));
        corrupt[4] ^= (byte) 0xff;

        assertDecodes(picture(ztxt(corrupt)));
    }

    @Test
    void chunkRunningPastTheDataIsRefusedBeforeAnyDecoderAllocatesIt() {
        byte[] header = Arrays.copyOf(picture(), 33);
        // An iCCP chunk declaring 2 GiB - 16 bytes, of which the file holds 16.
        byte[] claim = ByteBuffer.allocate(24).putInt(0x7fff_fff0).put(latin1("iCCP")).array();

        assertRefusedCheaply(read(concat(header, claim)),
                "cannot decode PNG image: iCCP chunk at byte 33 declares 2147483632 bytes, but only 16 remain");
    }

    @Test
    void tooManyChunksAreRefused() {
        // IHDR, IDAT and IEND, plus empty private chunks that every decoder skips.
        byte[][] extras = new byte[PngChunks.MAX_CHUNKS - 3][];
        Arrays.fill(extras, chunk("prVt", new byte[0]));
        byte[] oneMore = chunk("prVt", new byte[0]);

        assertDecodes(picture(extras));
        assertRefusedCheaply(read(picture(concat(concat(extras), oneMore))), "PNG has more than 262144 chunks");
    }

    @Test
    void imageDataInflatingFarBeyondTheDeclaredSizeCostsOnlyThatSize() {
        // Both decoders stop inflating once the 8x8 picture is complete, whatever follows.
        Allocated read = read(png(8, 8, 8, RGB, GIBIBYTE_OF_ZEROS));

        assertThat(read.thrown()).isNull();
        assertThat(read.bytes()).as("bytes allocated").isLessThan(BOUND);
    }
}
