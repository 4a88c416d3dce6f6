package io.brushwork;

import java.util.Locale;

/**
 * Where computation runs. {@link #auto()} takes the first GPU when the engine sees one and the
 * CPU otherwise.
 */
public final class Device {
    /** What kind of device. */
    public enum Kind { AUTO, CPU, GPU }

    private static final Device AUTO = new Device(Kind.AUTO, -1);
    private static final Device CPU = new Device(Kind.CPU, -1);

    private final Kind kind;
    private final int index;

    private Device(Kind kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    public static Device auto() {
        return AUTO;
    }

    public static Device cpu() {
        return CPU;
    }

    public static Device gpu(int index) {
        if (index < 0) {
            throw new InvalidOptionException("device", "GPU index must be >= 0, got " + index);
        }
        return new Device(Kind.GPU, index);
    }

    /** Parses {@code auto}, {@code cpu}, {@code gpu} (= gpu:0) or {@code gpu:N}. */
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

    public Kind kind() {
        return kind;
    }

    /** GPU index; -1 for CPU and AUTO. */
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
