package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.Row;

/** git.releases: tags whose date (tagger date, else commit date) is in W. */
final class GitReleases extends GitMetric {
    static final ParamSpec TAG_PATTERN = new ParamSpec("tag_pattern", ParamKind.STRINGS, List.of(),
            "regular expressions; when given, only tags whose name matches one of them count (e.g. '^v[0-9]')");

    @Override
    public String id() {
        return "git.releases";
    }

    @Override
    public String definition() {
        return "tags whose date (tagger date, else commit date) is in W";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(TAG_PATTERN);
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        List<Pattern> patterns = q.use().strings("tag_pattern").stream().map(Pattern::compile).toList();
        ItemTable.Builder items = ItemTable.builder("tag", "date", "commit");
        int count = 0;
        // newest first, tags of equal dates by name: the rows' own order
        for (Row row : git.tagsIn(q.window())) {
            String tag = row.getString(GitData.NAME);
            if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matcher(tag).find())) {
                continue;
            }
            items.row(tag, Instant.ofEpochMilli(row.getLong(GitData.AT)), row.getString(GitData.TARGET));
            count++;
        }
        return Measurement.of(count, items.build());
    }
}
