// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Engine;
import io.brushwork.InvalidOptionException;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.Translator;
import io.brushwork.djl.nets.PixelRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A {@link Translator} over any network that maps [N,3,H,W] to [N,3,H,W]: pictures are resized
 * when asked, reflection-padded to the network's size multiple, run in batches of equal size,
 * then cropped and resized back. The network itself is behind {@link Forward}, so DJL blocks,
 * TorchScript and ONNX graphs share this.
 */
final class NetworkTranslator extends FeedForwardNetwork implements Translator {
    private static final int MIN_SIDE = 8;

    private final PixelRange input;
    private final PixelRange output;
    private final int multiple;
    private final OptionalInt processingSize;
    private final int[] fixedSize;

    /**
     * @param fixedSize width and height a graph with fixed input dimensions needs, or null
     */
    NetworkTranslator(Forward forward, Architecture architecture, Engine engine, String device, PixelRange input,
                      PixelRange output, int multiple, OptionalInt processingSize, int[] fixedSize) {
        super(forward, architecture, engine, device);
        this.input = input;
        this.output = output;
        this.multiple = multiple;
        this.processingSize = processingSize;
        this.fixedSize = fixedSize;
    }

    @Override
    public RgbImage translate(RgbImage picture) {
        return translate(List.of(picture)).get(0);
    }

    @Override
    public List<RgbImage> translate(List<RgbImage> pictures) {
        Objects.requireNonNull(pictures, "pictures");
        List<RgbImage> resized = new ArrayList<>(pictures.size());
        for (RgbImage p : pictures) {
            if (p == null) {
                throw new InvalidOptionException("pictures", "a picture is null");
            }
            resized.add(toProcessingSize(p));
        }
        // Same-size pictures share one forward pass; order is restored afterwards.
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < resized.size(); i++) {
            RgbImage p = resized.get(i);
            groups.computeIfAbsent(((long) p.width() << 32) | p.height(), k -> new ArrayList<>()).add(i);
        }
        RgbImage[] out = new RgbImage[pictures.size()];
        for (List<Integer> group : groups.values()) {
            List<RgbImage> batch = group.stream().map(resized::get).toList();
            List<RgbImage> results = runBatch(batch);
            for (int k = 0; k < group.size(); k++) {
                RgbImage original = pictures.get(group.get(k));
                out[group.get(k)] = results.get(k).resize(original.width(), original.height());
            }
        }
        return List.of(out);
    }

    private RgbImage toProcessingSize(RgbImage p) {
        if (fixedSize != null) {
            return p.resize(fixedSize[0], fixedSize[1]);
        }
        if (processingSize.isPresent()) {
            return p.resizeLongSide(processingSize.getAsInt());
        }
        return p;
    }

    private List<RgbImage> runBatch(List<RgbImage> batch) {
        int w = batch.get(0).width();
        int h = batch.get(0).height();
        int pw = roundUp(w);
        int ph = roundUp(h);
        if ((long) pw * ph > StyleTransfer.MAX_PIXELS) {
            throw new InvalidOptionException("pictures", w + "x" + h + " exceeds " + StyleTransfer.MAX_PIXELS + " pixels");
        }
        int plane = pw * ph;
        float[] packed = new float[batch.size() * 3 * plane];
        for (int n = 0; n < batch.size(); n++) {
            float[] src = batch.get(n).planes();
            for (int c = 0; c < 3; c++) {
                int base = (n * 3 + c) * plane;
                for (int y = 0; y < ph; y++) {
                    int sy = mirror(y, h);
                    for (int x = 0; x < pw; x++) {
                        packed[base + y * pw + x] = input.fromBytes(src[(c * h + sy) * w + mirror(x, w)]);
                    }
                }
            }
        }
        float[] result = forward.run(packed, new long[] {batch.size(), 3, ph, pw});
        if (result.length != packed.length) {
            throw new io.brushwork.EngineException("the " + architecture().id() + " network returned " + result.length
                    + " values for a " + batch.size() + "x3x" + ph + "x" + pw + " batch; it must keep the picture size");
        }
        List<RgbImage> out = new ArrayList<>(batch.size());
        for (int n = 0; n < batch.size(); n++) {
            float[] planes = new float[3 * w * h];
            for (int c = 0; c < 3; c++) {
                int base = (n * 3 + c) * plane;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        planes[(c * h + y) * w + x] = output.toBytes(result[base + y * pw + x]);
                    }
                }
            }
            out.add(RgbImage.of(w, h, planes));
        }
        return out;
    }

    /**
     * The padded side: a multiple of the network's, and at least 8, since the deepest reflection
     * padding of the architectures needs a quarter-size map of 2 pixels or more.
     */
    private int roundUp(int v) {
        return Math.max(MIN_SIDE, (v + multiple - 1) / multiple * multiple);
    }

    /** Reflects an index past the end back into 0..size-1 (edge repeated only for pictures too small to mirror). */
    static int mirror(int i, int size) {
        if (i < size) {
            return i;
        }
        // Mirror as often as needed for pictures smaller than the padding (a 1-pixel side repeats its edge).
        int period = Math.max(1, 2 * (size - 1));
        int m = i % period;
        return m < size ? m : period - m;
    }
}
