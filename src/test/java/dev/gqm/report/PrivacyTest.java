package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.model.Note;
import dev.gqm.model.Sample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrivacyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mail jo.doe@example.com now|mail (e-mail hidden) now",
            "<Jo Doe> jo+ci@mail.example.co.uk.|<Jo Doe> (e-mail hidden).",
            "jörg@münchen.de|(e-mail hidden)",
            "a%40b.org in a query|(e-mail hidden) in a query",
            "Upgrade react@18.2.0 and @types/node|Upgrade react@18.2.0 and @types/node",
            "ping @alice, see @org/team|ping @alice, see @org/team",
            "user@localhost has no domain|user@localhost has no domain",
            "clone https://git@github.com/o/r.git|clone https://git@github.com/o/r.git",
            "clone https://jo%40example.com:pw@host.org/r.git failed|clone https://host.org/r.git failed",
            "see https://host.org/u/jo@example.com/x|see https://host.org/u/(e-mail hidden)/x",
    })
    void textHidesEveryAddressAndLeavesTheRest(String text, String shown) {
        assertEquals(shown, Privacy.text(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "git@github.com:o/r.git|git@github.com:o/r.git",
            "ssh://git@github.com/o/r|ssh://git@github.com/o/r",
            "https://github.com/o/r.git|https://github.com/o/r.git",
            "https://jo@example.com@host.org/r.git|https://host.org/r.git",
            "https://user:secret@host.org/r.git|https://user@host.org/r.git",
            "/home/jo@example.com/repo|/home/(e-mail hidden)/repo",
    })
    void aLocationKeepsItsStructure(String location, String shown) {
        assertEquals(shown, Privacy.location(location));
    }

    @Test
    void itemsLoseTheirAddressesButKeepTheirPeople() {
        Instant at = Instant.parse("2026-05-01T00:00:00Z");
        Items items = new Items(List.of("person", "email", "organization", "commits"), List.of(
                List.of("Carol", "carol@gmail.com", "person:carol@gmail.com", 3),
                List.of("", "anon@corp.example.org", "corp.example.org", 2),
                List.of("ivy@example.net", "ivy@example.net", "example.net", 1)), null);
        assertEquals(new Items(List.of("person", "organization", "commits"), List.of(
                List.of("Carol", "Carol (individual)", 3),
                List.of("(no name)", "corp.example.org", 2),
                List.of("(e-mail hidden)", "example.net", 1)), null), Privacy.items(items));

        Items elephants = new Items(List.of("organization", "commits"),
                List.of(List.of(" (individual)", 2), List.of("Dan (individual)", 1)), null);
        assertEquals(List.of(List.of("(no name) (individual)", 2), List.of("Dan (individual)", 1)),
                Privacy.items(elephants).rows());

        Items tracker = new Items(List.of("number", "title", "url", "author", "created_at"),
                List.of(List.of(4, "Reply to pat@example.org", "https://github.com/o/r/issues/4", "", at)), "url");
        assertEquals(new Items(tracker.columns(),
                List.of(List.of(4, "Reply to (e-mail hidden)", "https://github.com/o/r/issues/4", "(no name)", at)), "url"),
                Privacy.items(tracker));
        assertSame(Items.NONE, Privacy.items(Items.NONE));
    }

    @Test
    void theResultLosesAddressesInEveryText() {
        ModelResult original = CiFixtures.result();
        MetricResult first = original.goals().get(0).questions().get(0).metrics().get(0);
        MetricResult withText = new MetricResult(first.use(), first.unit(), first.value(), first.status(),
                "asked by jo@example.com", first.series(), first.items(), Sample.count(1, "1 issue by jo@example.com"),
                true, List.of(new Note(Note.ALIASES_SUSPECTED, "jo@example.com and jo@home.org may be one person")),
                "definition", first.better());
        GoalResult goal = original.goals().get(0);
        ModelResult result = new ModelResult(original.model(), original.asOf(), original.generatedAt(),
                List.of(SourceInfo.git("https://jo%40example.com@host.org/r.git", "abc"), SourceInfo.tracker("github", "GitHub", "o/r", "https://github.com/o/r")),
                original.status(), List.of(new GoalResult(goal.goal(), goal.status(), List.of(
                        new QuestionResult(goal.questions().get(0).question(), goal.questions().get(0).status(),
                                List.of(withText))))),
                List.of("mailmap line for x@y.org ignored"));

        ModelResult shown = Privacy.withoutEmails(result);
        MetricResult m = shown.goals().get(0).questions().get(0).metrics().get(0);
        assertEquals("asked by (e-mail hidden)", m.note());
        assertEquals("1 issue by (e-mail hidden)", m.sample().text());
        assertEquals(List.of(new Note(Note.ALIASES_SUSPECTED, "(e-mail hidden) and (e-mail hidden) may be one person")), m.notes());
        assertEquals(true, m.censored());
        assertSame(first.use(), m.use());
        assertEquals(first.series(), m.series());
        assertEquals(List.of("mailmap line for (e-mail hidden) ignored"), shown.warnings());
        assertEquals(List.of(SourceInfo.git("https://host.org/r.git", "abc"), SourceInfo.tracker("github", "GitHub", "o/r", "https://github.com/o/r")), shown.sources());
        assertSame(result.model(), shown.model());
        assertNull(Privacy.text(null));
    }
}
