// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.Locale;

/**
 * Where computation runs. {@link #auto()} takes the first GPU when the engine sees one and the
 * CPU otherwise.
 */
public final class Device {
    /** What kind of device. */
    public enum Kind {
        /** The first GPU the engine sees, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** One GPU, chosen by index. */
        GPU
    }

    private static final Device AUTO = new Device(Kind.AUTO, -1);
    private static final Device CPU = new Device(Kind.CPU, -1);

    private final Kind kind;
    private final int index;

    private Device(Kind kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    /**
     * The first GPU when the engine sees one, else the CPU: the default.
     *
     * @return the automatic device
     */
    public static Device auto() {
        return AUTO;
    }

    /**
     * The CPU.
     *
     * @return the CPU device
     */
    public static Device cpu() {
        return CPU;
    }

    /**
     * One GPU.
     *
     * @param index the GPU's index as the engine numbers them, from 0
     * @return that GPU
     * @throws InvalidOptionException if {@code index} is negative
     */
    public static Device gpu(int index) {
        if (index < 0) {
            throw new InvalidOptionException("device", "GPU index must be >= 0, got " + index);
        }
        return new Device(Kind.GPU, index);
    }

    /**
     * Parses {@code auto}, {@code cpu}, {@code gpu} (= gpu:0) or {@code gpu:N}; {@code cuda} and
     * {@code cuda:N} are accepted for the GPU forms.
     *
     * @param text the device, case-insensitive; surrounding white space is ignored
     * @return the device
     * @throws InvalidOptionException if {@code text} is none of these forms
     */
    public static Device parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("gpu") || t.equals("cuda")) {
            return gpu(0);
        }
        if (t.startsWith("gpu:") || t.startsWith("cuda:")) {
            try {
                return gpu(Integer.parseInt(t.substring(t.indexOf(':') + 1)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidOptionException("device", "expected auto, cpu or gpu:N, got '" + text + "'");
    }

    /**
     * What kind of device this is.
     *
     * @return AUTO, CPU or GPU
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The GPU index.
     *
     * @return the index (>= 0) of a GPU; -1 for CPU and AUTO
     */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.kind == kind && d.index == index;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + index;
    }

    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
