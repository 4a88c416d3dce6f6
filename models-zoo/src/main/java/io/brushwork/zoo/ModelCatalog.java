// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import io.brushwork.Preprocessing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A list of downloadable model files, looked up by id. {@link #builtIn()} holds the files
 * Brushwork knows about; {@link #load(Path)} reads a user's own list (the format is described
 * there and in {@code docs/model-zoo.md}), and {@link #plus(ModelCatalog)} combines the two.
 * Instances are immutable.
 */
public final class ModelCatalog {
    /** The eighteen generator names of junyanz/pytorch-CycleGAN-and-pix2pix's scripts/download_cyclegan_model.sh. */
    private static final List<String> CYCLEGAN = List.of("apple2orange", "orange2apple", "summer2winter_yosemite",
            "winter2summer_yosemite", "horse2zebra", "zebra2horse", "monet2photo", "style_monet", "style_cezanne",
            "style_ukiyoe", "style_vangogh", "sat2map", "map2sat", "cityscapes_photo2label", "cityscapes_label2photo",
            "facades_photo2label", "facades_label2photo", "iphone2dslr_flower");

    private static final ModelCatalog BUILT_IN = new ModelCatalog(builtInEntries());

    private final Map<String, ModelEntry> entries;

    private ModelCatalog(List<ModelEntry> list) {
        Map<String, ModelEntry> byId = new LinkedHashMap<>();
        for (ModelEntry e : list) {
            if (byId.putIfAbsent(e.id(), e) != null) {
                throw new ModelException("model catalogue: id '" + e.id() + "' appears twice");
            }
        }
        this.entries = byId;
    }

    /**
     * The models Brushwork knows about; see {@code docs/model-zoo.md} for where each checksum comes from.
     *
     * @return the built-in catalogue, the same instance on every call
     */
    public static ModelCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * A catalogue of the given entries, in the given order.
     *
     * @param entries the entries, each with its own id
     * @return a catalogue of the entries, in the collection's iteration order
     * @throws ModelException if two entries share an id
     */
    public static ModelCatalog of(Collection<ModelEntry> entries) {
        return new ModelCatalog(List.copyOf(entries));
    }

    /**
     * Reads a user catalogue file: sections named by id, each with {@code key = value} lines.
     *
     * <pre>
     * # comments start with '#'
     * [my-vgg]
     * url = https://example.org/weights/vgg19.safetensors
     * sha256 = 0123...cdef          # or sha256-prefix = 01234567, or neither (trust on first use)
     * size = 574673361              # optional, bytes
     * architecture = vgg19          # required
     * format = safetensors          # optional for .safetensors and .onnx names
     * preprocessing = caffe         # optional: caffe or torchvision
     * file = vgg19.safetensors      # optional: defaults to the URL's last path segment
     * description = ...             # optional
     * licence = ...                 # optional
     * </pre>
     *
     * @param file the catalogue file to read
     * @return the file's entries, in file order
     * @throws ModelException naming the file and line of the first problem, or if it is not a regular
     *     file or cannot be read
     */
    public static ModelCatalog load(Path file) {
        return new ModelCatalog(CatalogFile.read(file));
    }

    /**
     * This catalogue with {@code other}'s entries added; where both have an id, {@code other}'s
     * entry wins, so a user file can replace a built-in entry (for a mirror, say).
     *
     * @param other the catalogue whose entries are added
     * @return a new catalogue: this one's entries in order, then {@code other}'s new ids
     */
    public ModelCatalog plus(ModelCatalog other) {
        Map<String, ModelEntry> merged = new LinkedHashMap<>(entries);
        merged.putAll(other.entries);
        return new ModelCatalog(new ArrayList<>(merged.values()));
    }

    /**
     * Every entry, in catalogue order.
     *
     * @return an unmodifiable list of the entries
     */
    public List<ModelEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The entry with this id, if there is one.
     *
     * @param id the entry's id, such as {@code vgg19}
     * @return the entry, or empty when the catalogue has no such id
     */
    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * The entry with this id.
     *
     * @param id the entry's id, such as {@code vgg19}
     * @return the entry
     * @throws ModelException if there is none; the message lists the ids that are close
     */
    public ModelEntry require(String id) {
        ModelEntry entry = entries.get(id);
        if (entry != null) {
            return entry;
        }
        List<String> close = closeIds(id);
        throw new ModelException("unknown model id '" + id + "'" + (close.isEmpty()
                ? "; the catalogue has " + entries.size() + " entries"
                : "; did you mean " + String.join(", ", close) + "?"));
    }

    /**
     * The entries whose published checksum a file with this SHA-256 satisfies (entries without one never match).
     *
     * @param sha256Hex the file's complete SHA-256 as 64 hex digits
     * @return the matching entries in catalogue order; empty when none
     */
    public List<ModelEntry> findBySha256(String sha256Hex) {
        return entries.values().stream()
                .filter(e -> !(e.checksum() instanceof Checksum.None) && e.checksum().matches(sha256Hex))
                .collect(Collectors.toList());
    }

    /**
     * The entries whose file has this name.
     *
     * @param fileName a file name without directories, compared exactly
     * @return the matching entries in catalogue order; empty when none
     */
    public List<ModelEntry> findByFileName(String fileName) {
        return entries.values().stream().filter(e -> e.fileName().equals(fileName)).collect(Collectors.toList());
    }

    /** Up to five ids within a small edit distance of {@code id}, or containing it, nearest first. */
    private List<String> closeIds(String id) {
        int limit = Math.max(2, id.length() / 3);
        return entries.keySet().stream()
                .map(k -> Map.entry(k, k.contains(id) || id.contains(k) ? 0 : editDistance(id, k)))
                .filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static List<ModelEntry> builtInEntries() {
        List<ModelEntry> list = new ArrayList<>();
        // torchvision's file: the name carries the SHA-256 prefix (torch.hub convention); the size is
        // the byte count torch.hub reports when downloading it.
        list.add(new ModelEntry("vgg19",
                "VGG-19 ImageNet weights from torchvision (RGB input on 0..1, ImageNet mean and std)",
                URI.create("https://download.pytorch.org/models/vgg19-dcbb9e9d.pth"), "vgg19-dcbb9e9d.pth",
                Checksum.prefix("dcbb9e9d"), OptionalLong.of(574_673_361L), ModelFormat.PYTORCH_LEGACY, "vgg19",
                Optional.of(Preprocessing.TORCHVISION), "BSD-3-Clause (torchvision)"));
        // The Oxford Caffe model converted by jcjohnson/pytorch-vgg, the file neural-style-pt downloads.
        list.add(new ModelEntry("vgg19-caffe",
                "VGG-19 converted from the original Oxford Caffe model (jcjohnson/pytorch-vgg); neural-style-pt's weights",
                URI.create("https://web.eecs.umich.edu/~justincj/models/vgg19-d01eb7cb.pth"), "vgg19-d01eb7cb.pth",
                Checksum.prefix("d01eb7cb"), OptionalLong.empty(), ModelFormat.PYTORCH_LEGACY, "vgg19",
                Optional.of(Preprocessing.CAFFE), "CC-BY-4.0 (Oxford VGG)"));
        for (String name : CYCLEGAN) {
            list.add(new ModelEntry("cyclegan-" + name,
                    "CycleGAN generator " + name + " (ResNet, 9 blocks); no published checksum: trusted on first use",
                    URI.create("http://efrosgans.eecs.berkeley.edu/cyclegan/pretrained_models/" + name + ".pth"),
                    name + ".pth", Checksum.none(), OptionalLong.empty(), ModelFormat.PYTORCH_LEGACY, "cyclegan-resnet9",
                    Optional.empty(), "BSD (junyanz/pytorch-CycleGAN-and-pix2pix)"));
        }
        // SHA-256 and sizes from onnx/models' ONNX_HUB_MANIFEST.json (model_sha, model_bytes), which
        // agree with the Git LFS pointer files where those could be read.
        fastNeuralStyle(list, "candy", "Candy",
                "e3c6f442e12014c5fec12b4307c14ca303df185cda19f67522afeef40c4d22b8",
                "9d11a3529d1e547da6ae07201d93484dbab2ec0a3614535752c8f40f0fe2968a");
        fastNeuralStyle(list, "mosaic", "Mosaic",
                "8547ad01962f2709c2ca6732345c74d14cb1dd79c09c92365ac113cdb6c2eac5",
                "fa646dedade881243f8d5a2ceb7de2b93675b21fc24f7482894ac4851a9a0a47");
        fastNeuralStyle(list, "pointilism", "Pointilism",
                "09fb31931c1826daf42552e451a908d068486a3ca946324a3ece758d51f46cad",
                "5ee2b8d4d6bc60a777f54e0fe96a1b717360a004b79d56c67390d4a975b14d98");
        fastNeuralStyle(list, "rain-princess", "Rain Princess",
                "bf13b623576021a77dab6aa54c366d0900e8f55909be27cf4a40248d6ff6e097",
                "4162912e6f75fedef6f810ae989b9e10d3d5d43308dab34b027c850cf255e152");
        fastNeuralStyle(list, "udnie", "Udnie",
                "31f8c5457a0d850b55564b018f6e494e49b3392c50eee6662799a47491b4a933",
                "8656b6ce7dec8f22ee13c2d557d6b67bd6f550dde88d0f2e7c9972aeb765cc0d");
        // The hubconf.py URL's suffix has seven digits and torch.hub never checks it there, so it is
        // not treated as a SHA-256 prefix.
        list.add(new ModelEntry("dcgan-fashiongen",
                "DCGAN trained on FashionGen clothes (facebookresearch/pytorch_GAN_zoo); no published checksum:"
                        + " trusted on first use",
                URI.create("https://dl.fbaipublicfiles.com/gan_zoo/DCGAN_fashionGen-1d67302.pth"),
                "DCGAN_fashionGen-1d67302.pth", Checksum.none(), OptionalLong.empty(), ModelFormat.PYTORCH_LEGACY,
                "dcgan", Optional.empty(), "BSD-3-Clause (facebookresearch/pytorch_GAN_zoo)"));
        return list;
    }

    /** Adds the opset 9 and opset 8 exports of one of the ONNX model zoo's fast neural style models. */
    private static void fastNeuralStyle(List<ModelEntry> list, String name, String title, String sha8, String sha9) {
        String base = "https://media.githubusercontent.com/media/onnx/models/main/validated/vision/style_transfer/"
                + "fast_neural_style/model/";
        for (int opset : new int[] {9, 8}) {
            String file = name + "-" + opset + ".onnx";
            list.add(new ModelEntry("fast-neural-style-" + name + "-" + opset,
                    "Fast neural style '" + title + "' (Johnson et al.), ONNX opset " + opset + ", from the ONNX model zoo",
                    URI.create(base + file), file, Checksum.sha256(opset == 9 ? sha9 : sha8),
                    OptionalLong.of(opset == 9 ? 6_728_029L : 6_726_529L), ModelFormat.ONNX, "graph",
                    Optional.empty(), "BSD-3-Clause (onnx/models)"));
        }
    }
}
