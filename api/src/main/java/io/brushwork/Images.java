// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.commons.imaging.AbstractImageParser;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingParameters;
import org.apache.commons.imaging.common.BufferedImageFactory;
import org.apache.commons.imaging.formats.bmp.BmpImageParser;
import org.apache.commons.imaging.formats.gif.GifImageParser;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;

/**
 * Reading and writing pictures as {@link RgbImage}s.
 *
 * <p>Reading recognises PNG, JPEG, GIF (first frame), BMP and TIFF by their content, whatever
 * the file is called. The declared size is checked against a pixel limit before any pixel is
 * decoded, so a small file claiming to be enormous fails fast. What else the data declares is
 * bounded as well before a decoder sees it (PNG chunks and their compressed metadata, TIFF tiles
 * and samples, the BMP palette; a GIF is cut after its first frame), and a path must name a
 * regular file of at most 1 GiB, so that a few kilobytes cannot make a decoder take gigabytes.
 * Grey pictures become three equal channels; transparent ones are composited over white. Every
 * failure is an {@link ImageReadException} naming the source.
 *
 * <p>Writing chooses PNG or JPEG from the file extension and replaces the destination atomically.
 */
public final class Images {
    /** The pixel limit of the reading methods that take none: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** Inputs are held in memory whole; beyond this size they are refused rather than risked. */
    private static final int MAX_INPUT_BYTES = 1 << 30;
    private static final float JPEG_QUALITY = 0.95f;
    private static final String STREAM_SOURCE = "<stream>";
    private static final String BYTES_SOURCE = "<bytes>";

    /**
     * Makes Commons Imaging decode grey into sRGB images: its default grey images use Java's
     * linear grey colour space, which throws away most shadow levels.
     */
    private static final BufferedImageFactory SRGB_IMAGES = new BufferedImageFactory() {
        @Override
        public BufferedImage getColorBufferedImage(int width, int height, boolean hasAlpha) {
            return new BufferedImage(width, height, hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public BufferedImage getGrayscaleBufferedImage(int width, int height, boolean hasAlpha) {
            return getColorBufferedImage(width, height, hasAlpha);
        }
    };

    private Images() {
    }

    /**
     * Reads an image file with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}.
     *
     * @param path the file
     * @return the picture
     * @throws ImageTooLargeException if the image declares more than {@link #DEFAULT_MAX_PIXELS} pixels
     * @throws ImageReadException if the file is missing, not a regular file (a directory, FIFO or device),
     *     unreadable, over 1 GiB, empty, not a supported image, corrupt or beyond a metadata limit
     */
    public static RgbImage read(Path path) {
        return read(path, DEFAULT_MAX_PIXELS);
    }

    /**
     * Reads an image file.
     *
     * @param path the file
     * @param maxPixels the most pixels (width times height) the image may declare
     * @return the picture
     * @throws ImageTooLargeException if the image declares more than {@code maxPixels} pixels
     * @throws ImageReadException if the file is missing, not a regular file (a directory, FIFO or device),
     *     unreadable, over 1 GiB, empty, not a supported image, corrupt or beyond a metadata limit
     */
    public static RgbImage read(Path path, long maxPixels) {
        Objects.requireNonNull(path, "path");
        checkLimit(maxPixels);
        byte[] data = RegularFiles.read(path, MAX_INPUT_BYTES, ImageReadException::new);
        return decode(data, path.toString(), maxPixels);
    }

    /**
     * Reads an image from a stream, to its end, with the {@linkplain #DEFAULT_MAX_PIXELS default
     * pixel limit}. The stream is left open.
     *
     * @param in the stream, read to its end
     * @return the picture
     * @throws ImageReadException if the stream fails, holds more than 1 GiB, or is not a readable image
     */
    public static RgbImage read(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] data;
        try {
            data = in.readNBytes(MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            throw new ImageReadException(STREAM_SOURCE + ": cannot read stream: " + e, e);
        }
        if (data.length > MAX_INPUT_BYTES) {
            throw new ImageReadException(STREAM_SOURCE + ": stream holds more than " + MAX_INPUT_BYTES + " bytes");
        }
        return decode(data, STREAM_SOURCE, DEFAULT_MAX_PIXELS);
    }

    /**
     * Reads an encoded image held in memory, with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}.
     *
     * @param data the encoded image (PNG, JPEG, GIF, BMP or TIFF)
     * @return the picture
     * @throws ImageTooLargeException if the image declares more than {@link #DEFAULT_MAX_PIXELS} pixels
     * @throws ImageReadException if the data is empty, not a supported image or corrupt
     */
    public static RgbImage read(byte[] data) {
        return read(data, BYTES_SOURCE, DEFAULT_MAX_PIXELS);
    }

    /**
     * Reads an encoded image held in memory.
     *
     * @param data the encoded image (PNG, JPEG, GIF, BMP or TIFF)
     * @param sourceName how error messages name the data, such as the file or URL it came from
     * @param maxPixels the most pixels (width times height) the image may declare
     * @return the picture
     * @throws ImageTooLargeException if the image declares more than {@code maxPixels} pixels
     * @throws ImageReadException if the data is empty, not a supported image or corrupt
     */
    public static RgbImage read(byte[] data, String sourceName, long maxPixels) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sourceName, "sourceName");
        checkLimit(maxPixels);
        return decode(data, sourceName, maxPixels);
    }

