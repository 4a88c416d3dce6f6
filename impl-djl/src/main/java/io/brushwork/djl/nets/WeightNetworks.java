// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.brushwork.Architecture;
import io.brushwork.ModelException;
import io.brushwork.zoo.KeyMapping;
import io.brushwork.zoo.WeightFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the feed-forward architectures from weight files, telling them apart by their key names. */
public final class WeightNetworks {
    private WeightNetworks() {
    }

    /**
     * A network ready to run, with the conventions its callers need.
     *
     * @param architecture the architecture the network was built as
     * @param block the network, with its weights set
     * @param input how it expects pixel values
     * @param output how it produces pixel values
     * @param sizeMultiple what a translator's input sides are padded to a multiple of (4 for the
     *     translators, 1 for DCGAN)
     * @param latentSize a generator's latent size nz; 0 for a translator
     * @param imageSize the side of a generator's square pictures, in pixels; 0 for a translator
     */
    public record Loaded(Architecture architecture, Block block, PixelRange input, PixelRange output,
                         int sizeMultiple, long latentSize, int imageSize) {
    }

    /**
     * The architecture whose signature keys the file holds (under any wrapper prefix).
     *
     * @param file the weights file to inspect
     * @return the one architecture that fits
     * @throws ModelException when none, or more than one, fits
     */
    public static Architecture detect(WeightFile file) {
        List<Architecture> found = new ArrayList<>();
        if (hasSuffix(file, "res1.conv1.scale")) {
            found.add(Architecture.ENGSTROM);
        }
        if (hasSuffix(file, "res1.conv1.conv2d.weight")) {
            found.add(Architecture.TRANSFORMER_NET);
        }
        if (hasSuffix(file, "model.10.conv_block.1.weight")) {
            found.add(Architecture.CYCLEGAN_RESNET9);
        }
        if (hasSuffix(file, "main.12.weight") || hasSuffix(file, "formatLayer.weight")) {
            found.add(Architecture.DCGAN);
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> sample = file.keys().stream().limit(6).toList();
        throw new ModelException(file.path() + ": cannot tell the architecture from the weight names ("
                + (found.isEmpty() ? "none fits" : "several fit: " + found) + "; first keys " + sample
                + "); name it with NetworkOptions.architecture or --arch");
    }

    private static boolean hasSuffix(WeightFile file, String suffix) {
        for (String key : file.keys()) {
            if (key.equals(suffix) || key.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every tensor against the architecture, then builds it; weights belong to {@code manager}.
     *
     * @param file the weights file to read
     * @param architecture a feed-forward architecture built from weights: Engstrom,
     *     TransformerNet, CycleGAN ResNet-9 or DCGAN
     * @param manager the manager that owns the weights; closing it frees them
     * @return the built network and its conventions
     * @throws io.brushwork.zoo.ModelFormatException if a tensor is missing, unexpected or of the wrong shape
     * @throws ModelException if the architecture is not built from weights, or the file does not fit it
     */
    public static Loaded load(WeightFile file, Architecture architecture, NDManager manager) {
        String name = architecture.id() + " network";
        switch (architecture) {
            case ENGSTROM: {
                long c = probe(file, EngstromNetwork.expectedKeys(1), "conv1.weight")[0];
                NetworkWeights w = NetworkWeights.of(file, EngstromNetwork.expectedKeys(c), name, manager);
                return new Loaded(architecture, EngstromNetwork.build(w), PixelRange.BYTE, PixelRange.BYTE, 4, 0, 0);
            }
            case TRANSFORMER_NET: {
                long c = probe(file, TransformerNetwork.expectedKeys(1), "conv1.conv2d.weight")[0];
                NetworkWeights w = NetworkWeights.of(file, TransformerNetwork.expectedKeys(c), name, manager);
                return new Loaded(architecture, TransformerNetwork.build(w), PixelRange.BYTE, PixelRange.BYTE, 4, 0, 0);
            }
            case CYCLEGAN_RESNET9: {
                boolean dropout = hasSuffix(file, "model.10.conv_block.6.weight");
                String prefix = KeyMapping.match(file, CycleGanGenerator.expectedKeys(1, 9, dropout), true).prefix();
                int blocks = residualBlocks(file, prefix);
                long ngf = probe(file, CycleGanGenerator.expectedKeys(1, blocks, dropout), "model.1.weight")[0];
                NetworkWeights w = NetworkWeights.of(file, CycleGanGenerator.expectedKeys(ngf, blocks, dropout), name,
                        manager);
                return new Loaded(architecture, CycleGanGenerator.build(w, blocks, dropout), PixelRange.SIGNED,
                        PixelRange.SIGNED, 4, 0, 0);
            }
            case DCGAN: {
                DcganGenerator.Layout layout = hasSuffix(file, "formatLayer.weight")
                        ? DcganGenerator.Layout.GAN_ZOO : DcganGenerator.Layout.EXAMPLES;
                Map<String, long[]> names = DcganGenerator.expectedKeys(layout, 1, 1, 1);
                long[] dims = DcganGenerator.dimensions(probe(file, names, layout.convolutions().get(0) + ".weight"),
                        probe(file, names, layout.convolutions().get(4) + ".weight"));
                if (dims[2] != 3) {
                    throw new ModelException(file.path() + ": this DCGAN makes " + dims[2]
                            + "-channel pictures; Brushwork generates RGB (3 channels)");
                }
                Map<String, long[]> expected = DcganGenerator.expectedKeys(layout, dims[0], dims[1], dims[2]);
                NetworkWeights w = NetworkWeights.of(file, expected, name, manager);
                return new Loaded(architecture, DcganGenerator.build(w, layout), PixelRange.SIGNED, PixelRange.SIGNED,
                        1, dims[0], 64);
            }
            default:
                throw new ModelException(file.path() + ": " + architecture.id() + " is not built from weights");
        }
    }

    /**
     * The shape of one tensor, found under the wrapper prefix that the layout's names point to;
     * the architectures read their widths from it.
     */
    private static long[] probe(WeightFile file, Map<String, long[]> layout, String key) {
        String full = KeyMapping.match(file, layout, true).prefix() + key;
        if (!file.contains(full)) {
            throw new ModelException(file.path() + " lacks '" + key + "', which gives the network's width;"
                    + " is it the architecture you named?");
        }
        long[] shape = file.shape(full);
        if (shape.length == 0 || shape[0] <= 0 || shape[0] > 1 << 16) {
            throw new ModelException(file.path() + ": '" + key + "' has an implausible shape "
                    + java.util.Arrays.toString(shape));
        }
        return shape;
    }

    /** How many {@code model.N.conv_block.1.weight} keys follow each other from N = 10. */
    private static int residualBlocks(WeightFile file, String prefix) {
        int blocks = 0;
        while (file.contains(prefix + "model." + (10 + blocks) + ".conv_block.1.weight")) {
            blocks++;
        }
        if (blocks == 0) {
            throw new ModelException(file.path() + " has no CycleGAN residual blocks (model.10.conv_block.1.weight)");
        }
        return blocks;
    }
}
