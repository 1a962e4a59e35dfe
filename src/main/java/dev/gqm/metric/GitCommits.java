package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import java.time.Instant;
import tech.tablesaw.api.Row;
import tech.tablesaw.table.TableSlice;

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
    public String noun(long n) {
        return n == 1 ? "commit" : "commits";
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        // newest first, equal times in history order: the rows' own order
        TableSlice commits = git.commitsIn(q.window(), q.use().includeBots());
        ItemTable.Builder items = ItemTable.builder("commit", "author", "email", "authored_at");
        for (Row row : commits) {
            Person p = git.person(row.getString(GitData.PERSON));
            items.row(git.commitId(row.getInt(GitData.ID)), p.name(), p.email(), Instant.ofEpochMilli(row.getLong(GitData.AT)));
        }
        return Measurement.of(commits.rowCount(), items.build(), dev.gqm.model.Sample.count(commits.rowCount(),
                commits.rowCount() + " " + noun(commits.rowCount())));
    }
}
