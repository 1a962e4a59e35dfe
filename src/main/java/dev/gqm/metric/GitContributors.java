package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import java.util.Map;

/** git.contributors: distinct people who authored or co-authored a non-merge commit in W. */
final class GitContributors extends GitMetric {
    @Override
    public String id() {
        return "git.contributors";
    }

    @Override
    public String definition() {
        return "distinct people who authored or co-authored (Co-authored-by: trailer) a non-merge commit in W";
    }

    @Override
    boolean countsPeople() {
        return true;
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        Map<String, Integer> counts = countByPerson(git.contributionsIn(q.window(), q.use().includeBots()));
        ItemTable.Builder items = ItemTable.builder("person", "email", "organization", "commits");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Person p = git.person(e.getKey());
                    items.row(p.name(), p.email(), p.organization(), e.getValue());
                });
        return Measurement.of(counts.size(), items.build(), dev.gqm.model.Sample.count(counts.size(), counts.size() + " " + noun(counts.size())));
    }

}
