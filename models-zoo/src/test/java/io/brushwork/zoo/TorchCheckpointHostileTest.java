// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawTorchFile.checkpoint;
import static io.brushwork.zoo.RawTorchFile.fixture;
import static io.brushwork.zoo.RawTorchFile.floats;
import static io.brushwork.zoo.RawTorchFile.keyList;
import static io.brushwork.zoo.RawTorchFile.legacyHeader;
import static io.brushwork.zoo.RawTorchFile.storageRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files built to attack a loader: code execution through pickle globals, path escapes,
 * truncation, lying sizes, memory and stack exhaustion. Each must end in a
 * {@link ModelFormatException} naming the file and the problem, and must never run anything.
 */
class TorchCheckpointHostileTest {
    @TempDir
    Path dir;

    /** What a successful attack would create: every hostile pickle asks for {@code touch <marker>}. */
    private Path marker() {
        return dir.resolve("pwned");
    }

    private String command() {
        return "touch " + marker();
    }

    @AfterEach
    void nothingRan() {
        assertThat(marker()).doesNotExist();
    }

    /** The ways a pickle can get a global called; each receives module and name. */
    enum Attack {
        /** GLOBAL, then REDUCE with the command: how pickle exploits usually look. */
        REDUCE((p, g) -> p.global(g[0], g[1]).str(g[2]).op(0x85, 'R')),
        /** STACK_GLOBAL takes the names from the stack instead of the opcode. */
        STACK_GLOBAL((p, g) -> p.str(g[0]).str(g[1]).op(0x93).str(g[2]).op(0x85, 'R')),
        /** NEWOBJ: cls.__new__(cls, *args). */
        NEWOBJ((p, g) -> p.global(g[0], g[1]).str(g[2]).op(0x85, 0x81)),
        /** BUILD with a __setstate__ that is the global, on an allowed object, then BUILD with the command. */
        BUILD((p, g) -> p.orderedDict().op('}').str("__setstate__").global(g[0], g[1]).op('s', 'b')
                .str(g[2]).op('b')),
        /** INST names the class inline and calls it with the items above a MARK. */
        INST((p, g) -> p.op('(').str(g[2]).op('i').raw((g[0] + "\n" + g[1] + "\n").getBytes())),
        /** OBJ calls the first item above a MARK with the rest. */
        OBJ((p, g) -> p.op('(').global(g[0], g[1]).str(g[2]).op('o'));

        private final BiFunction<RawPickle, String[], RawPickle> build;

        Attack(BiFunction<RawPickle, String[], RawPickle> build) {
            this.build = build;
        }

        byte[] pickle(String module, String name, String command) {
            return build.apply(RawPickle.proto2(), new String[] {module, name, command}).stop().bytes();
        }
    }

    static Stream<Arguments> attacks() {
        List<String> globals = List.of("os.system", "posix.system", "nt.system", "builtins.eval", "builtins.exec",
                "subprocess.Popen", "builtins.__import__", "__builtin__.eval", "runpy._run_code", "torch.load",
                "torch.storage._load_from_bytes", "collections.defaultdict");
        return Stream.of(Attack.values()).flatMap(attack -> globals.stream().map(g -> Arguments.of(attack, g)));
    }

