// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.build;

import io.brushwork.samples.Repository;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.List;

import static io.brushwork.samples.Repository.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM has no parent (so that importing it brings nothing else): these checks keep it in step
 * with the build, its version, its library modules and its engine versions.
 */
class BomTest {

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(path).toFile());
    }

    /** A direct child element's text, or "" when absent. */
    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static String property(Document pom, String name) {
        return pom.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    @Test
    void theBomHasTheBuildsVersionAndEngineVersions() throws Exception {
        Document bom = pom("bom/pom.xml");
        Document parent = pom("pom.xml");
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(Repository.VERSION)
                .isEqualTo(child(parent.getDocumentElement(), "version"));
        assertThat(property(bom, "djl.version")).isEqualTo(property(parent, "djl.version"));
        assertThat(property(bom, "pytorch.version")).isEqualTo(property(parent, "pytorch.version"));
        assertThat(bom.getDocumentElement().getElementsByTagName("parent").getLength()).isZero();
    }

    @Test
    void theBomManagesEveryLibraryModule() throws Exception {
        List<String> managed = new ArrayList<>();
        NodeList deps = pom("bom/pom.xml").getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (child(d, "groupId").equals("io.brushwork")) {
                managed.add(child(d, "artifactId"));
                assertThat(child(d, "version")).isEqualTo("${project.version}");
            }
        }
        List<String> libraries = new ArrayList<>();
        NodeList modules = pom("pom.xml").getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            if (!module.equals("bom") && !module.equals("samples")) {
                libraries.add(child(pom(module + "/pom.xml").getDocumentElement(), "artifactId"));
            }
        }
        assertThat(managed).containsExactlyInAnyOrderElementsOf(libraries);
    }
}
