// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.testing.PictureDifference;

import static io.brushwork.TestImages.GREY;
import static io.brushwork.TestImages.GREY_ALPHA;
import static io.brushwork.TestImages.PALETTE;
import static io.brushwork.TestImages.RGB;
import static io.brushwork.TestImages.RGBA;
import static io.brushwork.TestImages.bytes;
import static io.brushwork.TestImages.chunk;
import static io.brushwork.TestImages.deflate;
import static io.brushwork.TestImages.encodeRasterWithJdk;
import static io.brushwork.TestImages.encodeWithJdk;
import static io.brushwork.TestImages.gradient;
import static io.brushwork.TestImages.noise;
import static io.brushwork.TestImages.png;
import static io.brushwork.TestImages.setTiffField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertGreyChannelsEqual(RgbImage image) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertThat(image.sample(1, x, y)).isEqualTo(image.sample(0, x, y));
                assertThat(image.sample(2, x, y)).isEqualTo(image.sample(0, x, y));
            }
        }
    }

    /** A 256x1 grey ramp 0..255, so that every level, dark ones included, is checked. */
    private static byte[] greyRampRow() {
        byte[] row = new byte[256];
        for (int i = 0; i < 256; i++) {
            row[i] = (byte) i;
        }
        return row;
    }

    @Nested
    class RoundTrips {
        @Test
        void pngKeepsEverySampleExactly() {
            RgbImage original = RgbImage.fromBufferedImage(noise(37, 23, 1));
            Path out = dir.resolve("noise.png");

            Images.write(original, out);

            assertThat(Images.read(out)).isEqualTo(original);
        }

        @Test
        void pngRoundTripQuantisesOutOfRangeAndFractionalSamples() {
            float[] planes = {-20f, 300f, 12.4f, 12.6f, 0f, 255f};
            RgbImage original = RgbImage.of(2, 1, planes);

            RgbImage back = Images.read(Images.encode(original, "png"));

            assertThat(back).isEqualTo(original.quantized());
        }

        @Test
        void pngOfFewColoursRoundTripsExactly() {
            RgbImage original = RgbImage.filled(16, 9, 10, 200, 30);

            assertThat(Images.read(Images.encode(original, "png"))).isEqualTo(original);
        }

        @Test
        void jpegStaysCloseToTheOriginal() {
            RgbImage original = RgbImage.fromBufferedImage(gradient(96, 64));
            Path out = dir.resolve("gradient.jpg");

            Images.write(original, out);
            RgbImage back = Images.read(out);

            assertThat(back.width()).isEqualTo(96);
            assertThat(back.height()).isEqualTo(64);
            assertThat(PictureDifference.mean(original, back)).isLessThan(1.5);
            assertThat(PictureDifference.max(original, back)).isLessThan(12f);
        }

        @Test
        void encodeProducesTheRequestedFormat() {
            RgbImage image = RgbImage.filled(4, 4, 1, 2, 3);

            assertThat(Images.encode(image, "png")).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Images.encode(image, "jpeg")).startsWith(0xff, 0xd8, 0xff);
            assertThat(Images.encode(image, "JPG")).startsWith(0xff, 0xd8, 0xff);
        }

        @Test
        void encodeRejectsAnUnknownFormat() {
            assertThatThrownBy(() -> Images.encode(RgbImage.filled(1, 1, 0, 0, 0), "webp"))
                    .isInstanceOf(ImageWriteException.class)
                    .hasMessageContaining("webp");
        }

        @Test
        void streamsAndByteArraysReadLikeFiles() throws IOException {
            byte[] data = Images.encode(RgbImage.fromBufferedImage(noise(8, 5, 2)), "png");
            RgbImage fromFile = Images.read(file("x.png", data));

            assertThat(Images.read(new ByteArrayInputStream(data))).isEqualTo(fromFile);
            assertThat(Images.read(data)).isEqualTo(fromFile);
            assertThat(Images.read(data, "mine", 40)).isEqualTo(fromFile);
        }
    }

    @Nested
    class PngVariants {
        @Test
        void greyBecomesThreeEqualChannelsWithTheFileLevels() {
            RgbImage image = Images.read(png(256, 1, 8, GREY, new byte[][] {greyRampRow()}));

            assertGreyChannelsEqual(image);
            for (int x = 0; x < 256; x++) {
                assertThat(image.sample(0, x, 0)).isEqualTo(x);
            }
        }

        @Test
        void greyWrittenByTheJdkKeepsItsLevels() {
            BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < 256; x++) {
                grey.getRaster().setSample(x, 0, 0, x);
            }

            RgbImage image = Images.read(encodeWithJdk(grey, "png", false));

            for (int x = 0; x < 256; x++) {
                assertThat(image.sample(0, x, 0)).isEqualTo(x);
            }
            assertGreyChannelsEqual(image);
        }

        @Test
        void sixteenBitGreyKeepsItsHighByte() {
            byte[] row = new byte[512];
            for (int x = 0; x < 256; x++) {
                row[2 * x] = (byte) x;
                row[2 * x + 1] = (byte) 0x80;
            }

            RgbImage image = Images.read(png(256, 1, 16, GREY, new byte[][] {row}));

            assertGreyChannelsEqual(image);
            for (int x = 0; x < 256; x++) {
                assertThat(image.sample(0, x, 0)).isCloseTo((x * 256 + 128) / 257f, within(1f));
            }
        }

        @Test
        void sixteenBitRgbKeepsItsHighByte() {
            byte[] row = bytes(0x12, 0x34, 0xab, 0xcd, 0xff, 0xff, 0x00, 0x00, 0x80, 0x00, 0x7f, 0xff);

            RgbImage image = Images.read(png(2, 1, 16, RGB, new byte[][] {row}));

            assertThat(image.sample(0, 0, 0)).isCloseTo(0x12, within(1f));
            assertThat(image.sample(1, 0, 0)).isCloseTo(0xab, within(1f));
            assertThat(image.sample(2, 0, 0)).isEqualTo(255f);
            assertThat(image.sample(0, 1, 0)).isEqualTo(0f);
            assertThat(image.sample(1, 1, 0)).isCloseTo(0x80, within(1f));
            assertThat(image.sample(2, 1, 0)).isCloseTo(0x7f, within(1f));
        }

        @Test
        void greyWithAlphaIsCompositedOverWhite() {
            byte[] row = bytes(0, 255, 0, 0, 0, 128, 200, 51);

            RgbImage image = Images.read(png(4, 1, 8, GREY_ALPHA, new byte[][] {row}));

            assertGreyChannelsEqual(image);
            assertThat(image.sample(0, 0, 0)).isEqualTo(0f);
            assertThat(image.sample(0, 1, 0)).isEqualTo(255f);
            assertThat(image.sample(0, 2, 0)).isCloseTo(255f * (1 - 128 / 255f), within(0.01f));
            assertThat(image.sample(0, 3, 0)).isCloseTo(200 * 0.2f + 255 * 0.8f, within(0.01f));
        }

        @Test
        void rgbaIsCompositedOverWhite() {
            byte[] row = bytes(255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 102);

            RgbImage image = Images.read(png(3, 1, 8, RGBA, new byte[][] {row}));

            assertThat(new float[] {image.sample(0, 0, 0), image.sample(1, 0, 0), image.sample(2, 0, 0)})
                    .containsExactly(255f, 0f, 0f);
            assertThat(new float[] {image.sample(0, 1, 0), image.sample(1, 1, 0), image.sample(2, 1, 0)})
                    .containsExactly(255f, 255f, 255f);
            assertThat(image.sample(0, 2, 0)).isCloseTo(153f, within(0.01f));
            assertThat(image.sample(2, 2, 0)).isCloseTo(153f, within(0.01f));
        }

        @Test
        void paletteWithTransparencyIsResolved() {
            byte[] plte = chunk("PLTE", bytes(255, 0, 0, 0, 0, 255, 10, 20, 30));
            byte[] trns = chunk("tRNS", bytes(255, 255, 0));
            byte[] row = bytes(0, 1, 2, 1);

            RgbImage image = Images.read(png(4, 1, 8, PALETTE, new byte[][] {row}, plte, trns));

            assertThat(image.sample(0, 0, 0)).isEqualTo(255f);
            assertThat(image.sample(1, 0, 0)).isEqualTo(0f);
            assertThat(image.sample(2, 1, 0)).isEqualTo(255f);
            assertThat(image.sample(0, 1, 0)).isEqualTo(0f);
            assertThat(new float[] {image.sample(0, 2, 0), image.sample(1, 2, 0), image.sample(2, 2, 0)})
                    .containsExactly(255f, 255f, 255f);
        }

        @Test
        void lowBitDepthPaletteIsUnpacked() {
            byte[] plte = chunk("PLTE", bytes(0, 0, 0, 255, 255, 255));
            byte[] row = bytes(0b1010_0000);

            RgbImage image = Images.read(png(4, 1, 1, PALETTE, new byte[][] {row}, plte));

            assertThat(image.sample(0, 0, 0)).isEqualTo(255f);
            assertThat(image.sample(0, 1, 0)).isEqualTo(0f);
            assertThat(image.sample(0, 2, 0)).isEqualTo(255f);
            assertThat(image.sample(0, 3, 0)).isEqualTo(0f);
        }

        @Test
        void interlacedIsDecoded() {
            BufferedImage source = noise(29, 17, 3);

            RgbImage image = Images.read(encodeWithJdk(source, "png", true));

            assertThat(image).isEqualTo(RgbImage.fromBufferedImage(source));
        }
    }

    @Nested
    class OtherFormats {
        @Test
        void bmp() {
            BufferedImage source = noise(13, 7, 4);

            assertThat(Images.read(encodeWithJdk(source, "bmp", false))).isEqualTo(RgbImage.fromBufferedImage(source));
        }

        @Test
        void tiff() {
            BufferedImage source = noise(13, 7, 5);

            assertThat(Images.read(encodeWithJdk(source, "tiff", false))).isEqualTo(RgbImage.fromBufferedImage(source));
        }

        @Test
        void tiffWiderThan32767IsRead() {
            // Commons Imaging reads such a width as negative; the JDK decoder must take over.
            BufferedImage wide = noise(40_000, 1, 14);

            assertThat(Images.read(encodeWithJdk(wide, "tiff", false))).isEqualTo(RgbImage.fromBufferedImage(wide));
        }

        @Test
        void greyTiffKeepsItsLevels() {
            BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < 256; x++) {
                grey.getRaster().setSample(x, 0, 0, x);
            }

            RgbImage image = Images.read(encodeWithJdk(grey, "tiff", false));

            assertGreyChannelsEqual(image);
            for (int x = 0; x < 256; x++) {
                assertThat(image.sample(0, x, 0)).isEqualTo(x);
            }
        }

        @Test
        void gifGivesItsFirstFrame() throws IOException {
            BufferedImage red = solid(0xff0000);
            BufferedImage blue = solid(0x0000ff);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                writer.writeToSequence(new IIOImage(red, null, null), null);
                writer.writeToSequence(new IIOImage(blue, null, null), null);
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }

            RgbImage image = Images.read(bytes.toByteArray());

            assertThat(image).isEqualTo(RgbImage.filled(6, 4, 255, 0, 0));
        }

        private BufferedImage solid(int rgb) {
            BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
            return image;
        }

        @Test
        void baselineJpeg() {
            BufferedImage source = gradient(64, 40);

            RgbImage image = Images.read(encodeWithJdk(source, "jpeg", false));

            assertThat(PictureDifference.mean(image, RgbImage.fromBufferedImage(source))).isLessThan(3);
        }

        @Test
        void progressiveJpeg() {
            BufferedImage source = gradient(64, 40);

            RgbImage progressive = Images.read(encodeWithJdk(source, "jpeg", true));

            assertThat(PictureDifference.mean(progressive, RgbImage.fromBufferedImage(source))).isLessThan(3);
        }

        @Test
        void greyJpegKeepsItsLevels() {
            BufferedImage grey = new BufferedImage(64, 8, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 64; x++) {
                    grey.getRaster().setSample(x, y, 0, x * 4);
                }
            }

            RgbImage image = Images.read(encodeWithJdk(grey, "jpeg", false));

            assertGreyChannelsEqual(image);
            for (int x = 0; x < 64; x++) {
                assertThat(image.sample(0, x, 4)).isCloseTo(x * 4, within(4f));
            }
        }

        /** Ink amounts of a dark cyan: C, M, Y, K. */
        private final int[] ink = {204, 51, 10, 31};
        private final float[] inkAsRgb = {
            (255 - 204) * (255 - 31) / 255f, (255 - 51) * (255 - 31) / 255f, (255 - 10) * (255 - 31) / 255f};

        @Test
        void adobeCmykJpegStoresInvertedInk() {
            int[] stored = {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]};

            RgbImage image = Images.read(withAdobeMarker(fourChannelJpeg(stored), 0));

            assertSolidColour(image, inkAsRgb, 3f);
        }

        @Test
        void adobeYcckJpeg() {
            // YCCK holds the inverted C, M, Y as if they were R, G, B, converted to YCbCr.
            float r = ink[0];
            float g = ink[1];
            float b = ink[2];
            int[] stored = {
                Math.round(0.299f * r + 0.587f * g + 0.114f * b),
                Math.round(128 - 0.168736f * r - 0.331264f * g + 0.5f * b),
                Math.round(128 + 0.5f * r - 0.418688f * g - 0.081312f * b),
                255 - ink[3]};

            RgbImage image = Images.read(withAdobeMarker(fourChannelJpeg(stored), 2));

            assertSolidColour(image, inkAsRgb, 3f);
        }

        @Test
        void cmykJpegWithoutAdobeMarkerStoresPlainInk() {
            RgbImage image = Images.read(fourChannelJpeg(ink));

            assertSolidColour(image, inkAsRgb, 3f);
        }

        private byte[] fourChannelJpeg(int[] pixel) {
            WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    raster.setPixel(x, y, pixel);
                }
            }
            return encodeRasterWithJdk(raster);
        }

        private byte[] withAdobeMarker(byte[] jpeg, int transform) {
            byte[] app14 = bytes(0xff, 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, transform);
            byte[] out = new byte[jpeg.length + app14.length];
            System.arraycopy(jpeg, 0, out, 0, 2);
            System.arraycopy(app14, 0, out, 2, app14.length);
            System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
            return out;
        }

        private void assertSolidColour(RgbImage image, float[] rgb, float tolerance) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < image.height(); y++) {
                    for (int x = 0; x < image.width(); x++) {
                        assertThat(image.sample(c, x, y)).as("channel %d at %d,%d", c, x, y)
                                .isCloseTo(rgb[c], within(tolerance));
                    }
                }
            }
        }

        @Test
        void formatIsRecognisedByContentNotByName() throws IOException {
            RgbImage original = RgbImage.fromBufferedImage(noise(5, 5, 6));
            Path pngNamedJpg = file("really-a-png.jpg", Images.encode(original, "png"));
            Path jpegNamedPng = file("really-a-jpeg.png", Images.encode(original, "jpeg"));
            Path noExtension = file("picture", Images.encode(original, "png"));

            assertThat(Images.read(pngNamedJpg)).isEqualTo(original);
            assertThat(Images.read(jpegNamedPng).width()).isEqualTo(5);
            assertThat(Images.read(noExtension)).isEqualTo(original);
        }
    }

    @Nested
    class ReadErrors {
        @Test
        void missingFile() {
            Path missing = dir.resolve("nope.png");

            assertThatThrownBy(() -> Images.read(missing))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("not found");
        }

        @Test
        void directory() {
            assertThatThrownBy(() -> Images.read(dir))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("directory");
        }

        @Test
        void emptyFile() throws IOException {
            Path empty = file("empty.png", new byte[0]);

            assertThatThrownBy(() -> Images.read(empty))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining(empty.toString())
                    .hasMessageContaining("empty");
        }

        @Test
        void fileOverOneGibibyteIsRefusedUnread() throws IOException {
            Path huge = dir.resolve("huge.png");
            try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
                sparse.setLength((1L << 30) + 1);
            }

            assertThatThrownBy(() -> Images.read(huge))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining(huge.toString())
                    .hasMessageContaining("larger than");
        }

        @Test
        void emptyStream() {
            assertThatThrownBy(() -> Images.read(InputStream.nullInputStream()))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining("<stream>")
                    .hasMessageContaining("empty");
        }

        @Test
        void failingStream() {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk on fire");
                }
            };

            assertThatThrownBy(() -> Images.read(broken))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining("disk on fire");
        }

        @Test
        void bytesThatAreNoImage() throws IOException {
            Path text = file("notes.png", "hello, this is not a picture".getBytes());

            assertThatThrownBy(() -> Images.read(text))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageContaining(text.toString())
                    .hasMessageContaining("not a PNG, JPEG, GIF, BMP or TIFF image")
                    .hasMessageContaining("68 65 6c 6c");
        }

        @Test
        void givenSourceNameIsUsedInMessages() {
            assertThatThrownBy(() -> Images.read(new byte[] {1, 2, 3}, "upload #7", 1000))
                    .isInstanceOf(ImageReadException.class)
                    .hasMessageStartingWith("upload #7: ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
        void truncatedFile(String format) throws IOException {
            byte[] whole = encodeWithJdk(noise(40, 30, 7), format, false);
            Path truncated = file("cut." + format, Arrays.copyOf(whole, whole.length / 2));

            Throwable thrown = catchThrowable(() -> Images.read(truncated));

            assertThat(thrown).isExactlyInstanceOf(ImageReadException.class)
                    .hasMessageContaining(truncated.toString())
                    .hasMessageContaining("cannot decode " + format.toUpperCase());
        }

        @Test
        void pngWithoutImageData() {
            byte[] headerOnly = Arrays.copyOf(png(4, 4, 8, RGB, new byte[4][12]), 33);

            assertThatThrownBy(() -> Images.read(headerOnly))
                    .isExactlyInstanceOf(ImageReadException.class)
                    .hasMessageContaining("cannot decode PNG");
        }

        @Test
        void zeroWidth() {
            byte[] zero = png(0, 5, 8, RGB, new byte[5][0]);

            assertThatThrownBy(() -> Images.read(zero))
                    .isExactlyInstanceOf(ImageReadException.class)
                    .hasMessageContaining("<bytes>")
                    .hasMessageContaining("0x5");
        }

        @Test
        void invalidLimitIsRejected() {
            byte[] data = Images.encode(RgbImage.filled(1, 1, 0, 0, 0), "png");

            assertThatThrownBy(() -> Images.read(data, "x", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Images.read(dir.resolve("x.png"), -1)).isInstanceOf(IllegalArgumentException.class);
        }

        /**
         * Bit flips, byte smashes and cuts in valid files of each format: whatever happens, only an
         * ImageReadException may come out.
         */
        @ParameterizedTest
        @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
        void corruptedFilesFailCleanly(String format) {
            byte[] valid = encodeWithJdk(noise(24, 16, 8), format, false);
            Random random = new Random(format.hashCode());
            for (int trial = 0; trial < 300; trial++) {
                byte[] corrupt = valid.clone();
                int damage = 1 + random.nextInt(4);
                for (int d = 0; d < damage; d++) {
                    int at = random.nextInt(Math.min(corrupt.length, 200));
                    corrupt[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : corrupt[at] ^ (1 << random.nextInt(8)));
                }
                if (random.nextInt(4) == 0) {
                    corrupt = Arrays.copyOf(corrupt, 1 + random.nextInt(corrupt.length));
                }
                byte[] input = corrupt;
                String name = "trial " + trial;

                Throwable thrown = catchThrowable(() -> Images.read(input, name, 1_000_000));

                if (thrown != null) {
                    assertThat(thrown).as(name).isInstanceOf(ImageReadException.class)
                            .hasMessageStartingWith(name + ": ");
                }
            }
        }
    }

    /**
     * Paths that are not regular files are refused before they are opened: a FIFO would wait for a
     * writer and a device would be read until the heap ran out. A time limit guards against a hang.
     */
    @Nested
    class NotRegularFiles {
        private static final Path DEV_ZERO = Path.of("/dev/zero");
        private static final Duration PATIENCE = Duration.ofSeconds(20);

        private Throwable readFailure(Path path) {
            return assertTimeoutPreemptively(PATIENCE, () -> catchThrowable(() -> Images.read(path)));
        }

        private Path link(String name, Path target) {
            Path link = dir.resolve(name);
            try {
                return Files.createSymbolicLink(link, target);
            } catch (IOException | UnsupportedOperationException e) {
                throw new TestAbortedException("cannot make symbolic links here: " + e);
            }
        }

        @Test
        void fifoIsRefusedWithoutWaitingForAWriter() throws Exception {
            Path fifo = dir.resolve("pipe.png");
            Process mkfifo;
            try {
                mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new TestAbortedException("no mkfifo here: " + e);
            }
            assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

            assertThat(readFailure(fifo)).isExactlyInstanceOf(ImageReadException.class)
                    .hasMessage(fifo + ": is a FIFO, not a regular file");
        }

        @Test
        void deviceIsRefusedUnread() {
            assumeTrue(Files.exists(DEV_ZERO), "no /dev/zero here");

            assertThat(readFailure(DEV_ZERO)).isExactlyInstanceOf(ImageReadException.class)
                    .hasMessage("/dev/zero: is a character device, not a regular file");
        }

        @Test
        void linkToADeviceIsRefusedUnread() throws IOException {
            assumeTrue(Files.exists(DEV_ZERO), "no /dev/zero here");
            Path link = link("zero.png", DEV_ZERO);

            assertThat(readFailure(link)).isExactlyInstanceOf(ImageReadException.class)
                    .hasMessage(link + ": is a character device, not a regular file");
            // Removed here, as the temporary folder's clean-up warns about links leading out of it.
            Files.delete(link);
        }

        @Test
        void linkToARegularFileIsFollowed() throws IOException {
            RgbImage original = RgbImage.fromBufferedImage(noise(5, 4, 15));
            Path target = file("target.png", Images.encode(original, "png"));

            assertThat(Images.read(link("link.png", target))).isEqualTo(original);
        }
    }

    @Nested
    class PixelLimit {
        @Test
        void hugeDeclaredSizeFailsFastWithoutDecoding() {
            // A 100000 x 100000 RGB PNG whose image data is a few bytes: decoding it would need 40 GB.
            byte[] bomb = png(100_000, 100_000, 8, RGB, deflate(new byte[64]));
            assertThat(bomb.length).isLessThan(100);

            ImageTooLargeException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> catchThrowableOfType(() -> Images.read(bomb, "bomb.png", Images.DEFAULT_MAX_PIXELS)));

            assertThat(e.width()).isEqualTo(100_000);
            assertThat(e.height()).isEqualTo(100_000);
            assertThat(e.limit()).isEqualTo(Images.DEFAULT_MAX_PIXELS);
            assertThat(e).hasMessageContaining("bomb.png");
        }

        @Test
        void hugeFileOnDiskFailsFast() throws IOException {
            Path bomb = file("bomb.png", png(100_000, 100_000, 8, RGB, deflate(new byte[64])));

            assertThatThrownBy(() -> Images.read(bomb))
                    .isInstanceOf(ImageTooLargeException.class)
                    .hasMessageContaining(bomb.toString());
        }

        @Test
        void jpegDeclaringAHugeFrameFailsFast() {
            byte[] jpeg = encodeWithJdk(noise(16, 16, 12), "jpeg", false);
            int sof = indexOf(jpeg, bytes(0xff, 0xc0));
            // SOF0: length (2), precision (1), height (2), width (2)
            jpeg[sof + 5] = jpeg[sof + 7] = (byte) 0xfd;
            jpeg[sof + 6] = jpeg[sof + 8] = (byte) 0xe8;

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Images.read(jpeg)))
                    .isInstanceOf(ImageTooLargeException.class)
                    .hasMessageContaining("65000x65000");
        }

        @Test
        void gifFrameLargerThanItsScreenIsChecked() {
            // A 10x10 logical screen whose first frame claims 60000x60000.
            byte[] gif = bytes('G', 'I', 'F', '8', '9', 'a', 10, 0, 10, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
                    0x2c, 0, 0, 0, 0, 0x60, 0xea, 0x60, 0xea, 0, 2, 2, 0x4c, 0x01, 0, 0x3b);

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Images.read(gif)))
                    .isInstanceOf(ImageTooLargeException.class);
        }

        @Test
        void bmpDeclaringAHugeSizeFailsFast() {
            ByteBuffer bmp = ByteBuffer.allocate(70).order(ByteOrder.LITTLE_ENDIAN);
            bmp.put((byte) 'B').put((byte) 'M').putInt(70).putInt(0).putInt(54)
                    .putInt(40).putInt(100_000).putInt(100_000).putShort((short) 1).putShort((short) 24);

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Images.read(bmp.array())))
                    .isInstanceOf(ImageTooLargeException.class);
        }

        @Test
        void tiffDeclaringAHugeSizeFailsFast() {
            byte[] tiff = encodeWithJdk(noise(16, 16, 13), "tiff", false);
            // ImageWidth and ImageLength; a SHORT field holds at most 65535.
            setTiffField(tiff, 256, 100_000);
            setTiffField(tiff, 257, 100_000);

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Images.read(tiff)))
                    .isInstanceOf(ImageTooLargeException.class);
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            for (int i = 0; i + pattern.length <= data.length; i++) {
                if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                    return i;
                }
            }
            throw new AssertionError("pattern not found");
        }

        @ParameterizedTest
        @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
        void limitIsExactForEveryFormat(String format) {
            byte[] data = encodeWithJdk(noise(40, 30, 9), format, false);

            assertThat(Images.read(data, "ok", 1200).width()).isEqualTo(40);
            assertThatThrownBy(() -> Images.read(data, "big", 1199)).isInstanceOf(ImageTooLargeException.class);
        }

        @Test
        void lyingHeaderWithinTheLimitIsAReadErrorNotACrash() {
            // Declares 6000 x 6000 but holds a single row of data.
            byte[] liar = png(6000, 6000, 8, RGB, deflate(new byte[1 + 3 * 6000]));

            Throwable thrown = catchThrowable(() -> Images.read(liar));

            assertThat(thrown).isExactlyInstanceOf(ImageReadException.class);
        }

        private ImageTooLargeException catchThrowableOfType(Runnable read) {
            try {
                read.run();
            } catch (ImageTooLargeException e) {
                return e;
            }
            throw new AssertionError("expected ImageTooLargeException");
        }
    }

    @Nested
    class Writing {
        private final RgbImage image = RgbImage.fromBufferedImage(noise(9, 6, 10));

        private List<String> namesIn(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }

        @Test
        void createsMissingParentDirectories() {
            Path out = dir.resolve("a/b/c/out.png");

            Images.write(image, out);

            assertThat(Images.read(out)).isEqualTo(image);
        }

        @Test
        void relativePathInWorkingDirectoryWorks() throws IOException {
            Path out = Path.of("target", "images-test-" + System.nanoTime() + ".png");
            try {
                Images.write(image, out);
                assertThat(Images.read(out)).isEqualTo(image);
            } finally {
                Files.deleteIfExists(out);
            }
        }

        @Test
        void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
            Path out = file("out.png", "old".getBytes());

            Images.write(image, out);

            assertThat(Images.read(out)).isEqualTo(image);
            assertThat(namesIn(dir)).containsExactly("out.png");
        }

        @Test
        void extensionChoosesTheFormatWhateverItsCase() throws IOException {
            Images.write(image, dir.resolve("a.JPG"));
            Images.write(image, dir.resolve("b.jpeg"));
            Images.write(image, dir.resolve("c.PNG"));

            assertThat(Files.readAllBytes(dir.resolve("a.JPG"))).startsWith(0xff, 0xd8, 0xff);
            assertThat(Files.readAllBytes(dir.resolve("b.jpeg"))).startsWith(0xff, 0xd8, 0xff);
            assertThat(Files.readAllBytes(dir.resolve("c.PNG"))).startsWith(0x89, 'P', 'N', 'G');
        }

        @Test
        void jpegIsWrittenAtHighQuality() {
            RgbImage smooth = RgbImage.fromBufferedImage(gradient(64, 64));

            byte[] jpeg = Images.encode(smooth, "jpeg");

            assertThat(PictureDifference.mean(Images.read(jpeg), smooth)).isLessThan(1.5);
        }

        @Test
        void unknownExtensionIsRefusedAndTouchesNothing() throws IOException {
            Path out = file("out.bmp", "old".getBytes());

            assertThatThrownBy(() -> Images.write(image, out))
                    .isInstanceOf(ImageWriteException.class)
                    .hasMessageContaining("'bmp'");
            assertThat(Files.readString(out)).isEqualTo("old");
            assertThat(namesIn(dir)).containsExactly("out.bmp");
        }

        @Test
        void missingExtensionIsRefused() {
            assertThatThrownBy(() -> Images.write(image, dir.resolve("out")))
                    .isInstanceOf(ImageWriteException.class)
                    .hasMessageContaining("''");
            assertThat(dir.resolve("out")).doesNotExist();
        }

        @Test
        void failedMoveLeavesTheDestinationAndNoTemporaryFile() throws IOException {
            // A non-empty directory cannot be replaced by a file, so the final move fails.
            Path out = Files.createDirectory(dir.resolve("out.png"));
            Files.writeString(out.resolve("keep.txt"), "precious");

            assertThatThrownBy(() -> Images.write(image, out))
                    .isInstanceOf(ImageWriteException.class)
                    .hasMessageContaining(out.toString());
            assertThat(namesIn(dir)).containsExactly("out.png");
            assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("precious");
        }

        @Test
        void parentThatIsAFileFails() throws IOException {
            Path blocker = file("blocker", "x".getBytes());

            assertThatThrownBy(() -> Images.write(image, blocker.resolve("out.png")))
                    .isInstanceOf(ImageWriteException.class);
            assertThat(Files.readString(blocker)).isEqualTo("x");
        }
    }
}