    private static void assertRefused(Path file, String global) {
        assertThatThrownBy(() -> WeightFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(global)
                .hasMessageContaining("refuses");
    }

    @ParameterizedTest(name = "{0} {1} in a zip")
    @MethodSource("attacks")
    void zipRefusesEveryGlobalOutsideTheAllowList(Attack attack, String global) {
        int dot = global.lastIndexOf('.');
        byte[] pickle = attack.pickle(global.substring(0, dot), global.substring(dot + 1), command());
        assertRefused(checkpoint(dir.resolve("evil.pth"), pickle, Map.of()), global);
    }

    @ParameterizedTest(name = "{0} {1} in a legacy file")
    @MethodSource("attacks")
    void legacyRefusesEveryGlobalOutsideTheAllowList(Attack attack, String global) {
        int dot = global.lastIndexOf('.');
        byte[] pickle = attack.pickle(global.substring(0, dot), global.substring(dot + 1), command());
        assertRefused(RawTorchFile.write(dir.resolve("evil.pth"), legacyHeader(), pickle, keyList()), global);
    }

    @Test
    void legacyHeaderPicklesAreRestrictedToo() {
        // The magic number, then the attack within the same pickle.
        byte[] evilMagic = RawPickle.proto2().raw(Arrays.copyOfRange(legacyHeader(), 2, 14)).global("os", "system")
                .str(command()).op(0x85, 'R').stop().bytes();
        assertRefused(RawTorchFile.write(dir.resolve("magic.pth"), evilMagic), "os.system");
        // The attack in place of the system-info pickle, the third.
        byte[] firstTwo = Arrays.copyOf(legacyHeader(), 15 + 6);
        assertRefused(RawTorchFile.write(dir.resolve("info.pth"), firstTwo,
                Attack.REDUCE.pickle("posix", "system", command())), "posix.system");
    }

    @Test
    void hostileGlobalIsRefusedWhereItIsNamedWithItsOffset() {
        Path file = checkpoint(dir.resolve("evil.pth"), Attack.REDUCE.pickle("os", "system", command()), Map.of());
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .hasMessage("unsafe PyTorch checkpoint " + file + ": refuses global os.system (archive/data.pkl,"
                        + " byte 2); only tensors and plain data are loaded, never code");
    }

    /** Allowed globals used for something they are not. */
    static Stream<Arguments> misusedAllowedGlobals() {
        return Stream.of(
                Arguments.of(RawPickle.proto2().global("torch", "FloatStorage").ints(4).op('R'),
                        "refuses to call torch.FloatStorage"),
                Arguments.of(RawPickle.proto2().global("torch", "float32").op(')', 'R'),
                        "refuses to call torch.float32"),
                Arguments.of(RawPickle.proto2().global("torch._utils", "_rebuild_tensor_v2").op(')', 0x81),
                        "refuses NEWOBJ of torch._utils._rebuild_tensor_v2"),
                Arguments.of(RawPickle.proto2().global("torch", "Size").op('}', 'b'),
                        "refuses BUILD on torch.Size"),
                Arguments.of(RawPickle.proto2().op(']', '}', 'b'), "refuses BUILD on a list"),
                Arguments.of(RawPickle.proto2().str("os.system").op(')', 'R'), "REDUCE calls the str 'os.system'"),
                Arguments.of(RawPickle.proto2().op('(', ']', 'o'), "refuses OBJ of a list"));
    }

    @ParameterizedTest
    @MethodSource("misusedAllowedGlobals")
    void allowedGlobalsCannotBeMisused(RawPickle pickle, String message) {
        Path file = checkpoint(dir.resolve("misuse.pth"), pickle.stop().bytes(), Map.of());
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "archive/../../evil.txt", "/etc/evil.txt", "..\\evil.txt",
        "archive\\..\\..\\evil.txt", "C:/evil.txt", "archive/data/.."})
    void zipSlipEntriesAreRefused(String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", stateDict(false, "a", 2));
        entries.put("archive/data/0", floats(1, 2));
        entries.put(name, "x".getBytes());
        Path file = RawTorchFile.zip(dir.resolve("slip.pth"), entries, false);
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("zip entry '" + name + "' is an absolute or parent-relative path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg_small_zip.pth", "views_zip.pth", "vgg_small_legacy.pth", "views_legacy.pth"})
    void everyTruncationFailsCleanly(String name) throws IOException {
        byte[] whole = Files.readAllBytes(fixture(name));
        Path file = dir.resolve("truncated.pth");
        // Every prefix of the small legacy file; a spread of prefixes for the zips, which
        // need their trailing central directory anyway.
        int step = name.contains("zip") ? 13 : 1;
        for (int length = 0; length < whole.length; length += step) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> WeightFile.open(file).close())
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    /** Random damage may give a readable file, but never anything other than a ModelException. */
    @ParameterizedTest
    @ValueSource(strings = {"vgg_small_zip.pth", "views_zip.pth", "vgg_small_legacy.pth", "views_legacy.pth"})
    void randomCorruptionNeverEscapesAsAnotherException(String name) throws IOException {
        byte[] whole = Files.readAllBytes(fixture(name));
        Path file = dir.resolve("corrupt.pth");
        Random random = new Random(name.hashCode());
        for (int trial = 0; trial < 400; trial++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                // Most damage goes into the pickle, where the parser has to cope.
                int at = random.nextInt(Math.min(damaged.length, 1200));
                damaged[at] = (byte) random.nextInt(256);
            }
            Files.write(file, damaged);
            try (WeightFile opened = WeightFile.open(file)) {
                for (String key : opened.keys()) {
                    try {
                        opened.read(key);
                    } catch (ModelException expected) {
                        // An unreadable dtype or damaged data: reported, as it should be.
                    }
                }
            } catch (ModelException expected) {
                // Reported, as it should be.
            }
        }
    }

    @Test
    void storageClaiming100GigabytesFailsWithoutAllocatingInLegacy() {
        long numel = 25_000_000_000L;
        byte[] object = RawPickle.proto2().orderedDict().str("big")
                .tensor("FloatStorage", "0", numel, true, 0, new long[] {numel}, new long[] {1}).op('s').stop().bytes();
        Path file = RawTorchFile.write(dir.resolve("big.pth"), legacyHeader(), object, keyList("0"),
                storageRecord(numel, floats(1, 2, 3)));
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("storage '0' at byte")
                .hasMessageContaining("claims 25000000000 float32 elements (100000000000 bytes) but only 12 bytes"
                        + " remain (truncated file?)");
    }

    @Test
    void storageClaiming100GigabytesFailsWithoutAllocatingInZip() {
        long numel = 25_000_000_000L;
        byte[] pickle = RawPickle.proto2().orderedDict().str("big")
                .tensor("FloatStorage", "0", numel, false, 0, new long[] {numel}, new long[] {1}).op('s').stop()
                .bytes();
        Path file = checkpoint(dir.resolve("big.pth"), pickle, Map.of("0", floats(1, 2, 3)));
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("storage '0' holds 25000000000 float32 elements (100000000000 bytes) but entry"
                        + " archive/data/0 holds 12 bytes");
    }

    @Test
    void storageLongerThanALongCanCountFails() {
        long numel = Long.MAX_VALUE / 2;
        byte[] pickle = RawPickle.proto2().orderedDict().str("big")
                .tensor("FloatStorage", "0", numel, false, 0, new long[] {4}, new long[] {1}).op('s').stop().bytes();
        Path file = checkpoint(dir.resolve("huge.pth"), pickle, Map.of("0", floats(1, 2, 3, 4)));
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("more bytes than a long can count");
    }

    /** Offset, size and stride of a float32 view of a 4-element storage, and where it ends. */
    static Stream<Arguments> viewsBeyondTheirStorage() {
        return Stream.of(
                Arguments.of(0L, new long[] {5}, new long[] {1}, "reaches element 4"),
                Arguments.of(3L, new long[] {2}, new long[] {1}, "reaches element 4"),
                Arguments.of(0L, new long[] {3}, new long[] {2}, "reaches element 4"),
                Arguments.of(0L, new long[] {2, 2}, new long[] {1, 4}, "reaches element 5"),
                Arguments.of(9L, new long[] {1}, new long[] {1}, "reaches element 9"),
                Arguments.of(0L, new long[] {2, Long.MAX_VALUE}, new long[] {1, 2}, "more elements than a long"),
                Arguments.of(0L, new long[] {4}, new long[] {1, 1}, "with size [4] but stride [1, 1]"));
    }

    @ParameterizedTest
    @MethodSource("viewsBeyondTheirStorage")
    void tensorViewsMustLieWithinTheirStorage(long offset, long[] size, long[] stride, String message) {
        for (boolean legacy : new boolean[] {false, true}) {
            byte[] pickle = RawPickle.proto2().orderedDict().str("view")
                    .tensor("FloatStorage", "0", 4, legacy, offset, size, stride).op('s').stop().bytes();
            Path file = RawTorchFile.withStorage(dir.resolve("view.pth"), legacy, pickle, 1, 2, 3, 4);
            assertThatThrownBy(() -> TorchCheckpoint.open(file))
                    .as(legacy ? "legacy" : "zip")
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(message);
        }
    }

    @Test
    void emptyViewsMayPointAnywhereInTheirStorage() {
        byte[] pickle = RawPickle.proto2().orderedDict().str("none")
                .tensor("FloatStorage", "0", 4, false, 4, new long[] {0, 3}, new long[] {3, 1}).op('s').stop().bytes();
        try (TorchCheckpoint pth = TorchCheckpoint.open(checkpoint(dir.resolve("e.pth"), pickle,
                Map.of("0", floats(1, 2, 3, 4))))) {
            assertThat(pth.read("none").shape()).containsExactly(0, 3);
        }
    }

    /** Pickles that try to exhaust the stack, memory or the parser; each with the message expected. */
    static Stream<Arguments> bombs() {
        RawPickle marks = RawPickle.proto2();
        for (int i = 0; i < 100_000; i++) {
            marks.op('(');
        }
        RawPickle lists = RawPickle.proto2();
        for (int i = 0; i < 1_100_000; i++) {
            lists.op(']');
        }
        RawPickle tuples = RawPickle.proto2().op('N');
        for (int i = 0; i < 5_000; i++) {
            tuples.op(0x85);
        }
        // A list nested 100,000 deep, built through one reused memo slot, then used as a dict key.
        RawPickle deepList = RawPickle.proto2().op(']', 'q', 0, ']');
        for (int i = 0; i < 100_000; i++) {
            deepList.op('q', 1, 'a', 'h', 1, ']');
        }
        deepList.op('q', 1, 'a', '}', 'h', 0, 'N', 's');
        RawPickle cyclicKey = RawPickle.proto2().op(']', 'q', 0, 'h', 0, 'a', '}', 'h', 0, 'N', 's');
        RawPickle memo = RawPickle.proto2().op('N');
        for (int i = 0; i < SafeUnpickler.MAX_MEMO + 1; i++) {
            memo.op('r').u32(i);
        }
        RawPickle items = RawPickle.proto2().op(']', 'N');
        for (int i = 0; i < 11_000_000; i++) {
            items.op('a', 'N');
        }
        return Stream.of(
                Arguments.of("MARK bomb", marks, "MARKs nested deeper than 1000"),
                Arguments.of("stack bomb", lists, "more than 1000000 objects on the pickle stack"),
                Arguments.of("tuple nesting", tuples, "tuples nested deeper than 1000"),
                Arguments.of("deep list as key", deepList, "a dict key that is a list of 1, which is unhashable"),
                Arguments.of("cyclic list as key", cyclicKey, "a dict key that is a list of 1, which is unhashable"),
                Arguments.of("memo bomb", memo, "more than 1000000 memo entries"),
                Arguments.of("container bomb", items, "more than 10000000 items in lists, dicts and tuples"),
                Arguments.of("huge LONG4", RawPickle.proto2().op(0x8b).u32(0x7fffffff),
                        "LONG4 claims 2147483647 bytes, more than the limit of 1024"),
                Arguments.of("negative LONG4", RawPickle.proto2().op(0x8b).u32(-5),
                        "LONG4 claims 18446744073709551611 bytes"),
                Arguments.of("LONG4 past the end", RawPickle.proto2().op(0x8b).u32(1000).op(1, 2, 3),
                        "needs 1000 more bytes but only 4 remain"),
                Arguments.of("huge BINUNICODE8", RawPickle.proto2().op(0x8d).u64(1L << 62),
                        "BINUNICODE8 claims 4611686018427387904 bytes, more than the limit of 67108864"),
                Arguments.of("BINUNICODE8 past the end", RawPickle.proto2().op(0x8d).u64(1000).op('a', 'b'),
                        "needs 1000 more bytes but only 3 remain"),
                Arguments.of("huge BINUNICODE", RawPickle.proto2().op('X').u32(0xffffffffL),
                        "BINUNICODE claims 4294967295 bytes"),
                Arguments.of("huge BINBYTES", RawPickle.proto2().op('B').u32(0x7fffffffL), "BINBYTES claims"),
                Arguments.of("negative BINSTRING", RawPickle.proto2().op('T').u32(-1), "BINSTRING claims"),
                Arguments.of("huge FRAME", RawPickle.proto2().op(0x95).u64(-1), "a FRAME of 18446744073709551615"),
                Arguments.of("endless GLOBAL name", RawPickle.proto2().op('c').raw(new byte[5000]),
                        "a text line longer than 1024 bytes"),
                Arguments.of("unknown opcode", RawPickle.proto2().op(0xff), "unsupported pickle opcode 0xff"),
                Arguments.of("protocol 0 INT", RawPickle.proto2().op('I').raw("1\n".getBytes()),
                        "unsupported pickle opcode 0x49 ('I')"),
                Arguments.of("POP", RawPickle.proto2().op('N', '0'), "unsupported pickle opcode 0x30 ('0')"),
                Arguments.of("EMPTY_SET", RawPickle.proto2().op(0x8f), "unsupported pickle opcode 0x8f"),
                Arguments.of("protocol 6", RawPickle.bare().op(0x80, 6), "pickle protocol 6"),
                Arguments.of("memo miss", RawPickle.proto2().op('h', 7), "memo entry 7 is read before it is written"),
                Arguments.of("underflow", RawPickle.proto2().op('R'), "the pickle stack is empty"),
                Arguments.of("underflow below MARK", RawPickle.proto2().op(']', '(', 'N', 'a'),
                        "the pickle stack is empty"),
                Arguments.of("two objects", RawPickle.proto2().op('N', 'N'), "STOP with 2 objects"),
                Arguments.of("open MARK", RawPickle.proto2().op('N', '('), "1 open MARKs"),
                Arguments.of("odd SETITEMS", RawPickle.proto2().op('}', '(', 'N', 'u'), "odd number (1)"),
                Arguments.of("APPEND to a dict", RawPickle.proto2().op('}', 'N', 'a'), "APPEND on a dict of 0"),
                Arguments.of("SETITEM on a tuple", RawPickle.proto2().op(')', 'N', 'N', 's'),
                        "SETITEM on a tuple of 0, not a dict"),
                Arguments.of("TUPLE without MARK", RawPickle.proto2().op('t'), "no MARK to pop to"),
                Arguments.of("bad UTF-8", RawPickle.proto2().op(0x8c, 2, 0xc3, 0x28), "not valid UTF-8"),
                Arguments.of("no STOP", RawPickle.proto2().op('N'), "needs 1 more bytes but only 0 remain"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void bombsAndBrokenPicklesFailCleanly(String what, RawPickle pickle, String message) {
        byte[] bytes = what.equals("no STOP") ? pickle.bytes() : pickle.stop().bytes();
        Path file = checkpoint(dir.resolve("bomb.pth"), bytes, Map.of());
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("malformed PyTorch checkpoint " + file + ": ")
                .hasMessageContaining(message)
                .hasMessageContaining("(archive/data.pkl, byte ");
    }

    @Test
    void unknownOpcodeNamesItsOffset() {
        Path file = checkpoint(dir.resolve("op.pth"), RawPickle.proto2().op('N', 0xff).bytes(), Map.of());
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .hasMessageEndingWith("unsupported pickle opcode 0xff (archive/data.pkl, byte 3)");
    }

    @Test
    void deeplyNestedDictsAreRefusedAndCyclicOnesWalkedOnce() {
        // {"k": {"k": ...}} 200 deep.
        RawPickle nested = RawPickle.proto2();
        for (int i = 0; i < 200; i++) {
            nested.op('}').str("k");
        }
        nested.op('}');
        for (int i = 0; i < 200; i++) {
            nested.op('s');
        }
        Path deepFile = checkpoint(dir.resolve("deep.pth"), nested.stop().bytes(), Map.of());
        assertThatThrownBy(() -> TorchCheckpoint.open(deepFile))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("dicts nested deeper than 100");

        // d = {"self": d, "t": tensor}
        byte[] cyclic = RawPickle.proto2().op('}', 'q', 0).str("self").op('h', 0, 's').str("t").tensor("0", false, 2)
                .op('s').stop().bytes();
        try (TorchCheckpoint pth = TorchCheckpoint.open(checkpoint(dir.resolve("cyclic.pth"), cyclic,
                Map.of("0", floats(1, 2))))) {
            assertThat(pth.keys()).containsExactly("t");
        }
    }

    @Test
    void sharedTensorsAppearUnderEveryName() {
        byte[] pickle = RawPickle.proto2().orderedDict().op('(').str("a").tensor("0", false, 2).op('q', 9)
                .str("b").op('h', 9).str("d").op('}').str("c").op('h', 9).op('s', 'u').stop().bytes();
        try (TorchCheckpoint pth = TorchCheckpoint.open(checkpoint(dir.resolve("shared.pth"), pickle,
                Map.of("0", floats(1, 2))))) {
            assertThat(pth.keys()).containsExactly("a", "b", "d.c");
            assertThat(pth.read("d.c").data()).containsExactly(1, 2);
        }
    }

    @Test
    void collidingDottedNamesAreRefused() {
        byte[] pickle = RawPickle.proto2().op('}', '(').str("a.b").tensor("0", false, 2).str("a").op('}').str("b")
                .tensor("0", false, 2).op('s', 'u').stop().bytes();
        Path file = checkpoint(dir.resolve("clash.pth"), pickle, Map.of("0", floats(1, 2)));
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("two tensors have the name 'a.b'");
    }

    /** Zip archives that lie about their structure, with the message expected. */
    static Stream<Arguments> brokenArchives() {
        byte[] ok = stateDict(false, "a", 2);
        return Stream.of(
                Arguments.of(Map.of("archive/version", "3\n".getBytes()), "no data.pkl"),
                Arguments.of(entries("archive/data.pkl", ok, "other/data.pkl", ok), "two pickles"),
                Arguments.of(entries("archive/data.pkl", ok), "storage '0' has no entry archive/data/0"),
                Arguments.of(entries("archive/data.pkl", ok, "archive/data/0", floats(1)),
                        "storage '0' holds 2 float32 elements (8 bytes) but entry archive/data/0 holds 4 bytes"),
                Arguments.of(entries("archive/data.pkl", ok, "archive/data/0", floats(1, 2), "archive/byteorder",
                        "big".getBytes()), "big-endian"),
                Arguments.of(entries("archive/data.pkl", ok, "archive/data/0", floats(1, 2), "archive/byteorder",
                        "middle".getBytes()), "says 'middle', neither little nor big"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op(']').stop().bytes()),
                        "the checkpoint holds a list of 0, not a dict of tensors"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t")
                        .tensor("FloatStorage", "../../x", 2, false, 0, new long[] {2}, new long[] {1}).op('s')
                        .stop().bytes()), "storage key the str '../../x', not a simple name"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}', '(').str("a")
                        .tensor("FloatStorage", "0", 2, false, 0, new long[] {2}, new long[] {1}).str("b")
                        .tensor("HalfStorage", "0", 2, false, 0, new long[] {2}, new long[] {1}).op('u')
                        .stop().bytes()), "storage '0' is named as 2 float32 elements and as 2 float16 elements"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t").op('(').str("storage")
                        .global("torch", "FloatStorage").str("0").str("cpu").integer(2).op('N', 't', 'Q').op('s')
                        .stop().bytes()), "persistent id is a tuple of 6, not ('storage', ...) of 5 items"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t").op('(').str("module")
                        .op('t', 'Q', 's').stop().bytes()), "persistent id is a tuple of 1"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t").str("0").op('Q', 's')
                        .stop().bytes()), "persistent id is the str '0'"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t").op('P')
                        .raw("0\n".getBytes()).op('s').stop().bytes()), "persistent id is the str '0'"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t").op('(').str("storage")
                        .global("torch", "float32").str("0").str("cpu").integer(2).op('t', 'Q', 's').stop().bytes()),
                        "persistent id names torch.float32, not a storage class"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t")
                        .global("torch._utils", "_rebuild_tensor_v2").op('(', 'N').integer(0).ints(2).ints(1)
                        .op('t', 'R', 's').stop().bytes()),
                        "_rebuild_tensor_v2 called with 4 arguments, expected 6 to 7"),
                Arguments.of(entries("archive/data.pkl", RawPickle.proto2().op('}').str("t")
                        .global("torch._utils", "_rebuild_parameter").op('(', 'N', 0x89).orderedDict()
                        .op('t', 'R', 's').stop().bytes()),
                        "_rebuild_parameter called with None instead of a tensor"));
    }

    private static Map<String, byte[]> entries(Object... namesAndData) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndData.length; i += 2) {
            entries.put((String) namesAndData[i], (byte[]) namesAndData[i + 1]);
        }
        return entries;
    }

    @ParameterizedTest
    @MethodSource("brokenArchives")
    void brokenArchivesAreRefused(Map<String, byte[]> entries, String message) {
        Path file = RawTorchFile.zip(dir.resolve("broken.pth"), entries, false);
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    /** Legacy files that lie about their structure: the parts after the header, and the message expected. */
    static Stream<Arguments> brokenLegacyFiles() {
        byte[] object = stateDict(true, "a", 2);
        byte[] data = floats(1, 2);
        return Stream.of(
                Arguments.of(List.of(object, keyList("0"), storageRecord(3, floats(1, 2, 3))),
                        "holds 3 elements, but the object says 2"),
                Arguments.of(List.of(object, keyList("0", "0"), storageRecord(2, data), storageRecord(2, data)),
                        "names '0' twice"),
                Arguments.of(List.of(object, keyList("1"), storageRecord(2, data)),
                        "names '1', which no tensor uses"),
                Arguments.of(List.of(object, keyList()), "storage '0' is used by a tensor but missing from the file"),
                Arguments.of(List.of(object, keyList("0")), "storage '0' should start at byte"),
                Arguments.of(List.of(object, RawPickle.proto2().op('}').stop().bytes()),
                        "the storage key list is a dict of 0, not a list"),
                Arguments.of(List.of(object, RawPickle.proto2().op(']', 'K', 0, 'a').stop().bytes()),
                        "the storage key list holds the int 0"),
                Arguments.of(List.of(RawPickle.proto2().op('}').str("t").op('(').str("storage")
                        .global("torch", "FloatStorage").str("0").str("cpu").integer(4).op('(').str("v").integer(3)
                        .integer(2).op('t', 't', 'Q', 's').stop().bytes()),
                        "a view of 2 elements from 3 in storage '0', which holds only 4"));
    }

    @ParameterizedTest
    @MethodSource("brokenLegacyFiles")
    void brokenLegacyFilesAreRefused(List<byte[]> parts, String message) {
        byte[][] all = new byte[parts.size() + 1][];
        all[0] = legacyHeader();
        for (int i = 0; i < parts.size(); i++) {
            all[i + 1] = parts.get(i);
        }
        Path file = RawTorchFile.write(dir.resolve("broken.pth"), all);
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void legacyHeaderIsChecked() {
        Function<byte[], Path> withMagic = magic -> RawTorchFile.write(dir.resolve("magic.pth"), magic);
        assertThatThrownBy(() -> TorchCheckpoint.open(withMagic.apply(
                RawPickle.proto2().op(0x8a, 10).raw(new byte[10]).stop().bytes())))
                .hasMessageContaining("it starts with the int 0, not the magic number");
        byte[] header = legacyHeader();
        byte[] wrongProtocol = header.clone();
        wrongProtocol[15 + 3] = (byte) 0xe8; // 1000 instead of 1001
        assertThatThrownBy(() -> TorchCheckpoint.open(withMagic.apply(wrongProtocol)))
                .hasMessageContaining("legacy protocol version the int 1000, expected 1001");
        byte[] bigEndian = Arrays.copyOf(header, 21);
        Path big = RawTorchFile.write(dir.resolve("big-endian.pth"), bigEndian, RawPickle.proto2().op('}')
                .str("little_endian").op(0x89, 's').stop().bytes());
        assertThatThrownBy(() -> TorchCheckpoint.open(big))
                .hasMessageContaining("written on a big-endian machine");
        Path listInfo = RawTorchFile.write(dir.resolve("info.pth"), bigEndian, RawPickle.proto2().op(']').stop()
                .bytes());
        assertThatThrownBy(() -> TorchCheckpoint.open(listInfo))
                .hasMessageContaining("the system information is a list of 0, not a dict");
    }

    @Test
    void persistentIdsOutsideTheObjectPickleAreRefused() {
        byte[] keys = RawPickle.proto2().op('(').str("storage").op('t', 'Q').stop().bytes();
        Path file = RawTorchFile.write(dir.resolve("pid.pth"), legacyHeader(), stateDict(true, "a", 2), keys);
        assertThatThrownBy(() -> TorchCheckpoint.open(file))
                .hasMessageContaining("a persistent id where none belongs");
    }

    /** A state dict {name: float32 tensor of size [n] over storage '0'}. */
    private static byte[] stateDict(boolean legacy, String name, long n) {
        return RawPickle.proto2().orderedDict().str(name).tensor("0", legacy, n).op('s').stop().bytes();
    }
}
