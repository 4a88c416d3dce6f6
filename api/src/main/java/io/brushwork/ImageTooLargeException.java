// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** An image declares more pixels than the allowed limit; raised before its pixels are decoded. */
public class ImageTooLargeException extends ImageReadException {
    private static final long serialVersionUID = 1L;
    /** The declared width, in pixels. */
    private final long width;
    /** The declared height, in pixels. */
    private final long height;
    /** The pixel limit that was exceeded. */
    private final long limit;

    /**
     * Creates the exception for an image whose declared size exceeds a limit.
     *
     * @param source the name of the image, such as its file, {@code <stream>} or {@code <bytes>}
     * @param width the width the image declares, in pixels
     * @param height the height the image declares, in pixels
     * @param limit the most pixels (width times height) that were allowed
     */
    public ImageTooLargeException(String source, long width, long height, long limit) {
        super(source + ": image of " + width + "x" + height + " = " + (width * height)
                + " pixels exceeds the limit of " + limit + " pixels");
        this.width = width;
        this.height = height;
        this.limit = limit;
    }

    /**
     * The width the image declares.
     *
     * @return the declared width, in pixels
     */
    public long width() {
        return width;
    }

    /**
     * The height the image declares.
     *
     * @return the declared height, in pixels
     */
    public long height() {
        return height;
    }

    /**
     * The pixel limit the image exceeds.
     *
     * @return the most pixels (width times height) that were allowed
     */
    public long limit() {
        return limit;
    }
}
