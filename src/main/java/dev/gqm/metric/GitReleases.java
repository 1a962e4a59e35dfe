package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.GitTag;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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
        // newest first; a stable sort keeps tags of equal dates by name
        List<GitTag> tags = git.tagsIn(q.window()).stream()
                .sorted(Comparator.comparing(GitTag::date).reversed())
                .toList();
        ItemTable.Builder items = ItemTable.builder("tag", "date", "commit");
        int count = 0;
        for (GitTag tag : tags) {
            if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matcher(tag.name()).find())) {
                continue;
            }
            items.row(tag.name(), tag.date(), tag.commit());
            count++;
        }
        return Measurement.of(count, items.build());
    }
}
