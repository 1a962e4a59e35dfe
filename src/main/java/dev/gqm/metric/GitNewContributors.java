package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
        Table all = git.contributionsUpTo(q.window().to(), q.use().includeBots());
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < all.rowCount(); i++) {
            String person = all.stringColumn("person").get(i);
            long at = all.longColumn("at").get(i);
            Integer seen = firstRow.get(person);
            if (seen == null || at < all.longColumn("at").get(seen)) {
                firstRow.put(person, i);
            }
        }
        ItemTable.Builder items = ItemTable.builder("person", "email", "first_contribution", "commit");
        int count = 0;
        var newcomers = firstRow.entrySet().stream()
                .filter(e -> q.window().containsMillis(all.longColumn("at").get(e.getValue())))
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(all.longColumn("at").get(a), all.longColumn("at").get(b))))
                .toList();
        for (var e : newcomers) {
            Person p = git.person(e.getKey());
            int row = e.getValue();
            items.row(p.name(), p.email(), Instant.ofEpochMilli(all.longColumn("at").get(row)), all.stringColumn("commit").get(row));
            count++;
        }
        return Measurement.of(count, items.build());
    }
}
