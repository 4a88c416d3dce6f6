// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.zoo.SafeUnpickler.PersistentIds;
import io.brushwork.zoo.SafeUnpickler.Tuple;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain data pickled by CPython 3.11, read back as Java data. */
class SafeUnpicklerTest {
    /**
     * {@code pickle.dumps(obj, protocol=4)} (and 5, which is byte-identical here) of
     * {"text": "héllo ☃", "ints": [0, 255, 65535, -1, 2**31, -2**40, 2**70, -2**63], "float": -2.5e-3,
     * "none": None, "flags": (True, False), "bytes": b"ab", "nested": [[1], {"k": (1, 2, 3, 4)}],
     * "shared": (lst, lst)} with lst = [7]: FRAME, MEMOIZE, SHORT_BINUNICODE, SHORT_BINBYTES, LONG1, BINGET.
     */
    private static final String PROTOCOL_4 = "800495bc000000000000007d94288c0474657874948c0a68c3a96c6c6f20e29883948c04"
            + "696e7473945d94284b004bff4dffff4affffffff8a0500000080008a060000000000ff8a090000000000000000408a0800000000"
            + "00000080658c05666c6f61749447bf647ae147ae147b8c046e6f6e65944e8c05666c61677394888986948c05627974657394430"
            + "26162948c066e6573746564945d94285d944b01617d948c016b94284b014b024b034b04749473658c06736861726564945d944b"
            + "076168128694752e";

    /** {@code pickle.dumps({"a": [1, 2]}, protocol=2)}: BINPUT, BINUNICODE, APPENDS. */
    private static final String PROTOCOL_2 = "80027d710058010000006171015d7102284b014b0265732e";

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static Object load(byte[] bytes) {
        PickleInput in = new PickleInput(new ByteArrayInputStream(bytes), bytes.length, Path.of("test.pkl"), "test");
        return new SafeUnpickler(in, PersistentIds.NONE, new LinkedHashMap<>()).load();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void readsPlainDataOfModernProtocols(int protocol) {
        byte[] bytes = HexFormat.of().parseHex(PROTOCOL_4);
        bytes[1] = (byte) protocol;
        Map<Object, Object> map = map(load(bytes));
        assertThat(map.keySet()).containsExactly("text", "ints", "float", "none", "flags", "bytes", "nested",
                "shared");
        assertThat(map.get("text")).isEqualTo("h\u00e9llo \u2603");
        assertThat(list(map.get("ints"))).containsExactly(0L, 255L, 65535L, -1L, 2147483648L, -1099511627776L,
                BigInteger.TWO.pow(70), Long.MIN_VALUE);
        assertThat(map.get("float")).isEqualTo(-2.5e-3);
        assertThat(map.containsKey("none")).isTrue();
        assertThat(map.get("none")).isNull();
        Tuple flags = (Tuple) map.get("flags");
        assertThat(List.of(flags.get(0), flags.get(1))).containsExactly(true, false);
        assertThat((byte[]) map.get("bytes")).containsExactly('a', 'b');
        List<Object> nested = list(map.get("nested"));
        assertThat(list(nested.get(0))).containsExactly(1L);
        Tuple four = (Tuple) map(nested.get(1)).get("k");
        assertThat(four.size()).isEqualTo(4);
        assertThat(four.get(3)).isEqualTo(4L);
        // The memo hands out the same object, as Python shares it.
        Tuple shared = (Tuple) map.get("shared");
        assertThat(shared.get(0)).isSameAs(shared.get(1));
    }

    @Test
    void readsProtocol2() {
        assertThat(map(load(HexFormat.of().parseHex(PROTOCOL_2)))).containsExactly(Map.entry("a",
                List.of(1L, 2L)));
    }

    @Test
    void tupleKeysWork() {
        // {(1, "x"): None} with a tuple key, which Python allows and torch's _metadata never uses.
        byte[] bytes = RawPickle.proto2().op('}').integer(1).str("x").op(0x86, 'N', 's').stop().bytes();
        Map<Object, Object> map = map(load(bytes));
        assertThat(map).hasSize(1);
        Tuple key = (Tuple) map.keySet().iterator().next();
        assertThat(List.of(key.get(0), key.get(1))).containsExactly(1L, "x");
    }

    @Test
    void integersOfEveryWidth() {
        byte[] bytes = RawPickle.proto2().op('(')
                .op('J').u32(-7)
                .op('M', 0x34, 0x12)
                .op(0x8a, 0)
                .op(0x8a, 1, 0xff)
                .op(0x8b).u32(9).raw(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1})
                .op('t').stop().bytes();
        Tuple ints = (Tuple) load(bytes);
        assertThat(List.of(ints.get(0), ints.get(1), ints.get(2), ints.get(3), ints.get(4)))
                .containsExactly(-7L, 0x1234L, 0L, -1L, BigInteger.ONE.shiftLeft(64));
    }

    @Test
    void stringsOfEveryOpcode() {
        byte[] bytes = RawPickle.proto2().op('(')
                .op('U', 2, 'h', 'i')
                .op('T').u32(2).op('o', 'k')
                .op(0x8d).u64(1).op('8')
                .op('B').u32(1).op(0)
                .op('t').stop().bytes();
        Tuple strings = (Tuple) load(bytes);
        assertThat(List.of(strings.get(0), strings.get(1), strings.get(2))).containsExactly("hi", "ok", "8");
        assertThat((byte[]) strings.get(3)).containsExactly(0);
    }

    @Test
    void pythonTwoOrderedDictOfPairs() {
        // OrderedDict([["b", 1], ["a", 2]]), as Python 2 pickled it.
        byte[] bytes = RawPickle.proto2().global("collections", "OrderedDict").op(']', '(', ']', '(').str("b")
                .integer(1).op('e', ']', '(').str("a").integer(2).op('e', 'e', 0x85, 'R').stop().bytes();
        assertThat(map(load(bytes)).keySet()).containsExactly("b", "a");
    }

    @Test
    void torchSizeIsATuple() {
        byte[] bytes = RawPickle.proto2().global("torch", "Size").ints(2, 3).op(0x85, 'R').stop().bytes();
        assertThat(((Tuple) load(bytes)).size()).isEqualTo(2);
    }

    @Test
    void messagesNameTheFileThePartAndTheOffset() {
        byte[] bytes = RawPickle.proto2().op('N', 'N', 0xfe).bytes();
        assertThatThrownBy(() -> load(bytes))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("malformed PyTorch checkpoint test.pkl: unsupported pickle opcode 0xfe (test, byte 4)");
    }
}
