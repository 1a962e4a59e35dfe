package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.IntStream;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** git.new_contributors: contributors in W whose first contribution ever falls in W. */
final class GitNewContributors extends GitMetric {
    @Override
    public String id() {
        return "git.new_contributors";
    }

    @Override
    public String definition() {
        return "contributors in W whose first contribution ever falls in W";
    }

    @Override
    boolean countsPeople() {
        return true;
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        // a few rows: a copy to sort
        Table newcomers = git.firstContributionsIn(q.window(), q.use().includeBots()).asTable();
        StringColumn person = newcomers.stringColumn(GitData.PERSON);
        LongColumn at = newcomers.longColumn(GitData.AT);
        StringColumn commit = newcomers.stringColumn(GitData.COMMIT);
        ItemTable.Builder items = ItemTable.builder("person", "email", "first_contribution", "commit");
        // oldest first; one row per person, so the key settles every tie
        IntStream.range(0, newcomers.rowCount()).boxed()
                .sorted(Comparator.<Integer>comparingLong(at::getLong).thenComparing(person::get))
                .forEach(i -> {
                    Person p = git.person(person.get(i));
                    items.row(p.name(), p.email(), Instant.ofEpochMilli(at.getLong(i)), commit.get(i));
                });
        return Measurement.of(newcomers.rowCount(), items.build(), dev.gqm.model.Sample.count(newcomers.rowCount(), newcomers.rowCount() + " " + noun(newcomers.rowCount())));
    }
}
