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
    Measurement measure(GitData git, MetricQuery q) {
        Table first = git.firstContributions(q.use().includeBots());
        StringColumn person = first.stringColumn("person");
        LongColumn at = first.longColumn("at");
        int[] newcomers = IntStream.range(0, first.rowCount())
                .filter(row -> q.window().containsMillis(at.get(row)))
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(at::get).thenComparing(person::get))
                .mapToInt(Integer::intValue)
                .toArray();
        ItemTable.Builder items = ItemTable.builder("person", "email", "first_contribution", "commit");
        for (int row : newcomers) {
            Person p = git.person(person.get(row));
            items.row(p.name(), p.email(), Instant.ofEpochMilli(at.get(row)), first.stringColumn("commit").get(row));
        }
        return Measurement.of(newcomers.length, items.build());
    }
}
