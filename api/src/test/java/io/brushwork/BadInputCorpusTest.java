// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed corpus of awkward and broken pictures (src/test/resources/bad-inputs, made by
 * src/test/fixtures/make_bad_inputs.py): each gives its expected typed exception, or decodes.
 */
class BadInputCorpusTest {

    static List<String[]> expectations() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/expectations.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
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
    void eachFileHasItsOutcome(String file, String outcome) throws Exception {
        byte[] data = bytes(file);
        if (outcome.startsWith("ok ")) {
            RgbImage picture = Images.read(data, file, Images.DEFAULT_MAX_PIXELS);
            assertThat(picture.width() + "x" + picture.height()).isEqualTo(outcome.substring(3));
            return;
        }
        Class<?> expected = Class.forName("io.brushwork." + outcome);
        assertThatThrownBy(() -> Images.read(data, file, Images.DEFAULT_MAX_PIXELS))
                .isExactlyInstanceOf(expected)
                .hasMessageContaining(file);
    }
}
