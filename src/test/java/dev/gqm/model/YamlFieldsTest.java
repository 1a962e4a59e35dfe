package dev.gqm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gqm.model.YamlFields.Wording;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.nodes.Node;

/** The shared readers of mappings, lists and text in both wordings: what each returns and what it reports where. */
class YamlFieldsTest {
    private static final List<String> KEYS = List.of("name", "emails");

    private static Node root(String yaml) throws SafeYaml.InvalidYaml {
        return SafeYaml.compose("f.yaml", yaml, 10, 10_000).orElseThrow();
    }

    /** The problems of reading {@code yaml} with {@code read}, as "LINE:COL: message". */
    private static List<String> problems(Wording wording, String yaml, BiFunction<YamlFields, Node, ?> read) throws Exception {
        Problems problems = new Problems("f.yaml");
        read.apply(new YamlFields(problems, wording), root(yaml));
        return problems.lines().stream().map(l -> l.substring("f.yaml:".length())).toList();
    }

    static Stream<Arguments> mappings() {
        return Stream.of(
                // a list where a mapping belongs: the descriptive wording says what it found
                Arguments.of(Wording.TERSE, "- a\n", List.of("1:1: a person must be a mapping with keys name, emails")),
                Arguments.of(Wording.DESCRIPTIVE, "- a\n",
                        List.of("1:1: a person must be a mapping with keys name, emails, not a list")),
                Arguments.of(Wording.DESCRIPTIVE, "x\n",
                        List.of("1:1: a person must be a mapping with keys name, emails, not a value tagged tag:yaml.org,2002:str")),
                // an unknown key (a key that is a collection never gets here: SafeYaml refuses it)
                Arguments.of(Wording.TERSE, "name: a\nnick: b\n", List.of(
                        "2:1: unknown key 'nick' in a person (expected name, emails)")),
                // an empty key: a name like any other to the terse wording, not plain text to the other
                Arguments.of(Wording.TERSE, "? \n: a\n", List.of("1:2: unknown key '' in a person (expected name, emails)")),
                Arguments.of(Wording.DESCRIPTIVE, "? \n: a\n", List.of("1:2: a key must be plain text")),
                // a key twice: the second is the duplicate; an unknown key twice is a duplicate only to the terse wording
                Arguments.of(Wording.TERSE, "name: a\nname: b\nnick: c\nnick: d\n", List.of(
                        "2:1: duplicate key 'name'",
                        "3:1: unknown key 'nick' in a person (expected name, emails)",
                        "4:1: duplicate key 'nick'")),
                Arguments.of(Wording.DESCRIPTIVE, "name: a\nname: b\nnick: c\nnick: d\n", List.of(
                        "2:1: duplicate key 'name'",
                        "3:1: unknown key 'nick' in a person (expected name, emails)",
                        "4:1: unknown key 'nick' in a person (expected name, emails)")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mappings")
    void mappingProblems(Wording wording, String yaml, List<String> expected) throws Exception {
        assertEquals(expected, problems(wording, yaml, (f, n) -> f.mapping(n, "a person", KEYS)));
    }

    @Test
    void mappingKeepsTheFirstOfEachAllowedKeyInFileOrder() throws Exception {
        Problems problems = new Problems("f.yaml");
        Map<String, Node> entries = new YamlFields(problems, Wording.TERSE)
                .mapping(root("emails: [x]\nnick: n\nname: a\nname: b\n"), "a person", KEYS);
        assertEquals(List.of("emails", "name"), List.copyOf(entries.keySet()));
        assertEquals("a", ((org.snakeyaml.engine.v2.nodes.ScalarNode) entries.get("name")).getValue());
        assertEquals(2, problems.reported());
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                // YAML 1.2 numbers and booleans are names here, kept as written
                Arguments.of(Wording.TERSE, "v: 2024\n", "2024", List.of()),
                Arguments.of(Wording.DESCRIPTIVE, "v: true\n", "true", List.of()),
                Arguments.of(Wording.TERSE, "v: ' padded '\n", " padded ", List.of()),
                Arguments.of(Wording.TERSE, "v:\n", null, List.of("1:3: 'v' is missing")),
                Arguments.of(Wording.DESCRIPTIVE, "v:\n", null, List.of("1:3: 'v' is missing a value")),
                Arguments.of(Wording.TERSE, "v: [a]\n", null, List.of("1:4: 'v' must be text, not a list")),
                Arguments.of(Wording.DESCRIPTIVE, "v: {a: b}\n", null, List.of("1:4: 'v' must be text, not a mapping")),
                Arguments.of(Wording.TERSE, "v: !!binary aGk=\n", null,
                        List.of("1:4: 'v' has tag tag:yaml.org,2002:binary, which is not allowed here")),
                Arguments.of(Wording.DESCRIPTIVE, "v: !!binary aGk=\n", null,
                        List.of("1:4: 'v' must be text, not a value tagged tag:yaml.org,2002:binary")),
                // blank text is refused only by nonBlank (see below)
                Arguments.of(Wording.TERSE, "v: '  '\n", "  ", List.of()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("texts")
    void text(Wording wording, String yaml, String value, List<String> expected) throws Exception {
        String[] read = new String[1];
        assertEquals(expected, problems(wording, yaml, (f, n) -> read[0] = f.text(value(n), "'v'")));
        assertEquals(value, read[0]);
    }

    @Test
    void nonBlankRefusesBlankTextAndKeepsTheRestAsWritten() throws Exception {
        String[] read = new String[2];
        assertEquals(List.of("1:4: 'v' must not be empty"),
                problems(Wording.DESCRIPTIVE, "v: '  '\n", (f, n) -> read[0] = f.nonBlank(value(n), "'v'")));
        assertNull(read[0]);
        assertEquals(List.of(), problems(Wording.TERSE, "v: ' a '\n", (f, n) -> read[1] = f.nonBlank(value(n), "'v'")));
        assertEquals(" a ", read[1]);
    }

    @Test
    void listsAndTheirTexts() throws Exception {
        assertEquals(List.of("1:9: 'emails' must be a list"),
                problems(Wording.TERSE, "emails: a@x\n", (f, n) -> f.list(value(n), "emails")));
        assertEquals(List.of(), problems(Wording.TERSE, "emails:\n", (f, n) -> {
            assertEquals(List.of(), f.list(value(n), "emails"), "an empty value is an empty list");
            return null;
        }));
        List<List<YamlFields.Located>> read = new java.util.ArrayList<>();
        assertEquals(List.of("3:5: an entry of 'emails' must not be empty", "4:5: an entry of 'emails' must be text, not a list"),
                problems(Wording.TERSE, "emails:\n  - a@x\n  - ''\n  - [b]\n  - c@y\n",
                        (f, n) -> read.add(f.texts(value(n), "emails"))));
        List<YamlFields.Located> texts = read.get(0);
        assertEquals(List.of("a@x", "c@y"), texts.stream().map(YamlFields.Located::value).toList());
        assertEquals(4, texts.get(1).node().getStartMark().orElseThrow().getLine(), "each text keeps its node");
    }

    /** The value of the one entry of a mapping. */
    private static Node value(Node mapping) {
        return ((org.snakeyaml.engine.v2.nodes.MappingNode) mapping).getValue().get(0).getValueNode();
    }
}
