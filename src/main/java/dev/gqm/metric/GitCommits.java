package dev.gqm.metric;

import dev.gqm.dataset.Contribution;
import dev.gqm.dataset.GitData;
import java.util.Comparator;
import java.util.List;

/** git.commits: non-merge commits whose author date is in W. */
final class GitCommits extends GitMetric {
    @Override
    public String id() {
        return "git.commits";
    }

    @Override
    public String definition() {
        return "non-merge commits whose author date is in W";
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        // newest first; a stable sort keeps history order among equal times
        List<Contribution> commits = git.commitsIn(q.window(), q.use().includeBots()).stream()
                .sorted(Comparator.comparingLong(Contribution::at).reversed())
                .toList();
        ItemTable.Builder items = ItemTable.builder("commit", "author", "email", "authored_at");
        for (Contribution c : commits) {
            items.row(c.commit(), c.person().name(), c.person().email(), c.time());
        }
        return Measurement.of(commits.size(), items.build());
    }
}
