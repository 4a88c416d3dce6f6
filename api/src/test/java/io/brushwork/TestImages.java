// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Fixtures for image tests: hand-built PNGs (exact control over every header field) and JDK-encoded files. */
final class TestImages {
    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    private TestImages() {
    }

    /**
     * A PNG with the given header and raw sample rows (filter byte 0 is prepended to each row).
     * {@code extraChunks} (already framed by {@link #chunk}) go between IHDR and IDAT.
     */
    static byte[] png(int width, int height, int bitDepth, int colorType, byte[][] rows, byte[]... extraChunks) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] row : rows) {
            raw.write(0);
            raw.writeBytes(row);
        }
        return png(width, height, bitDepth, colorType, deflate(raw.toByteArray()), extraChunks);
    }

    /** A PNG with the given header and an IDAT holding {@code compressed} as is. */
    static byte[] png(int width, int height, int bitDepth, int colorType, byte[] compressed, byte[]... extraChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        for (byte[] extra : extraChunks) {
            out.writeBytes(extra);
        }
        out.writeBytes(chunk("IDAT", compressed));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@code count} zero bytes, zlib-compressed at level 9 without ever holding them: 1 GiB becomes
     * about 1 MB, the shape of a decompression bomb.
     */
    static byte[] deflatedZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 16];
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (long left = count; left > 0; left -= zeros.length) {
                deflater.setInput(zeros, 0, (int) Math.min(left, zeros.length));
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Encodes with the JDK; {@code progressive} means progressive JPEG or interlaced PNG. */
    static byte[] encodeWithJdk(BufferedImage image, String format, boolean progressive) {
        return encodeWithJdk(new IIOImage(image, null, null), format, param -> {
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
        });
    }

    /** Encodes raw samples with the JDK, which stores them without colour conversion (JPEG only). */
    static byte[] encodeRasterWithJdk(Raster raster) {
        return encodeWithJdk(new IIOImage(raster, null, null), "jpeg", param -> { });
    }

    /** A TIFF in tiles of the given size, which may overhang the picture's edges. */
    static byte[] tiledTiffWithJdk(BufferedImage image, int tileWidth, int tileLength) {
        return encodeWithJdk(new IIOImage(image, null, null), "tiff", param -> {
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(tileWidth, tileLength, 0, 0);
        });
    }

    /** TIFFs are LZW-compressed, the most common choice. */
    private static byte[] encodeWithJdk(IIOImage image, String format, Consumer<ImageWriteParam> settings) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("LZW");
            }
            settings.accept(param);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Sets a field of a TIFF's first directory whose single SHORT or LONG value is held in the
     * entry itself, as the JDK writes the sizes and sample counts.
     */
    static void setTiffField(byte[] tiff, int tag, int value) {
        ByteOrder order = tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(tiff).order(order);
        int directory = buffer.getInt(4);
        int entries = buffer.getShort(directory) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if ((buffer.getShort(entry) & 0xffff) == tag) {
                if (buffer.getShort(entry + 2) == 3) {
                    buffer.putShort(entry + 8, (short) Math.min(value, 0xffff));
                } else {
                    buffer.putInt(entry + 8, value);
                }
                return;
            }
        }
        throw new AssertionError("no field " + tag + " in the TIFF's first directory");
    }

    /** Uniform random 8-bit colours: any lossy step shows. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt() & 0xffffff);
            }
        }
        return image;
    }

    /** Smooth colour gradients, which JPEG keeps close. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / (width - 1);
                int g = 255 * y / (height - 1);
                int b = 128 + (int) (60 * Math.sin((x + y) / 15.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
