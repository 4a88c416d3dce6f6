// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawTorchFile.floats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files of a few hundred bytes that claim a gigabyte tensor or more, in every format: each is
 * refused with a {@link ModelFormatException} naming the file, and opening plus reading it
 * allocates little. The allocation is measured per thread, so the bound is deterministic.
 */
class TinyFileHugeClaimTest {
    /** Far below any of the claims (1 GiB and more), far above what parsing a small file takes. */
    private static final long MAX_ALLOCATED = 16L << 20;
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private static byte[] zeroStrides(boolean legacy) {
        return RawPickle.proto2().orderedDict().str("w").tensor("FloatStorage", "0", 1, legacy, 0,
                new long[] {46340, 46340}, new long[] {0, 0}).op('s').stop().bytes();
    }

    /** A zip checkpoint of a contiguous 1 GiB float32 tensor whose storage entry holds 4 bytes. */
    private static Path gibibyteStorage(Path file, boolean deflated) {
        byte[] pickle = RawPickle.proto2().orderedDict().str("w").tensor("0", false, GIB / 4).op('s').stop()
                .bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        entries.put("archive/data/0", floats(1));
        return RawTorchFile.lieAboutSize(RawTorchFile.zip(file, entries, deflated), "archive/data/0", GIB);
    }

    private static byte[] npyHeader(String dict) {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer header = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length).put(text);
        return header.array();
    }

    private static void openAndRead(Path file) {
        try (WeightFile weights = WeightFile.open(file)) {
            weights.read("w");
        }
    }

    /** What the file is, how to make it, how to read it, and the message expected. */
    static Stream<Arguments> claims() {
        Consumer<Path> weights = TinyFileHugeClaimTest::openAndRead;
        return Stream.of(
                Arguments.of("zip, strides [0, 0]", (Function<Path, Path>) f -> RawTorchFile.withStorage(f, false,
                        zeroStrides(false), 1), weights, "tensor 'w' has shape [46340, 46340] and strides [0, 0]"),
                Arguments.of("legacy, strides [0, 0]", (Function<Path, Path>) f -> RawTorchFile.withStorage(f, true,
                        zeroStrides(true), 1), weights, "tensor 'w' has shape [46340, 46340] and strides [0, 0]"),
                Arguments.of("zip, stored entry larger than the file", (Function<Path, Path>) f -> gibibyteStorage(f,
                        false), weights, "zip entry archive/data/0 claims 1073741824 bytes stored in 1073741824"),
                Arguments.of("zip, deflated entry beyond deflate's ratio", (Function<Path, Path>) f ->
                        gibibyteStorage(f, true), weights, "zip entry archive/data/0 claims 1073741824 bytes stored"
                        + " in "),
                Arguments.of("legacy, storage record longer than the file", (Function<Path, Path>) f ->
                        RawTorchFile.write(f, RawTorchFile.legacyHeader(), RawPickle.proto2().orderedDict().str("w")
                                .tensor("0", true, GIB / 4).op('s').stop().bytes(), RawTorchFile.keyList("0"),
                                RawTorchFile.storageRecord(GIB / 4, floats(1))), weights,
                        "but only 4 bytes remain"),
                Arguments.of("safetensors, data offsets beyond the file", (Function<Path, Path>) f ->
                        RawSafetensors.write(f, "{" + RawSafetensors.entry("w", "F32", "[16384, 16384]", 0, GIB)
                                + "}", floats(1)), weights, "which holds only 4 bytes"),
                Arguments.of("safetensors, shape larger than its data offsets", (Function<Path, Path>) f ->
                        RawSafetensors.write(f, "{" + RawSafetensors.entry("w", "F32", "[16384, 16384]", 0, 4)
                                + "}", floats(1)), weights, "needs 1073741824 bytes but data_offsets [0, 4] span 4"),
                Arguments.of(".npy, shape larger than its data", (Function<Path, Path>) f -> RawSafetensors.bytes(f,
                        RawSafetensors.concat(npyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (16384,"
                                + " 16384), }\n"), floats(1))), (Consumer<Path>) Npy::read,
                        "needs 1073741824 bytes, the file has 4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void refusedWithoutAllocatingWhatTheyClaim(String what, Function<Path, Path> make, Consumer<Path> read,
            String message) {
        Path file = make.apply(dir.resolve("claim"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        assertThatThrownBy(() -> read.accept(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated refusing a %d-byte file", file.toFile().length())
                .isLessThan(MAX_ALLOCATED);
    }

    @Test
    void pickleLongerThanItsDirectoryEntrySaysIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", RawPickle.proto2().orderedDict().str("w").tensor("0", false, 1).op('s')
                .stop().bytes());
        entries.put("archive/data/0", floats(1));
        Path file = RawTorchFile.zip(dir.resolve("pickle.pth"), entries, true);
        RawTorchFile.lieAboutSize(file, "archive/data.pkl", 10);
        assertThatThrownBy(() -> WeightFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("archive/data.pkl holds more bytes, not the 10 its directory entry says");
    }
}
