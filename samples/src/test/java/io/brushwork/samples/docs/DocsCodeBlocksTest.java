// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.docs;

import io.brushwork.samples.Repository;
import io.brushwork.samples.cli.BrushworkCli;
import io.brushwork.zoo.ModelCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.brushwork.samples.Repository.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every code block in README.md, CHANGELOG.md and docs/ is checked against something that
 * compiles or runs:
 * <ul>
 *   <li>{@code java}, {@code kotlin} and {@code scala} blocks must be a snippet of a compiled
 *       sample, named by a {@code <!-- snippet: PATH#NAME -->} line above the block, and equal to
 *       it. Run with {@code -Dbrushwork.docs.update=true} to copy the snippets into the docs.</li>
 *   <li>{@code bash} blocks: each {@code brushwork} command must parse with the real command line,
 *       and each sample class run with {@code java -cp} must exist.</li>
 *   <li>{@code text} blocks: every {@code --option} on a {@code brushwork} line must exist.</li>
 *   <li>{@code ini} blocks must load as a model catalogue, {@code xml} blocks must name real
 *       Brushwork artifacts at this version.</li>
 * </ul>
 * Relative links must point at files that exist.
 */
class DocsCodeBlocksTest {
    private static final boolean UPDATE = Boolean.getBoolean("brushwork.docs.update");
    private static final Map<String, String> SOURCE_LANGUAGES = Map.of(".java", "java", ".kt", "kotlin", ".scala", "scala");
    private static final Set<String> ARTIFACTS = Set.of("brushwork-bom", "brushwork-api", "brushwork-models-zoo",
            "brushwork-impl-djl");
    private static final Pattern CLI = Pattern.compile("^(?:\\$ )?(?:java -jar samples/target/brushwork\\.jar|brushwork)\\s+(.*)$");
    private static final Pattern SAMPLE = Pattern.compile("java -cp samples/target/brushwork\\.jar ([\\w.]+)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyCodeBlockIsCheckedAgainstCompiledOrRunnableCode() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : markdownFiles()) {
            MarkdownCodeBlocks doc = MarkdownCodeBlocks.read(file);
            for (MarkdownCodeBlocks.Block block : doc.blocks()) {
                String name = ROOT.relativize(file) + ":" + block.firstLine() + " (" + block.language() + ")";
                tests.add(DynamicTest.dynamicTest(name, () -> check(file, block)));
            }
        }
        assertThat(tests).as("code blocks found in the docs").hasSizeGreaterThan(40);
        return tests.stream();
    }

    @Test
    void relativeLinksPointAtFilesThatExist() throws IOException {
        for (Path file : markdownFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1).replaceAll("#.*$", "");
                    if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    assertThat(file.getParent().resolve(target)).as("link at %s:%d", file, i + 1).exists();
                }
            }
        }
    }

    static void check(Path file, MarkdownCodeBlocks.Block block) throws Exception {
        String where = block.at(ROOT.relativize(file));
        switch (block.language()) {
            case "java", "kotlin", "scala" -> checkSnippet(file, block, where);
            case "bash" -> checkCommands(block, where, true);
            case "text" -> checkCommands(block, where, false);
            case "ini" -> checkCatalog(block, where);
            case "xml" -> checkCoordinates(block, where);
            default -> fail(where + ": code block without a checked language (java, kotlin, scala, bash, text, ini, xml): '"
                    + block.language() + "'");
        }
    }

    private static void checkSnippet(Path file, MarkdownCodeBlocks.Block block, String where) throws IOException {
        if (block.snippet().isEmpty()) {
            fail(where + ": a " + block.language() + " block must come from a compiled sample: put "
                    + "'<!-- snippet: samples/src/main/.../File#name -->' above it");
        }
        MarkdownCodeBlocks.SnippetRef ref = block.snippet().get();
        Path source = ROOT.resolve(ref.path());
        String extension = ref.path().substring(ref.path().lastIndexOf('.'));
        assertThat(SOURCE_LANGUAGES.get(extension)).as("%s: language of the block and of %s", where, ref.path())
                .isEqualTo(block.language());
        assertThat(ref.path()).as("%s: snippets come from compiled sample sources", where).startsWith("samples/src/main/");
        List<String> snippet = Snippets.read(source, ref.name());
        if (snippet.equals(block.body())) {
            return;
        }
        if (UPDATE) {
            // Re-read: an earlier block in the same file may have changed its length.
            MarkdownCodeBlocks current = MarkdownCodeBlocks.read(file);
            MarkdownCodeBlocks.Block same = current.blocks().stream()
                    .filter(b -> b.snippet().equals(block.snippet())).findFirst().orElseThrow();
            Files.writeString(file, current.withBody(same, snippet));
            return;
        }
        assertThat(String.join("\n", block.body())).as("%s differs from %s#%s (run the samples tests with "
                + "-Dbrushwork.docs.update=true to copy it)", where, ref.path(), ref.name())
                .isEqualTo(String.join("\n", snippet));
    }

    /** Commands, one per logical line ({@code \\} continues; indented lines continue a synopsis). */
    private static List<String> commands(List<String> body, boolean shell) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            StringBuilder command = new StringBuilder(line);
            while (i + 1 < body.size() && (shell ? command.toString().endsWith("\\")
                    : body.get(i + 1).startsWith(" ") && !body.get(i + 1).isBlank())) {
                if (shell) {
                    command.setLength(command.length() - 1);
                }
                command.append(' ').append(body.get(++i).strip());
            }
            out.add(command.toString());
        }
        return out;
    }

    private static void checkCommands(MarkdownCodeBlocks.Block block, String where, boolean shell) throws Exception {
        for (String command : commands(block.body(), shell)) {
            for (String part : command.split("&&")) {
                String p = part.strip();
                Matcher sample = SAMPLE.matcher(p);
                if (sample.find()) {
                    Class<?> type = Class.forName(sample.group(1));
                    assertThat(Modifier.isStatic(type.getMethod("main", String[].class).getModifiers()))
                            .as("%s: %s has a static main", where, sample.group(1)).isTrue();
                    continue;
                }
                Matcher cli = CLI.matcher(p);
                if (!cli.matches()) {
                    continue;
                }
                if (shell) {
                    String[] args = ShellWords.split(cli.group(1));
                    try {
                        new CommandLine(new BrushworkCli()).parseArgs(args);
                    } catch (CommandLine.ParameterException e) {
                        fail(where + ": '" + p + "' does not parse: " + e.getMessage());
                    }
                } else {
                    checkSynopsis(cli.group(1), where);
                }
            }
        }
    }

    /** Every option named on a synopsis line belongs to the subcommand it is for. */
    private static void checkSynopsis(String args, String where) {
        CommandLine command = new CommandLine(new BrushworkCli());
        for (String word : args.split("\\s+")) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                break;
            }
            command = sub;
        }
        Matcher option = OPTION.matcher(args);
        while (option.find()) {
            assertThat(command.getCommandSpec().findOption(option.group(1)))
                    .as("%s: option %s of 'brushwork %s'", where, option.group(1), command.getCommandName())
                    .isNotNull();
        }
    }

    private static void checkCatalog(MarkdownCodeBlocks.Block block, String where) throws IOException {
        Path file = Files.createTempFile("catalog", ".ini");
        try {
            Files.write(file, block.body());
            assertThat(ModelCatalog.load(file).entries()).as("%s: entries of the catalogue", where).isNotEmpty();
        } finally {
            Files.delete(file);
        }
    }

    private static void checkCoordinates(MarkdownCodeBlocks.Block block, String where) throws Exception {
        String xml = "<root>" + String.join("\n", block.body()) + "</root>";
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList dependencies = document.getElementsByTagName("dependency");
        assertThat(dependencies.getLength()).as("%s: dependencies", where).isPositive();
        String version = Repository.VERSION;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!text(dependency, "groupId").equals("io.brushwork")) {
                continue;
            }
            assertThat(text(dependency, "artifactId")).as("%s: artifact", where).isIn(ARTIFACTS);
            String v = text(dependency, "version");
            if (!v.isEmpty() && version != null) {
                assertThat(v).as("%s: version of %s", where, text(dependency, "artifactId")).isEqualTo(version);
            }
        }
    }

    private static String text(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
