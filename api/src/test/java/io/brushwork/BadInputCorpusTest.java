// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed corpus of awkward and broken pictures (src/test/resources/bad-inputs, made by
 * src/test/fixtures/make_bad_inputs.py): each gives its expected typed exception, or decodes, and
 * where memory is the point, allocates no more than its bound.
 */
class BadInputCorpusTest {

    static List<Arguments> expectations() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/expectations.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    out.add(Arguments.of(columns[0], columns[1], columns.length > 2 ? Long.valueOf(columns[2]) : null));
                }
            }
        }
        return out;
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("expectations")
    void eachFileHasItsOutcome(String file, String outcome, @Nullable Long maxMebibytes) throws Exception {
        byte[] data = bytes(file);
        AtomicReference<RgbImage> picture = new AtomicReference<>();

        Allocated read = Allocated.during(() -> picture.set(Images.read(data, file, Images.DEFAULT_MAX_PIXELS)));

        if (outcome.startsWith("ok ")) {
            assertThat(read.thrown()).isNull();
            assertThat(picture.get().width() + "x" + picture.get().height()).isEqualTo(outcome.substring(3));
        } else {
            assertThat(read.thrown()).isExactlyInstanceOf(Class.forName("io.brushwork." + outcome))
                    .hasMessageContaining(file);
        }
        if (maxMebibytes != null) {
            assertThat(read.bytes()).as("bytes allocated reading " + file).isLessThan(maxMebibytes * Allocated.MIB);
        }
    }
}
