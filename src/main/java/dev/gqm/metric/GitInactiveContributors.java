package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import dev.gqm.dataset.Window;
import dev.gqm.model.Duration;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Row;

/** git.inactive_contributors: people who contributed in the lookback before W and not in W. */
final class GitInactiveContributors extends GitMetric {
    static final ParamSpec LOOKBACK = new ParamSpec("lookback", ParamKind.DURATION, Duration.parse("365d"),
            "the span before W in which a person must have contributed to count as formerly active");

    @Override
    public String id() {
        return "git.inactive_contributors";
    }

    @Override
    public String definition() {
        return "people who contributed in the lookback (default 365d) before W and not in W";
    }

    @Override
    public dev.gqm.model.Direction better() {
        return dev.gqm.model.Direction.LOWER;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LOOKBACK);
    }

    /** The lookback and the window: someone counted inactive may be an alias of someone active. */
    @Override
    Window peopleWindow(MetricQuery q) {
        return new Window(q.window().before(q.use().duration("lookback").toJava()).from(), q.window().to());
    }

    @Override
    boolean countsPeople() {
        return true;
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        boolean bots = q.use().includeBots();
        Window lookback = q.window().before(q.use().duration("lookback").toJava());
        Set<String> active = countByPerson(git.contributionsIn(q.window(), bots)).keySet();
        Map<String, Long> last = new HashMap<>();
        for (Row row : git.contributionsIn(lookback, bots)) {
            String person = row.getString(GitData.PERSON);
            if (!active.contains(person)) {
                last.merge(person, row.getLong(GitData.AT), Math::max);
            }
        }
        ItemTable.Builder items = ItemTable.builder("person", "email", "last_contribution");
        last.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Person p = git.person(e.getKey());
                    items.row(p.name(), p.email(), Instant.ofEpochMilli(e.getValue()));
                });
        return Measurement.of(last.size(), items.build(), dev.gqm.model.Sample.count(last.size(), last.size() + " " + noun(last.size())));
    }
}
