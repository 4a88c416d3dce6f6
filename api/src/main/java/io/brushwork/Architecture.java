// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.Locale;

/** The network architectures Brushwork builds from weight files. */
public enum Architecture {
    /** Engstrom's fast-style-transfer network (TensorFlow SAME padding, instance norm, tanh*150+127.5). */
    ENGSTROM("engstrom", Kind.TRANSLATOR),
    /** pytorch/examples fast_neural_style {@code TransformerNet} (reflection padding, nearest upsampling). */
    TRANSFORMER_NET("transformer-net", Kind.TRANSLATOR),
    /** CycleGAN's {@code resnet_9blocks} generator (junyanz/pytorch-CycleGAN-and-pix2pix). */
    CYCLEGAN_RESNET9("cyclegan-resnet9", Kind.TRANSLATOR),
    /** DCGAN generator of pytorch/examples (nz 100, ngf 64, 64x64 output). */
    DCGAN("dcgan", Kind.GENERATOR),
    /** A graph (TorchScript or ONNX) that maps a 1x3xHxW 0..255 picture to one; its layers are opaque. */
    GRAPH_TRANSLATOR("graph", Kind.TRANSLATOR);

    /** Whether a network maps pictures to pictures or latent vectors to pictures. */
    public enum Kind {
        /** Maps a picture to a picture: opened as a {@link Translator}. */
        TRANSLATOR,
        /** Maps latent vectors to pictures: opened as a {@link Generator}. */
        GENERATOR
    }

    private final String id;
    private final Kind kind;

    Architecture(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /**
     * The name used on the command line and in the model catalogue.
     *
     * @return the lower-case id, e.g. {@code cyclegan-resnet9}
     */
    public String id() {
        return id;
    }

    /**
     * Whether this network maps pictures or latent vectors to pictures.
     *
     * @return {@link Kind#TRANSLATOR} or {@link Kind#GENERATOR}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Parses an id such as {@code engstrom} (case-insensitive; enum names also accepted).
     *
     * @param text the id or enum name; surrounding white space is ignored
     * @return the architecture
     * @throws InvalidOptionException if no architecture has that id or name
     */
    public static Architecture parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Architecture a : values()) {
            if (a.id.equals(t) || a.name().toLowerCase(Locale.ROOT).equals(t)) {
                return a;
            }
        }
        throw new InvalidOptionException("architecture", "unknown architecture '" + text + "'; known: "
                + java.util.Arrays.stream(values()).map(Architecture::id).toList());
    }
}
