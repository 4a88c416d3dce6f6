package io.brushwork;

/** An image declares more pixels than the allowed limit; raised before its pixels are decoded. */
public class ImageTooLargeException extends ImageReadException {
    private static final long serialVersionUID = 1L;
    private final long width;
    private final long height;
    private final long limit;

    public ImageTooLargeException(String source, long width, long height, long limit) {
        super(source + ": image of " + width + "x" + height + " = " + (width * height)
                + " pixels exceeds the limit of " + limit + " pixels");
        this.width = width;
        this.height = height;
        this.limit = limit;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public long limit() {
        return limit;
    }
}
