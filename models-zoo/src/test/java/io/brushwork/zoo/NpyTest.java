// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir
    Path dir;

    private static final String F4_2X3 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";

    /** A file laid out by hand: magic, version, header length (2 bytes for 1.x, 4 after), header, data. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("a.npy"), bytes);
    }

    @Test
    void readsAFloat32MatrixAsNumpyWritesIt() throws IOException {
        // np.save's header: padded with spaces to a 64-byte boundary, newline last.
        String header = F4_2X3 + " ".repeat(128 - 10 - F4_2X3.length() - 1) + "\n";
        Path path = file(npy(1, header, floats(ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 3, 4, 5.5f)));

        float[][] m = Npy.readMatrix(path);

        assertThat(m).isDeepEqualTo(new float[][] {{0, 1, 2}, {3, 4, 5.5f}});
        NpyArray array = Npy.read(path);
        assertThat(array.shape()).containsExactly(2, 3);
        assertThat(array.elementCount()).isEqualTo(6);
        assertThat(array).hasToString("NpyArray(2, 3)");
    }

    @Test
    void readsVersionsTwoAndThree() throws IOException {
        byte[] data = floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
        assertThat(Npy.readMatrix(file(npy(2, F4_2X3 + "\n", data)))[1]).containsExactly(4, 5, 6);
        assertThat(Npy.readMatrix(file(npy(3, F4_2X3 + "  \n", data)))[0]).containsExactly(1, 2, 3);
    }

    @Test
    void readsFloat64AndBigEndian() throws IOException {
        String f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 3), }\n";
        assertThat(Npy.readMatrix(file(npy(1, f8, doubles(ByteOrder.LITTLE_ENDIAN, 0.1, -2, 1e300))))[0])
                .containsExactly(0.1f, -2f, Float.POSITIVE_INFINITY);
        String bigF8 = f8.replace("<f8", ">f8");
        assertThat(Npy.readMatrix(file(npy(1, bigF8, doubles(ByteOrder.BIG_ENDIAN, 1.5, 2.5, 3.5))))[0])
                .containsExactly(1.5f, 2.5f, 3.5f);
        String bigF4 = "{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }\n";
        assertThat(Npy.read(file(npy(1, bigF4, floats(ByteOrder.BIG_ENDIAN, 7, 8, 9)))).data())
                .containsExactly(7, 8, 9);
    }

    @Test
    void acceptsTheLiteralVariantsNumpyAccepts() throws IOException {
        byte[] data = floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
        // Any key order, double quotes, no trailing comma, Python 2's long integers.
        for (String header : new String[] {
                "{'shape': (2, 3), 'fortran_order': False, 'descr': '<f4'}",
                "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2,3,)}",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }   \n"}) {
            assertThat(Npy.read(file(npy(1, header, data))).shape()).as(header).containsExactly(2, 3);
        }
    }

    @Test
    void readsScalarsEmptyArraysAndTorchShapedLatents() throws IOException {
        NpyArray scalar = Npy.read(file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }\n",
                floats(ByteOrder.LITTLE_ENDIAN, 3))));
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.data()).containsExactly(3);

        Path empty = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 16), }\n", new byte[0]));
        assertThat(Npy.readMatrix(empty)).isEmpty();

        Path torch = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 1, 1), }\n",
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)));
        assertThat(Npy.readMatrix(torch)).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
    }

    @Test
    void readMatrixRefusesOtherRanks() throws IOException {
        Path vector = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n",
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3)));
        assertThatThrownBy(() -> Npy.readMatrix(vector)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(vector.toString()).hasMessageContaining("expected a 2-D array")
                .hasMessageContaining("(3,)");
        Path cube = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }\n",
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)));
        assertThatThrownBy(() -> Npy.readMatrix(cube)).hasMessageContaining("(1, 2, 2)");
    }

    /** Header text, data bytes, and a fragment the message must hold. */
    static Stream<Arguments> hostileHeaders() {
        byte[] six = floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
        return Stream.of(
                Arguments.of("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", six, "Fortran"),
                Arguments.of("{'descr': '|O', 'fortran_order': False, 'shape': (2, 3), }", six, "pickle"),
                Arguments.of("{'descr': 'O', 'fortran_order': False, 'shape': (2, 3), }", six, "Python objects"),
                Arguments.of("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", six, "unsupported dtype '<i4'"),
                Arguments.of("{'descr': '<f2', 'fortran_order': False, 'shape': (2, 3), }", six, "unsupported dtype '<f2'"),
                Arguments.of("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (6,), }", six,
                        "structured dtypes are not supported"),
                Arguments.of("{'descr': '<f4', 'shape': (2, 3), }", six, "expected exactly"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 'y'}", six, "expected exactly"),
                Arguments.of("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", six,
                        "duplicate key 'descr'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }", six, "expected a string, True"),
                Arguments.of("{'descr': '<f4', 'fortran_order': 'no', 'shape': (2, 3), }", six, "not True or False"),
                Arguments.of("{'descr': True, 'fortran_order': False, 'shape': (2, 3), }", six, "'descr' is True"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (6), }", six,
                        "'(6)' is a parenthesised integer, not a tuple"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': '6', }", six, "not a tuple of integers"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3], }", six, "a list"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }", six, "non-negative integer"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3.0), }", six, "expected ','"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (02, 3), }", six, "not a Python integer"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", six,
                        "absurdly large"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", six,
                        "more elements than a Java array can hold"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1, ".repeat(33) + "), }", six,
                        "33 dimensions"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), }", six,
                        "shorter than the shape says: (2, 4) of <f4 needs 32 bytes, the file has 24"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", six,
                        "4 bytes follow the data of shape (5,)"),
                Arguments.of(F4_2X3 + " x\n", six, "unexpected text after the dictionary"),
                Arguments.of(F4_2X3 + "\u0000\u0000\n", six, "unexpected text after the dictionary"),
                Arguments.of(" " + F4_2X3, six, "expected '{'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)", six, "ends early"),
                Arguments.of("{'descr: '<f4'}", six, "expected ':'"),
                Arguments.of("{'descr': '<f\\x34', 'fortran_order': False, 'shape': (2, 3), }", six, "escapes"),
                Arguments.of("__import__('os').system('x')", six, "expected '{'"),
                Arguments.of("", six, "ends early"));
    }

    @ParameterizedTest
    @MethodSource("hostileHeaders")
    void refusesHostileHeaders(String header, byte[] data, String problem) throws IOException {
        Path path = file(npy(1, header, data));
        assertThatThrownBy(() -> Npy.read(path))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining(problem);
    }

    @Test
    void refusesBrokenPreambles() throws IOException {
        byte[] good = npy(1, F4_2X3 + "\n", floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6));
        assertFormatError(Arrays.copyOf(good, 7), "ends inside its version");
        assertFormatError(Arrays.copyOf(good, 9), "ends inside the header length");
        assertFormatError(Arrays.copyOf(good, 40), "the header claims " + (F4_2X3.length() + 1)
                + " bytes but the file has only 30");
        assertFormatError("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), "not a .npy file");
        assertFormatError(new byte[0], "not a .npy file");

        byte[] v4 = good.clone();
        v4[6] = 4;
        assertFormatError(v4, "unsupported format version 4.0");
        byte[] v11 = good.clone();
        v11[7] = 1;
        assertFormatError(v11, "unsupported format version 1.1");

        byte[] huge = npy(2, F4_2X3, new byte[0]);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7fffffff);
        assertFormatError(huge, "the header claims 2147483647 bytes, more than the limit");

        byte[] latin1 = npy(3, F4_2X3, new byte[0]);
        latin1[20] = (byte) 0xe9;
        assertFormatError(latin1, "not valid UTF-8");
    }

    private void assertFormatError(byte[] bytes, String problem) throws IOException {
        Path path = file(bytes);
        assertThatThrownBy(() -> Npy.read(path)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining(problem);
    }

    @Test
    void aMissingFileIsAModelException() {
        Path absent = dir.resolve("absent.npy");
        assertThatThrownBy(() -> Npy.read(absent)).isInstanceOf(ModelException.class)
                .isNotInstanceOf(ModelFormatException.class).hasMessageContaining("not found").hasMessageContaining("absent.npy");
    }

    @Test
    void writesWhatNumpyWrites() throws IOException {
        Path path = dir.resolve("m.npy");
        NpyWriter.writeMatrix(path, new float[][] {{0, 1, 2}, {3, 4, 5}});

        byte[] bytes = Files.readAllBytes(path);
        // np.save(np.arange(6, dtype=np.float32).reshape(2, 3)), numpy 1.24: 128 header bytes, 24 of data.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.writeBytes((F4_2X3 + " ".repeat(58) + "\n").getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(floats(ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 3, 4, 5));
        assertThat(bytes).isEqualTo(expected.toByteArray());
    }

    @Test
    void headersAreAlignedForEveryShape() throws IOException {
        for (long[] shape : new long[][] {{}, {0}, {7}, {1, 100}, {123456789, 0}, {2, 3, 4, 5, 6, 7}}) {
            float[] data = new float[(int) Tensor.elementCount(shape)];
            Path path = dir.resolve("s.npy");
            NpyWriter.write(path, NpyArray.of(shape, data));
            byte[] bytes = Files.readAllBytes(path);
            int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            assertThat((10 + headerLength) % 64).as(Arrays.toString(shape)).isZero();
            assertThat(bytes[10 + headerLength - 1]).isEqualTo((byte) '\n');
            assertThat(Npy.read(path)).isEqualTo(NpyArray.of(shape, data));
        }
    }

    @Test
    void roundTripsEveryFloat() {
        float[][] rows = {
                {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, Float.MAX_VALUE},
                {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, 3.1415927f, -2e20f}};
        Path path = dir.resolve("r.npy");
        NpyWriter.writeMatrix(path, rows);
        float[][] back = Npy.readMatrix(path);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                assertThat(Float.floatToRawIntBits(back[r][c])).isEqualTo(Float.floatToRawIntBits(rows[r][c]));
            }
        }
    }

    @Test
    void roundTripsALargeMatrixAcrossChunks() {
        float[][] rows = new float[600][1000];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = r * 1000 + c;
            }
        }
        Path path = dir.resolve("big.npy");
        NpyWriter.writeMatrix(path, rows);
        assertThat(Npy.readMatrix(path)).isDeepEqualTo(rows);
    }

    @Test
    void writesAtomically() throws IOException {
        Path path = dir.resolve("z.npy");
        NpyWriter.writeMatrix(path, new float[][] {{1, 2}});
        NpyWriter.writeMatrix(path, new float[][] {{3, 4}, {5, 6}});
        assertThat(Npy.readMatrix(path)).isDeepEqualTo(new float[][] {{3, 4}, {5, 6}});
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("z.npy");
        }

        Path nowhere = dir.resolve("missing-dir/z.npy");
        assertThatThrownBy(() -> NpyWriter.writeMatrix(nowhere, new float[][] {{1}}))
                .isInstanceOf(ModelException.class).hasMessageContaining("cannot write .npy file " + nowhere);
    }

    @Test
    void refusesRaggedRows() {
        Path path = dir.resolve("bad.npy");
        assertThatThrownBy(() -> NpyWriter.writeMatrix(path, new float[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 values, row 0 has 2");
        assertThatThrownBy(() -> NpyWriter.writeMatrix(path, new float[][] {{1, 2}, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> NpyArray.of(new long[] {2, 2}, new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(path).doesNotExist();
    }
}
