// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.docs;

import io.brushwork.ModelException;
import io.brushwork.samples.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The docs checker itself: it must reject what drifted from the code, and accept what did not. */
class DocsCheckerTest {
    @TempDir
    Path dir;

    private MarkdownCodeBlocks.Block only(String markdown) throws Exception {
        Path file = dir.resolve("page.md");
        Files.writeString(file, markdown);
        List<MarkdownCodeBlocks.Block> blocks = MarkdownCodeBlocks.read(file).blocks();
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    private void check(String markdown) throws Exception {
        DocsCodeBlocksTest.check(dir.resolve("page.md"), only(markdown));
    }

    @Test
    void aJavaBlockMustBeTheNamedSnippet() throws Exception {
        String marker = "<!-- snippet: samples/src/main/java/io/brushwork/samples/TranslateSample.java#translate -->\n";
        assertThatThrownBy(() -> check("```java\nint x = 1;\n```\n")).hasMessageContaining("must come from a compiled sample");
        assertThatThrownBy(() -> check(marker + "```java\nint x = 1;\n```\n")).hasMessageContaining("differs from");
        String snippet = String.join("\n", Snippets.read(Repository.ROOT
                .resolve("samples/src/main/java/io/brushwork/samples/TranslateSample.java"), "translate"));
        assertThatCode(() -> check(marker + "\n```java\n" + snippet + "\n```\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(marker + "```kotlin\n" + snippet + "\n```\n")).hasMessageContaining("language");
    }

    @Test
    void commandsMustParseAndSynopsesNameRealOptions() throws Exception {
        assertThatCode(() -> check("```bash\njava -jar samples/target/brushwork.jar translate --model m.pth \\\n"
                + "    --in a.png --out b.png\n```\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("```bash\njava -jar samples/target/brushwork.jar translate --model m.pth --inn a.png\n```\n"))
                .hasMessageContaining("does not parse");
        assertThatThrownBy(() -> check("```bash\njava -cp samples/target/brushwork.jar io.brushwork.samples.NoSuchSample\n```\n"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatCode(() -> check("```text\nbrushwork models fetch ID [--offline]\n    [--cache DIR]\n```\n"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("```text\nbrushwork models fetch ID\n    [--no-such-option]\n```\n"))
                .hasMessageContaining("--no-such-option");
    }

    @Test
    void blocksWithoutACheckedLanguageAreRefused() {
        assertThatThrownBy(() -> check("```\nsomething\n```\n")).hasMessageContaining("without a checked language");
        assertThatThrownBy(() -> check("```python\nprint(1)\n```\n")).hasMessageContaining("'python'");
    }

    @Test
    void catalogueAndCoordinateBlocksAreValidated() {
        assertThatThrownBy(() -> check("```ini\n[broken\n```\n")).isInstanceOf(ModelException.class)
                .hasMessageContaining(":1: a section header must be [id], got '[broken'");
        assertThatThrownBy(() -> check("```ini\n# nothing but a comment\n```\n")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("entries of the catalogue");
        assertThatThrownBy(() -> check("```xml\n<dependency><groupId>io.brushwork</groupId>"
                + "<artifactId>brushwork-nothing</artifactId></dependency>\n```\n")).hasMessageContaining("artifact");
    }
}
