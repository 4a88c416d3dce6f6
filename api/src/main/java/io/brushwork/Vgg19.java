// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * The VGG-19 feature network (Simonyan and Zisserman) whose activations define content and style:
 * where its weights come from and how its input is preprocessed. The engine loads it; only the
 * layers up to the deepest one a run asks for are built and evaluated.
 *
 * <p>Layer names follow the paper's blocks: {@code conv1_1, relu1_1, conv1_2, relu1_2, pool1,
 * conv2_1, ...}. A layer's position in {@link #LAYERS} equals its index in torchvision's
 * {@code vgg19().features}, so {@code conv3_1}'s weights are {@code features.10.weight}.
 */
public final class Vgg19 {
    /** Output channels of each block (blocks 1 to 5). */
    private static final int[] BLOCK_CHANNELS = {64, 128, 256, 512, 512};
    /** Convolutions in each block. */
    private static final int[] BLOCK_CONVS = {2, 2, 4, 4, 4};

    /** Every layer name in forward order. */
    public static final List<String> LAYERS;

    static {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < BLOCK_CONVS.length; b++) {
            for (int c = 1; c <= BLOCK_CONVS[b]; c++) {
                names.add("conv" + (b + 1) + "_" + c);
                names.add("relu" + (b + 1) + "_" + c);
            }
            names.add("pool" + (b + 1));
        }
        LAYERS = Collections.unmodifiableList(names);
    }

    /** The model zoo id of the default feature network (torchvision's ImageNet VGG-19). */
    public static final String DEFAULT_ZOO_ID = "vgg19";

    private final @Nullable Path file;
    private final @Nullable Long seed;
    private final @Nullable String zooId;
    private final Preprocessing preprocessing;

    private Vgg19(@Nullable Path file, @Nullable Long seed, @Nullable String zooId, @Nullable Preprocessing preprocessing) {
        this.file = file;
        this.seed = seed;
        this.zooId = zooId;
        this.preprocessing = preprocessing;
    }

    /**
     * Weights from a file with torchvision key names ({@code features.N.weight} [out,in,3,3],
     * {@code features.N.bias}). The file may hold only the first blocks; asking for a layer
     * it lacks fails before any work starts.
     *
     * @param file a {@code .safetensors} or {@code .pth} file, read when a run starts
     * @param preprocessing the convention the weights were trained with
     * @return the feature network
     * @throws ModelException when the file does not exist or is not a regular readable file
     */
    public static Vgg19 fromFile(Path file, Preprocessing preprocessing) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ModelException("VGG-19 weights file not found or not readable: " + file);
        }
        return new Vgg19(file, null, null, Objects.requireNonNull(preprocessing, "preprocessing"));
    }

    /**
     * Weights from the model zoo, resolved when a run starts (local models folder, cache, then
     * download unless offline). The catalogue entry says which preprocessing the weights expect:
     * {@code vgg19} is torchvision's (TORCHVISION), {@code vgg19-caffe} neural-style's (CAFFE).
     *
     * @param id a model zoo id, not blank
     * @return the feature network
     * @throws InvalidOptionException if {@code id} is blank
     */
    public static Vgg19 fromZoo(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidOptionException("featureExtractor", "a model zoo id is required");
        }
        return new Vgg19(null, null, id, null);
    }

    /**
     * Weights from the model zoo, with preprocessing chosen by the caller.
     *
     * @param id a model zoo id, not blank
     * @param preprocessing the convention to use instead of the catalogue's
     * @return the feature network
     * @throws InvalidOptionException if {@code id} is blank
     */
    public static Vgg19 fromZoo(String id, Preprocessing preprocessing) {
        return new Vgg19(null, null, fromZoo(id).zooId, Objects.requireNonNull(preprocessing, "preprocessing"));
    }

    /**
     * The default feature network.
     *
     * @return {@code fromZoo("vgg19")}: torchvision's ImageNet weights
     */
    public static Vgg19 defaultNetwork() {
        return fromZoo(DEFAULT_ZOO_ID);
    }

    /**
     * Seeded random weights of the real shapes (He initialisation, zero bias): the full-depth
     * network for tests and benchmarks, with no file. Features are not meaningful for art.
     *
     * @param seed the seed of the weights; the same seed gives the same network
     * @param preprocessing how pixels are turned into the network's input
     * @return the feature network
     */
    public static Vgg19 random(long seed, Preprocessing preprocessing) {
        return new Vgg19(null, seed, null, Objects.requireNonNull(preprocessing, "preprocessing"));
    }

    /**
     * The weights file, for {@link #fromFile}.
     *
     * @return the file; empty for zoo and random networks
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The seed of random weights, for {@link #random}.
     *
     * @return the seed; empty for file and zoo networks
     */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * The model zoo id, for {@link #fromZoo}.
     *
     * @return the id; empty for file and random networks
     */
    public Optional<String> zooId() {
        return Optional.ofNullable(zooId);
    }

    /**
     * The preprocessing the weights expect.
     *
     * @return the preprocessing; empty for a zoo model whose catalogue entry decides it
     */
    public Optional<Preprocessing> preprocessing() {
        return Optional.ofNullable(preprocessing);
    }

    /**
     * Whether {@code name} is a VGG-19 layer name.
     *
     * @param name a layer name such as {@code relu4_2} (case-sensitive)
     * @return true if it is in {@link #LAYERS}
     */
    public static boolean isLayer(String name) {
        return LAYERS.contains(name);
    }

    /**
     * The layer's index in forward order.
     *
     * @param name a layer name such as {@code conv3_1}
     * @return its index in {@link #LAYERS}, equal to its torchvision {@code features} index
     * @throws InvalidOptionException if {@code name} is not a VGG-19 layer
     */
    public static int layerIndex(String name) {
        int i = LAYERS.indexOf(name);
        if (i < 0) {
            throw new InvalidOptionException("layer", "unknown VGG-19 layer '" + name + "'; known: " + LAYERS);
        }
        return i;
    }

    /**
     * The channel counts of a convolution layer.
     *
     * @param layerIndex an index into {@link #LAYERS}
     * @return {@code {in, out}} for a convolution layer; null for a ReLU or pooling layer
     * @throws IndexOutOfBoundsException if {@code layerIndex} is not an index into {@link #LAYERS}
     */
    public static int @Nullable [] convChannels(int layerIndex) {
        String name = LAYERS.get(layerIndex);
        if (!name.startsWith("conv")) {
            return null;
        }
        int block = name.charAt(4) - '1';
        int conv = Integer.parseInt(name.substring(6));
        int out = BLOCK_CHANNELS[block];
        int in = conv > 1 ? out : (block == 0 ? 3 : BLOCK_CHANNELS[block - 1]);
        return new int[] {in, out};
    }

    @Override
    public String toString() {
        String source = file != null ? file.toString() : zooId != null ? "zoo " + zooId : "random seed " + seed;
        return "VGG-19 (" + source + (preprocessing != null ? ", " + preprocessing : "") + ")";
    }
}
