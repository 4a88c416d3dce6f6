// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

/** How a network expects (or produces) pixel values. */
public enum PixelRange {
    /** 0..255, as the pictures are. */
    BYTE(1f, 0f),
    /** -1..1: {@code x / 127.5 - 1}. */
    SIGNED(1f / 127.5f, -1f);

    private final float scale;
    private final float offset;

    PixelRange(float scale, float offset) {
        this.scale = scale;
        this.offset = offset;
    }

    /**
     * A 0..255 sample in this range.
     *
     * @param v a sample on the 0..255 scale
     * @return the same sample on this range's scale
     */
    public float fromBytes(float v) {
        return v * scale + offset;
    }

    /**
     * A value of this range on the 0..255 scale, clamped.
     *
     * @param v a value on this range's scale
     * @return the value on the 0..255 scale, clamped to 0..255
     */
    public float toBytes(float v) {
        float b = (v - offset) / scale;
        return b < 0 ? 0 : Math.min(255f, b);
    }
}
