// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.ContactSheet;
import io.brushwork.Images;
import io.brushwork.RgbImage;
import io.brushwork.samples.cli.NetworkFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every sample program, in Java, Kotlin and Scala, on tiny inputs and seeded random
 * networks: each must produce its picture, and the three languages the same bytes.
 */
class SamplesInThreeLanguagesTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path vgg;
    static Path engstrom;
    static Path dcgan;

    /** The three versions of one program, by their {@code main} methods. */
    enum Program {
        STYLIZE(StylizeSample::main, StylizeKotlin::main, StylizeScala::main),
        TRANSLATE(TranslateSample::main, TranslateKotlin::main, TranslateScala::main),
        INTERPOLATION_GRID(InterpolationGridSample::main, InterpolationGridKotlin::main, InterpolationGridScala::main);

        final Consumer<String[]> java;
        final Consumer<String[]> kotlin;
        final Consumer<String[]> scala;

        Program(Consumer<String[]> java, Consumer<String[]> kotlin, Consumer<String[]> scala) {
            this.java = java;
            this.kotlin = kotlin;
            this.scala = scala;
        }
    }

    @BeforeAll
    static void fixtures() {
        NetworkFixtures.StyleInputs inputs = NetworkFixtures.styleInputs(dir, 48, 36);
        content = inputs.content();
        style = inputs.style();
        vgg = inputs.vgg();
        engstrom = NetworkFixtures.engstrom(dir.resolve("engstrom.safetensors"), 4, 5);
        dcgan = NetworkFixtures.dcgan(dir.resolve("dcgan.safetensors"), 8, 4, 6);
    }

    /** What a program printed on standard output (Java's and Scala's). */
    static String run(Consumer<String[]> main, String... args) {
        return StandardStreams.out(() -> main.accept(args));
    }

    /** Runs the three versions with the output path in {@code args[outIndex]}; returns the Java output. */
    static RgbImage runAll(Program program, int outIndex, String... args) throws Exception {
        byte[] javaBytes = null;
        for (Consumer<String[]> main : new Consumer[] {program.java, program.kotlin, program.scala}) {
            String[] a = args.clone();
            Path out = dir.resolve(program + "-" + System.identityHashCode(main) + ".png");
            a[outIndex] = out.toString();
            String printed = run(main, a);
            byte[] bytes = Files.readAllBytes(out);
            if (javaBytes == null) {
                javaBytes = bytes;
            } else {
                assertThat(bytes).as("same picture as the Java sample; printed:%n%s", printed).isEqualTo(javaBytes);
            }
            if (program == Program.STYLIZE) {
                assertThat(printed).contains("iteration 3/3: style loss ").contains("saved ");
            } else if (program == Program.TRANSLATE) {
                assertThat(printed).contains("ENGSTROM on PYTORCH, cpu");
            }
        }
        return Images.read(javaBytes);
    }

    @Test
    void stylizeRunsWithAProgressLambdaInEachLanguage() throws Exception {
        RgbImage out = runAll(Program.STYLIZE, 3, content.toString(), style.toString(), vgg.toString(), "", "32", "3");
        RgbImage resized = Images.read(content).resize(32, 24);
        assertThat(out.width()).isEqualTo(32);
        assertThat(out.height()).isEqualTo(24);
        assertThat(out.quantized()).isNotEqualTo(resized.quantized());
    }

    @Test
    void translateKeepsThePictureSizeInEachLanguage() throws Exception {
        RgbImage out = runAll(Program.TRANSLATE, 2, engstrom.toString(), content.toString(), "");
        assertThat(out.width()).isEqualTo(48);
        assertThat(out.height()).isEqualTo(36);
    }

    @Test
    void interpolationGridTilesRowsOfWalksInEachLanguage() throws Exception {
        RgbImage sheet = runAll(Program.INTERPOLATION_GRID, 1, dcgan.toString(), "", "2", "3", "5");
        RgbImage sameLayout = ContactSheet.of(Collections.nCopies(6, RgbImage.filled(64, 64, 0, 0, 0)), 3, 2);
        assertThat(sheet.width()).isEqualTo(sameLayout.width());
        assertThat(sheet.height()).isEqualTo(sameLayout.height());
        RgbImage first = sheet.crop(0, 0, 64, 64);
        RgbImage last = sheet.crop(sheet.width() - 64, sheet.height() - 64, 64, 64);
        assertThat(first.quantized()).isNotEqualTo(last.quantized());
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void wrongArgumentsGiveTheUsageInEachLanguage(Program program) {
        for (Consumer<String[]> main : new Consumer[] {program.java, program.kotlin, program.scala}) {
            assertThatThrownBy(() -> main.accept(new String[] {"only-one"}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage: ");
        }
    }
}
