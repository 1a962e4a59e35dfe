package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tracker's nested portfolio keys: bugzilla: {url, products, components}. */
class PortfolioTrackerKeysTest {
    @TempDir
    Path dir;

    private PortfolioFile read(String yaml) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, yaml);
        return new PortfolioFileReader(file).read();
    }

    @Test
    void aForgeAndABugTrackerPerEntry() throws Exception {
        PortfolioFile p = read("""
                repositories:
                  - repo: https://invent.kde.org/graphics/krita.git
                    github: KDE/krita
                    bugzilla:
                      url: https://bugs.kde.org
                      products: [krita, calligra]
                      components: General
                """);
        assertEquals(Map.of("--github", "KDE/krita", "--bugzilla", "https://bugs.kde.org",
                        "--bugzilla-product", "krita\ncalligra", "--bugzilla-component", "General"),
                p.repositories().get(0).tracker());
    }

    @Test
    void problemsInsideTheMappingAreLocated() throws Exception {
        GqmException e = assertThrows(GqmException.class, () -> read("""
                repositories:
                  - repo: a
                    bugzilla:
                      url: https://bugs.kde.org
                      product: [krita]
                  - repo: b
                    bugzilla:
                      url: https://bugs.kde.org
                """));
        String file = dir.resolve("p.yaml").toString();
        // the misspelt key, and what its absence means for the tracker; the mapping's place for the latter
        assertEquals(List.of(file + ":4:7: 'bugzilla': --bugzilla needs --bugzilla-product NAME (one or more)",
                file + ":5:7: unknown key 'product' in 'bugzilla' (expected url, products, components)",
                file + ":8:7: 'bugzilla': --bugzilla needs --bugzilla-product NAME (one or more)"),
                List.of(e.getMessage().split("\\R")).stream().map(l -> l.replaceFirst("^gqm: ", "")).toList());
    }
}
