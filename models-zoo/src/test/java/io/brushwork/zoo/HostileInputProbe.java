// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Feeds one hostile input to the readers and prints what happened, for measuring peak memory
 * under {@code /usr/bin/time -v}; not a test. It uses only public API and test helpers, so it
 * runs against any build of this module: {@code src/test/fixtures/measure_hostile_inputs.sh}
 * compares two.
 *
 * <ul>
 *   <li>{@code zero-stride PATH ROWS COLUMNS} writes PATH, a zip checkpoint whose float32 tensor
 *       {@code w} of shape [ROWS, COLUMNS] has strides [0, 0] over a one-element storage, and
 *       reads it with {@link WeightFile#open}.
 *   <li>{@code open PATH} passes PATH (such as {@code /dev/zero}) to {@link WeightFile#open}.
 *   <li>{@code sha256 PATH}, {@code catalogue PATH} and {@code npy PATH} pass it to
 *       {@link ModelZoo#sha256}, {@link ModelCatalog#load} and {@link Npy#read}.
 * </ul>
 */
final class HostileInputProbe {
    private HostileInputProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "zero-stride" -> {
                    byte[] pickle = RawPickle.proto2().orderedDict().str("w").tensor("FloatStorage", "0", 1, false, 0,
                            new long[] {Long.parseLong(args[2]), Long.parseLong(args[3])}, new long[] {0, 0}).op('s')
                            .stop().bytes();
                    RawTorchFile.withStorage(path, false, pickle, 1);
                    System.out.println("wrote " + Files.size(path) + " bytes");
                    try (WeightFile file = WeightFile.open(path)) {
                        System.out.println("read " + file.read("w").elementCount() + " elements");
                    }
                }
                case "open" -> WeightFile.open(path).close();
                case "sha256" -> System.out.println(ModelZoo.sha256(path));
                case "catalogue" -> System.out.println(ModelCatalog.load(path).entries().size() + " entries");
                case "npy" -> System.out.println(Npy.read(path).data().length + " values");
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Throwable e) {
            // One line, whatever went wrong, OutOfMemoryError included: the point is to see which.
            String message = String.valueOf(e.getMessage());
            System.out.println(e.getClass().getName() + ": " + (message.length() > 300
                    ? message.substring(0, 300) + "..." : message));
            System.exit(1);
        }
    }
}
