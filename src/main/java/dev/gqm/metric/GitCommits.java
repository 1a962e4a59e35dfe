package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import java.time.Instant;
import tech.tablesaw.api.Table;

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
        Table commits = git.commitsIn(q.window(), q.use().includeBots()).sortDescendingOn("at");
        ItemTable.Builder items = ItemTable.builder("commit", "author", "email", "authored_at");
        for (int i = 0; i < commits.rowCount(); i++) {
            String person = commits.stringColumn("person").get(i);
            items.row(commits.stringColumn("id").get(i), name(git, person), email(git, person),
                    Instant.ofEpochMilli(commits.longColumn("at").get(i)));
        }
        return Measurement.of(commits.rowCount(), items.build());
    }
}