    /**
     * Writes an image, as PNG or as JPEG (quality 0.95) according to the file extension
     * ({@code .png}, {@code .jpg}, {@code .jpeg}, any case). Missing parent directories are
     * created. The file is written beside the destination and then moved over it, so readers
     * never see a partial file and, on failure, an existing destination is left as it was.
     *
     * @param image the picture; samples are clamped to 0..255 and rounded
     * @param path the destination file
     * @throws ImageWriteException if the extension is not supported or the file cannot be written
     */
    public static void write(RgbImage image, Path path) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(path, "path");
        Path target = path.toAbsolutePath();
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!extension.equals("png") && !extension.equals("jpg") && !extension.equals("jpeg")) {
            throw new ImageWriteException(path + ": unsupported extension '" + extension
                    + "'; use .png, .jpg or .jpeg");
        }
        byte[] encoded = encode(image, extension);
        try {
            Files.createDirectories(target.getParent());
            AtomicFile.write(target, encoded);
        } catch (IOException | RuntimeException e) {
            throw new ImageWriteException(path + ": cannot write image: " + e, e);
        }
    }

    /**
     * Writes an image as {@link #write(RgbImage, Path)} does, after making sure the destination is
     * none of the files it was made from ({@link OutputFiles#requireNotAnInput}), so that a result
     * never replaces its own content picture:
     * {@code Images.write(result.image(), out, request.inputFiles())}.
     *
     * @param image the picture; samples are clamped to 0..255 and rounded
     * @param path the destination file
     * @param inputs the files the picture was made from, such as {@link StyleTransfer#inputFiles()}
     * @throws ImageWriteException if the destination is one of the inputs, the extension is not
     *     supported or the file cannot be written
     */
    public static void write(RgbImage image, Path path, Collection<Path> inputs) {
        OutputFiles.requireNotAnInput(path, inputs);
        write(image, path);
    }

    /**
     * Encodes an image as {@code "png"} or {@code "jpeg"} ({@code "jpg"} also accepted, any
     * case); JPEG is written at quality 0.95.
     *
     * @param image the picture; samples are clamped to 0..255 and rounded
     * @param format {@code png}, {@code jpeg} or {@code jpg}, any case
     * @return the encoded file's bytes
     * @throws ImageWriteException if the format is not supported or encoding fails
     */
    public static byte[] encode(RgbImage image, String format) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        BufferedImage pixels = image.toBufferedImage();
        try {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "png" -> Imaging.writeImageToBytes(pixels, ImageFormats.PNG);
                case "jpeg", "jpg" -> encodeJpeg(pixels);
                default -> throw new ImageWriteException("unsupported image format '" + format + "'; use png or jpeg");
            };
        } catch (IOException e) {
            throw new ImageWriteException("cannot encode image as " + format + ": " + e, e);
        }
    }

    private static byte[] encodeJpeg(BufferedImage pixels) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void checkLimit(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }

    private static RgbImage decode(byte[] data, String source, long maxPixels) {
        if (data.length == 0) {
            throw new ImageReadException(source + ": empty (0 bytes)");
        }
        Format format = Format.detect(data);
        if (format == null) {
            throw new ImageReadException(source + ": not a PNG, JPEG, GIF, BMP or TIFF image (starts with "
                    + describeStart(data) + ")");
        }
        byte[] bounded = boundedInput(format, data, source);
        Throwable first = null;
        for (Decoder decoder : decodersFor(format, bounded)) {
            try {
                return RgbImage.fromBufferedImage(decoder.decode(bounded, format, source, maxPixels));
            } catch (ImageTooLargeException e) {
                throw e;
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                // Decoders fail in many unchecked ways on corrupt or hostile input; the next one may cope.
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw new ImageReadException(source + ": cannot decode " + format + " image: " + describe(first), first);
    }

    /**
     * Checks what the pixel limit does not cover, before any decoder allocates from it: what a
     * format declares beyond width and height (a GIF is cut after the frame that is read instead).
     * JPEG needs nothing more: beyond the frame, whose size is checked, its decoders allocate
     * only what the data holds.
     */
    private static byte[] boundedInput(Format format, byte[] data, String source) {
        switch (format) {
            case PNG -> PngChunks.check(data, source);
            case TIFF -> TiffLimits.check(data, source);
            case BMP -> BmpLimits.check(data, source);
            case GIF -> {
                return GifFirstFrame.of(data, source);
            }
            case JPEG -> {
            }
        }
        return data;
    }

    /**
     * The JDK decodes JPEG better than Commons Imaging (progressive, and libjpeg's upsampling), so
     * it goes first there; elsewhere Commons Imaging does, the JDK standing in when it fails. A CMYK
     * JPEG goes to the JDK only, since Commons Imaging would silently invert Adobe's colours.
     */
    private static List<Decoder> decodersFor(Format format, byte[] data) {
        if (format != Format.JPEG) {
            return List.of(Decoder.COMMONS_IMAGING, Decoder.IMAGE_IO);
        }
        return JpegLayout.of(data).components() == 4
                ? List.of(Decoder.IMAGE_IO)
                : List.of(Decoder.IMAGE_IO, Decoder.COMMONS_IMAGING);
    }

    /**
     * Refuses an oversized image outright. A size that is not positive is only this decoder's
     * failure, since Commons Imaging reads TIFF sizes above 32767 as negative numbers.
     */
    private static void checkSize(String source, long width, long height, long maxPixels) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IOException("declared size " + width + "x" + height + " is empty");
        }
        if (width * height > maxPixels) {
            throw new ImageTooLargeException(source, width, height, maxPixels);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static String describeStart(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", data[i] & 0xff));
        }
        return hex.toString();
    }

    private enum Format {
        PNG("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
        JPEG("jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
        GIF("gif", "GIF87a".getBytes(StandardCharsets.US_ASCII), "GIF89a".getBytes(StandardCharsets.US_ASCII)),
        BMP("bmp", new byte[] {'B', 'M'}),
        TIFF("tiff", new byte[] {'I', 'I', 42, 0}, new byte[] {'M', 'M', 0, 42});

        final String imageIoName;
        private final byte[][] signatures;

        Format(String imageIoName, byte[]... signatures) {
            this.imageIoName = imageIoName;
            this.signatures = signatures;
        }

        static Format detect(byte[] data) {
            for (Format format : values()) {
                for (byte[] signature : format.signatures) {
                    if (data.length >= signature.length
                            && Arrays.equals(data, 0, signature.length, signature, 0, signature.length)) {
                        return format;
                    }
                }
            }
            return null;
        }
    }

    private enum Decoder {
        COMMONS_IMAGING {
            @Override
            BufferedImage decode(byte[] data, Format format, String source, long maxPixels) throws IOException {
                return switch (format) {
                    case PNG -> decodeWith(new PngImageParser(), data, source, maxPixels);
                    case JPEG -> decodeWith(new JpegImageParser(), data, source, maxPixels);
                    case GIF -> decodeWith(new GifImageParser(), data, source, maxPixels);
                    case BMP -> decodeWith(new BmpImageParser(), data, source, maxPixels);
                    case TIFF -> decodeWith(new TiffImageParser(), data, source, maxPixels);
                };
            }

            private <T extends ImagingParameters<T>> BufferedImage decodeWith(
                    AbstractImageParser<T> parser, byte[] data, String source, long maxPixels) throws IOException {
                T params = parser.getDefaultParameters();
                params.setBufferedImageFactory(SRGB_IMAGES);
                Dimension size = parser.getImageSize(data, params);
                checkSize(source, size.width, size.height, maxPixels);
                return parser.getBufferedImage(data, params);
            }
        },

        IMAGE_IO {
            @Override
            BufferedImage decode(byte[] data, Format format, String source, long maxPixels) throws IOException {
                Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
                if (!readers.hasNext()) {
                    throw new IIOException("no javax.imageio reader for " + format);
                }
                ImageReader reader = readers.next();
                try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
                    reader.setInput(in);
                    checkSize(source, reader.getWidth(0), reader.getHeight(0), maxPixels);
                    // A truncated or damaged JPEG is only reported as a warning, with grey where data is missing.
                    List<String> warnings = new ArrayList<>();
                    reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                    JpegLayout layout = format == Format.JPEG ? JpegLayout.of(data) : null;
                    BufferedImage image = layout != null && layout.components() == 4
                            ? cmykToRgb(reader.readRaster(0, null), layout.adobeTransform())
                            : reader.read(0);
                    if (!warnings.isEmpty()) {
                        throw new IIOException(String.join("; ", warnings));
                    }
                    return image;
                } finally {
                    reader.dispose();
                }
            }
        };

        abstract BufferedImage decode(byte[] data, Format format, String source, long maxPixels) throws IOException;
    }

    /**
     * Converts raw four-channel JPEG samples without colour management, as most viewers do:
     * YCCK is first turned back into CMYK, Adobe's inverted samples (255 = no ink) are inverted,
     * then each of R, G, B is (1 - ink) * (1 - black).
     */
    private static BufferedImage cmykToRgb(Raster raster, int adobeTransform) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        boolean ycck = adobeTransform == 2;
        boolean inverted = adobeTransform >= 0;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[w * 4];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, samples);
            for (int x = 0; x < w; x++) {
                int i = 4 * x;
                float c = samples[i];
                float m = samples[i + 1];
                float ye = samples[i + 2];
                float k = samples[i + 3];
                if (ycck) {
                    float cb = m - 128f;
                    float cr = ye - 128f;
                    float luma = c;
                    c = 255f - clamp(luma + 1.402f * cr);
                    m = 255f - clamp(luma - 0.344136f * cb - 0.714136f * cr);
                    ye = 255f - clamp(luma + 1.772f * cb);
                }
                if (inverted) {
                    c = 255f - c;
                    m = 255f - m;
                    ye = 255f - ye;
                    k = 255f - k;
                }
                float white = (255f - k) / 255f;
                row[x] = (Math.round((255f - c) * white) << 16) | (Math.round((255f - m) * white) << 8)
                        | Math.round((255f - ye) * white);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(255f, v));
    }

    /** What the JPEG markers before the scan say: channel count (0 if unknown) and Adobe transform (-1 if absent). */
    private record JpegLayout(int components, int adobeTransform) {
        static JpegLayout of(byte[] data) {
            int components = 0;
            int adobeTransform = -1;
            int pos = 2;
            while (pos + 4 <= data.length && (data[pos] & 0xff) == 0xff) {
                int marker = data[pos + 1] & 0xff;
                if (marker == 0xff) {
                    pos++;
                    continue;
                }
                if (marker == 0xda || marker == 0xd9) {
                    break;
                }
                int length = ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
                int body = pos + 4;
                boolean isSof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
                if (isSof && body + 5 < data.length) {
                    components = data[body + 5] & 0xff;
                } else if (marker == 0xee && length >= 14 && body + 11 < data.length
                        && new String(data, body, 5, StandardCharsets.US_ASCII).equals("Adobe")) {
                    adobeTransform = data[body + 11] & 0xff;
                }
                pos += 2 + length;
            }
            return new JpegLayout(components, adobeTransform);
        }
    }
}
