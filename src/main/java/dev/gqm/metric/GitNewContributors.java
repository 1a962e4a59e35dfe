package dev.gqm.metric;

import dev.gqm.dataset.Contribution;
import dev.gqm.dataset.GitData;
import java.util.Comparator;
import java.util.List;

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
        List<Contribution> newcomers = git.firstContributions(q.use().includeBots()).stream()
                .filter(c -> q.window().containsMillis(c.at()))
                .sorted(Comparator.comparingLong(Contribution::at).thenComparing(c -> c.person().key()))
                .toList();
        ItemTable.Builder items = ItemTable.builder("person", "email", "first_contribution", "commit");
        for (Contribution c : newcomers) {
            items.row(c.person().name(), c.person().email(), c.time(), c.commit());
        }
        return Measurement.of(newcomers.size(), items.build());
    }
}
