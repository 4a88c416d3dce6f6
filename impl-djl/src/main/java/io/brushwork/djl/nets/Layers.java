// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

import java.util.List;

/**
 * DJL blocks for the feed-forward architectures, with frozen weights from a {@link NetworkWeights}.
 * DJL has convolutions but no reflection padding, TensorFlow SAME padding or instance norm: they
 * are written here once, as lambda blocks.
 */
public final class Layers {
    private Layers() {
    }

    /**
     * A 2-D convolution with weights {@code key.weight} [out, in, k, k] (and {@code key.bias} when {@code bias}).
     *
     * @param w the checked weights
     * @param key the layer's key prefix, such as {@code conv1}
     * @param stride the stride along H and W
     * @param padding the zero padding on every side, in pixels
     * @param bias whether the layer has a bias
     * @return the convolution, its weights set and frozen
     */
    public static Block conv(NetworkWeights w, String key, int stride, int padding, boolean bias) {
        NDArray weight = w.array(key + ".weight");
        Shape s = weight.getShape();
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(s.get(2), s.get(3)))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .setFilters((int) s.get(0))
                .optBias(bias)
                .build();
        return frozen(conv, w, key, weight, bias, s.get(1));
    }

    /**
     * A transposed convolution, weights in PyTorch's layout [in, out, k, k], as
     * {@code nn.ConvTranspose2d(stride, padding, output_padding)}. DJL's PyTorch engine has no
     * deconvolution, so it is computed as its equivalent: zeros inserted between input samples,
     * zero padding of k-1-padding (plus output_padding after), then an ordinary convolution with
     * the kernel flipped and its channel axes swapped.
     *
     * @param w the checked weights
     * @param key the layer's key prefix, such as {@code deconv1}
     * @param stride the stride along H and W
     * @param padding PyTorch's {@code padding}, at most k - 1
     * @param outputPadding extra rows and columns added after (bottom, right)
     * @param bias whether the layer has a bias
     * @return the transposed convolution, its weights set and frozen
     * @throws IllegalArgumentException if the kernel is not square or {@code padding} exceeds k - 1
     */
    public static Block convTranspose(NetworkWeights w, String key, int stride, int padding, int outputPadding,
                                      boolean bias) {
        NDArray weight = w.array(key + ".weight");
        Shape s = weight.getShape();
        int k = (int) s.get(2);
        if (s.get(3) != k) {
            throw new IllegalArgumentException(key + ": transposed convolutions need square kernels, got " + s);
        }
        if (padding > k - 1) {
            throw new IllegalArgumentException(key + ": padding " + padding + " larger than kernel - 1");
        }
        if (stride == 2 && k >= 2) {
            return subPixel(w, key, weight, padding, outputPadding, bias);
        }
        NDArray equivalent = weight.transpose(1, 0, 2, 3).flip(2).flip(3);
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(k, s.get(3)))
                .setFilters((int) s.get(1))
                .optBias(bias)
                .build();
        int before = k - 1 - padding;
        int after = before + outputPadding;
        Block spread = new LambdaBlock(in -> {
            NDArray x = dilate(in.singletonOrThrow(), stride);
            return new NDList(x.pad(new Shape(before, after, before, after), 0));
        }, "spread" + stride);
        return new SequentialBlock().add(spread).add(frozen(conv, w, key, equivalent, bias, s.get(0)));
    }

    /** The kernel taps that reach output phase {@code r} of a stride-2 transposed convolution. */
    private record Phase(int[] taps, int firstOffset, int lastOffset) {
        /**
         * Output {@code 2q + r} sums {@code x[q + d] * W[t]} over the taps t with r + padding - t
         * even, d = (r + padding - t) / 2; taps are listed by increasing d, as a correlation
         * kernel wants them.
         */
        static Phase of(int r, int k, int padding) {
            List<Integer> taps = new java.util.ArrayList<>();
            for (int t = k - 1; t >= 0; t--) {
                if (((r + padding - t) & 1) == 0) {
                    taps.add(t);
                }
            }
            int first = (r + padding - taps.get(0)) / 2;
            return new Phase(taps.stream().mapToInt(Integer::intValue).toArray(), first, first + taps.size() - 1);
        }
    }

    /**
     * A stride-2 transposed convolution as four small convolutions at the input's resolution, one
     * per output phase (row and column parity), interleaved: the same sums as zero-insertion
     * followed by a full convolution, without multiplying the three quarters of zeros.
     */
    private static Block subPixel(NetworkWeights w, String key, NDArray weight, int padding, int outputPadding,
                                  boolean bias) {
        Shape s = weight.getShape();
        int in = (int) s.get(0);
        int out = (int) s.get(1);
        int k = (int) s.get(2);
        float[] wt = weight.toFloatArray();
        Phase[] phases = {Phase.of(0, k, padding), Phase.of(1, k, padding)};
        NDArray[][] kernels = new NDArray[2][2];
        for (int ry = 0; ry < 2; ry++) {
            for (int rx = 0; rx < 2; rx++) {
                int[] ty = phases[ry].taps();
                int[] tx = phases[rx].taps();
                float[] kk = new float[out * in * ty.length * tx.length];
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        for (int a = 0; a < ty.length; a++) {
                            for (int b = 0; b < tx.length; b++) {
                                kk[((o * in + i) * ty.length + a) * tx.length + b] = wt[((i * out + o) * k + ty[a]) * k + tx[b]];
                            }
                        }
                    }
                }
                kernels[ry][rx] = w.manager().create(kk, new Shape(out, in, ty.length, tx.length));
            }
        }
        NDArray biasArray = bias ? w.array(key + ".bias").reshape(1, -1, 1, 1) : null;
        return new LambdaBlock(inputs -> {
            NDArray x = inputs.singletonOrThrow();
            long n = x.getShape().get(0);
            long h = x.getShape().get(2);
            long wd = x.getShape().get(3);
            long outH = (h - 1) * 2 - 2L * padding + k + outputPadding;
            long outW = (wd - 1) * 2 - 2L * padding + k + outputPadding;
            long qh = (outH + 1) / 2;
            long qw = (outW + 1) / 2;
            NDArray[][] parts = new NDArray[2][2];
            for (int ry = 0; ry < 2; ry++) {
                for (int rx = 0; rx < 2; rx++) {
                    Phase py = phases[ry];
                    Phase px = phases[rx];
                    long beforeY = Math.max(0, -py.firstOffset());
                    long afterY = Math.max(0, qh - 1 + py.lastOffset() - (h - 1));
                    long beforeX = Math.max(0, -px.firstOffset());
                    long afterX = Math.max(0, qw - 1 + px.lastOffset() - (wd - 1));
                    NDArray padded = x.pad(new Shape(beforeX, afterX, beforeY, afterY), 0);
                    NDArray full = Conv2d.conv2d(padded, kernels[ry][rx]).singletonOrThrow();
                    long y0 = py.firstOffset() + beforeY;
                    long x0 = px.firstOffset() + beforeX;
                    parts[ry][rx] = full.get(new NDIndex(":, :, " + y0 + ":" + (y0 + qh) + ", " + x0 + ":" + (x0 + qw)));
                }
            }
            NDArray top = NDArrays.stack(new NDList(parts[0][0], parts[0][1]), 4).reshape(n, out, qh, 2 * qw);
            NDArray bottom = NDArrays.stack(new NDList(parts[1][0], parts[1][1]), 4).reshape(n, out, qh, 2 * qw);
            NDArray y = NDArrays.stack(new NDList(top, bottom), 3).reshape(n, out, 2 * qh, 2 * qw);
            if (2 * qh != outH || 2 * qw != outW) {
                y = y.get(new NDIndex(":, :, :" + outH + ", :" + outW));
            }
            return new NDList(biasArray == null ? y : y.add(biasArray));
        }, "subPixelTransposed");
    }

    /** Inserts {@code stride - 1} zeros between neighbouring samples along H and W. */
    static NDArray dilate(NDArray x, int stride) {
        if (stride == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long wd = s.get(3);
        NDArray spread = x.reshape(n, c, h, 1, wd, 1)
                .pad(new Shape(0, stride - 1, 0, 0, 0, stride - 1), 0)
                .reshape(n, c, h * stride, wd * stride);
        return spread.get(new NDIndex(":, :, :" + ((h - 1) * stride + 1) + ", :" + ((wd - 1) * stride + 1)));
    }

    private static Block frozen(Block block, NetworkWeights w, String key, NDArray weight, boolean bias, long inChannels) {
        block.getParameters().get("weight").setArray(weight);
        if (bias) {
            block.getParameters().get("bias").setArray(w.array(key + ".bias"));
        }
        block.freezeParameters(true);
        // The arrays are set, so this only records the input shape; nothing is drawn at random.
        block.initialize(w.manager(), DataType.FLOAT32, new Shape(1, inChannels, 8, 8));
        return block;
    }

    /**
     * Reflection padding of {@code p} pixels on every side ({@code nn.ReflectionPad2d}).
     *
     * @param p the padding in pixels; 0 for none, less than each side of the input
     * @return a block padding [N, C, H, W] to [N, C, H + 2p, W + 2p]
     */
    public static Block reflectionPad(int p) {
        return new LambdaBlock(in -> new NDList(reflect(in.singletonOrThrow(), p)), "reflectionPad" + p);
    }

    /**
     * Pads the last two axes by mirroring about the edge sample (the edge itself is not
     * repeated), as {@code torch.nn.functional.pad(mode="reflect")}.
     */
    static NDArray reflect(NDArray x, int p) {
        if (p == 0) {
            return x;
        }
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (p >= h || p >= w) {
            throw new IllegalArgumentException("reflection padding " + p + " needs a picture larger than "
                    + p + " pixels on each side, got " + w + "x" + h);
        }
        NDArray left = x.get(new NDIndex(":, :, :, 1:" + (p + 1))).flip(3);
        NDArray right = x.get(new NDIndex(":, :, :, " + (w - p - 1) + ":" + (w - 1))).flip(3);
        NDArray wide = left.concat(x, 3).concat(right, 3);
        NDArray top = wide.get(new NDIndex(":, :, 1:" + (p + 1) + ", :")).flip(2);
        NDArray bottom = wide.get(new NDIndex(":, :, " + (h - p - 1) + ":" + (h - 1) + ", :")).flip(2);
        return top.concat(wide, 2).concat(bottom, 2);
    }

    /**
     * TensorFlow's SAME zero padding for a {@code kernel} x {@code kernel} convolution of stride
     * {@code stride}: the output is ceil(size / stride), the extra padding going after (bottom,
     * right) when it is odd.
     *
     * @param kernel the convolution's kernel side, in pixels
     * @param stride the convolution's stride
     * @return a block zero-padding the last two axes
     */
    public static Block samePad(int kernel, int stride) {
        return new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            long[] before = new long[2];
            long[] after = new long[2];
            for (int axis = 0; axis < 2; axis++) {
                long size = x.getShape().get(2 + axis);
                long out = (size + stride - 1) / stride;
                long total = Math.max((out - 1) * stride + kernel - size, 0);
                before[axis] = total / 2;
                after[axis] = total - before[axis];
            }
            // DJL's pad takes (left, right, top, bottom), last axis first, like torch's F.pad.
            return new NDList(x.pad(new Shape(before[1], after[1], before[0], after[0]), 0));
        }, "samePad" + kernel + "s" + stride);
    }

    /**
     * Instance normalisation: per sample and channel, {@code (x - mean) / sqrt(var + eps)} over H
     * and W with the biased variance; then {@code * scale + shift} when they are given.
     *
     * @param scale per-channel scale [C], or null for none
     * @param shift per-channel shift [C], or null for none
     * @param eps added to the variance, such as 1e-5
     * @return the normalisation block
     */
    public static Block instanceNorm(NDArray scale, NDArray shift, float eps) {
        NDArray s = scale == null ? null : scale.reshape(1, -1, 1, 1);
        NDArray b = shift == null ? null : shift.reshape(1, -1, 1, 1);
        return new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            NDArray mean = spatialMean(x);
            NDArray centred = x.sub(mean);
            NDArray var = spatialMean(centred.square());
            NDArray y = centred.div(var.add(eps).sqrt());
            if (s != null) {
                y = y.mul(s);
            }
            if (b != null) {
                y = y.add(b);
            }
            return new NDList(y);
        }, "instanceNorm");
    }

    /** Mean over H and W, kept as [N, C, 1, 1] (DJL's PyTorch mean reduces one axis at a time). */
    private static NDArray spatialMean(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}, true).reshape(s.get(0), s.get(1), 1, 1);
    }

    /**
     * Batch normalisation in inference mode, from {@code key.weight/bias/running_mean/running_var}.
     *
     * @param w the checked weights
     * @param key the layer's key prefix, such as {@code main.1}
     * @param eps added to the running variance, such as 1e-5
     * @return the normalisation block, with the statistics folded into one scale and offset
     * @throws io.brushwork.ModelException if the file lacks the running statistics
     */
    public static Block batchNorm(NetworkWeights w, String key, float eps) {
        if (!w.has(key + ".running_mean") || !w.has(key + ".running_var")) {
            // The key check lets norm statistics be absent (InstanceNorm files); batch norm needs them.
            throw new io.brushwork.ModelException("batch norm '" + key + "' has no running_mean/running_var in the"
                    + " file; inference needs the statistics saved with the model");
        }
        NDArray mean = w.array(key + ".running_mean").reshape(1, -1, 1, 1);
        NDArray std = w.array(key + ".running_var").add(eps).sqrt().reshape(1, -1, 1, 1);
        NDArray gamma = w.array(key + ".weight").reshape(1, -1, 1, 1);
        NDArray beta = w.array(key + ".bias").reshape(1, -1, 1, 1);
        // Folded once: y = x * gamma / std + (beta - mean * gamma / std).
        NDArray scale = gamma.div(std);
        NDArray offset = beta.sub(mean.mul(scale));
        return new LambdaBlock(in -> new NDList(in.singletonOrThrow().mul(scale).add(offset)), "batchNorm");
    }

    /**
     * {@code x + body(x)}.
     *
     * @param body a block whose output has its input's shape
     * @return the residual block
     */
    public static Block residual(Block body) {
        return new ParallelBlock(outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
                List.of(body, Blocks.identityBlock()));
    }

    /**
     * Nearest-neighbour upsampling by an integer factor ({@code nn.Upsample(mode="nearest")}).
     *
     * @param factor how many times each pixel is repeated along H and along W
     * @return a block mapping [N, C, H, W] to [N, C, factor H, factor W]
     */
    public static Block upsampleNearest(int factor) {
        return new LambdaBlock(in -> new NDList(in.singletonOrThrow().repeat(2, factor).repeat(3, factor)),
                "upsample" + factor);
    }

    /**
     * Drops the last row and column.
     *
     * @return a block mapping [N, C, H, W] to [N, C, H - 1, W - 1]
     */
    public static Block cropLastRowAndColumn() {
        return new LambdaBlock(in -> new NDList(in.singletonOrThrow().get(new NDIndex(":, :, :-1, :-1"))),
                "cropLast");
    }

    /**
     * {@code f(x) = x * a + b}, elementwise.
     *
     * @param a the factor
     * @param b the offset
     * @return the affine block
     */
    public static Block affine(float a, float b) {
        return new LambdaBlock(in -> new NDList(in.singletonOrThrow().mul(a).add(b)), "affine");
    }
}
