package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitiesFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("identities.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = write(yaml);
        IdentitiesException e = assertThrows(IdentitiesException.class, () -> IdentitiesFile.load(file));
        String prefix = file + ":";
        e.problems().forEach(p -> assertTrue(p.startsWith(prefix), p));
        return e.problems().stream().map(p -> p.substring(prefix.length())).toList();
    }

    @Test
    void readsTheDocumentedFormat() throws Exception {
        IdentitiesFile f = IdentitiesFile.load(write("""
                people:
                  - name: Alice Doe                # the name shown in reports
                    emails: [alice@example.com, alice@users.noreply.github.com]
                    names: [adoe, "Alice D."]
                    logins: [alice]
                    organization: Example Corp
                  - name: Bob
                    emails: [bob@example.org]
                organizations:
                  Example.COM: Example Corp
                bots:
                  - "^ci-robot"
                agents:
                  - "@agents\\\\.example\\\\.com$"
                """));
        assertEquals(2, f.people().size());
        PersonEntry alice = f.people().get(0);
        assertEquals("Alice Doe", alice.name());
        assertEquals(List.of("alice@example.com", "alice@users.noreply.github.com"), alice.emails());
        assertEquals(List.of("adoe", "Alice D."), alice.names());
        assertEquals(List.of("alice"), alice.logins());
        assertEquals("Example Corp", alice.organization());
        assertNull(f.people().get(1).organization());
        assertEquals(List.of(), f.people().get(1).logins());
        assertEquals(Map.of("example.com", "Example Corp"), f.domainOrganizations());
        assertEquals(1, f.botPatterns().size());
        assertTrue(f.botPatterns().get(0).matcher("CI-Robot nightly").find(), "patterns are case-insensitive");
        assertEquals(1, f.agentPatterns().size());
        assertTrue(f.agentPatterns().get(0).matcher("run-7@Agents.Example.com").find());
        assertTrue(!f.agentPatterns().get(0).matcher("run-7@agentsXexample.com").find(), "the YAML escapes reach the regex");
    }

    @Test
    void yaml12KeepsNoAndNumbersAsText() throws Exception {
        IdentitiesFile f = IdentitiesFile.load(write("""
                people:
                  - name: no
                    emails: [n@x.org]
                    names: [010]
                """));
        assertEquals("no", f.people().get(0).name());
        assertEquals(List.of("010"), f.people().get(0).names());
    }

    @Test
    void emptyFileHasNoPeople() throws Exception {
        IdentitiesFile f = IdentitiesFile.load(write("# nothing yet\n"));
        assertEquals(List.of(), f.people());
        assertEquals(Map.of(), f.domainOrganizations());
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() throws Exception {
        List<String> problems = problems("""
                people:
                  - name: Alice
                    emails: [alice@x.org]
                    nick: al
                  - emails: alice@x.org
                  - name: Carol
                    emails: [carol@x.org, ALICE@x.org]
                    logins: [[nested]]
                  - just a string
                organizations:
                  x.org: X
                  me@y.org: Y
                bots:
                  - "(unclosed"
                extra: 1
                agents:
                  - "[unclosed"
                  - [nested]
                """);
        assertEquals(List.of(
                "4:5: unknown key 'nick' in a person (expected name, emails, names, logins, organization)",
                "5:5: a person needs a 'name'",
                "5:13: 'emails' must be a list",
                "7:27: e-mail 'ALICE@x.org' is already listed for 'Alice' (line 3)",
                "8:14: an entry of 'logins' must be text, not a list",
                "9:5: a person must be a mapping with keys name, emails, names, logins, organization",
                "12:3: 'me@y.org' is not an e-mail domain (write it as example.com)",
                "14:5: invalid bot pattern '(unclosed': Unclosed group",
                "15:1: unknown key 'extra' in the identities file (expected people, organizations, bots, agents)",
                "17:5: invalid agent pattern '[unclosed': Unclosed character class",
                "18:5: an agent pattern must be text, not a list"),
                problems);
    }

    @Test
    void duplicateKeysAreRejected() throws Exception {
        assertEquals(List.of("3:5: duplicate key 'name'"), problems("""
                people:
                  - name: Alice
                    name: Alicia
                    emails: [a@x.org]
                """));
    }

    @Test
    void missingEmailsAndEmptyValuesAreReported() throws Exception {
        assertEquals(List.of(
                        "2:5: a person needs 'emails' (a list of at least one e-mail)",
                        "4:13: 'emails' needs at least one e-mail",
                        "6:11: a person's name must not be empty"),
                problems("""
                        people:
                          - name: A
                          - name: B
                            emails: []
                          - emails: [c@x.org]
                            name: "  "
                        """));
    }

    @Test
    void syntaxErrorsAndAliasBombsAreLocatedOrNamed() throws Exception {
        List<String> syntax = problems("people:\n  - name: [unclosed\n");
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).matches("\\d+:\\d+: invalid YAML: .*"), syntax.get(0));

        StringBuilder bomb = new StringBuilder("a: &a [x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("k").append(i).append(": *a\n");
        }
        List<String> aliases = problems(bomb.toString());
        assertEquals(1, aliases.size());
        assertTrue(aliases.get(0).contains("invalid YAML"), aliases.get(0));
    }

    @Test
    void customTagsAreRefused() throws Exception {
        assertEquals(List.of("2:11: a person's name has tag tag:yaml.org,2002:java.lang.Runtime, which is not allowed here"),
                problems("""
                        people:
                          - name: !!java.lang.Runtime x
                            emails: [a@x.org]
                        """));
    }

    @Test
    void missingFileIsOneClearProblem() {
        Path missing = dir.resolve("nope.yaml");
        IdentitiesException e = assertThrows(IdentitiesException.class, () -> IdentitiesFile.load(missing));
        assertEquals(List.of(missing + ": identities file not found"), e.problems());
    }
}
