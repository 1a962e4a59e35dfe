package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Sample;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.Row;

/** git.releases: release tags whose date (tagger date, else commit date) is in W; pre-releases left out unless asked. */
final class GitReleases extends GitMetric {
    static final ParamSpec TAG_PATTERN = new ParamSpec("tag_pattern", ParamKind.PATTERNS, List.of(),
            "regular expressions; when given, only tags whose name matches one of them count (e.g. '^v[0-9]')");
    static final ParamSpec INCLUDE_PRERELEASES = new ParamSpec("include_prereleases", ParamKind.BOOLEAN, Boolean.FALSE,
            "count pre-release tags too (a version carrying rc, alpha, beta, pre, preview, dev or snapshot)");

    /** A pre-release marker as a word of its own in the version: after a digit or separator, not inside a longer word. */
    private static final Pattern PRERELEASE = Pattern.compile(
            "(?i)(?<![a-z])(rc|alpha|beta|pre|preview|dev|snapshot)(?![a-z])");

    @Override
    public String id() {
        return "git.releases";
    }

    @Override
    public String definition() {
        return "release tags whose date (tagger date, else commit date) is in W; pre-release tags (a version carrying"
                + " rc, alpha, beta, pre, preview, dev or snapshot, such as v2.50.0-rc1) are left out unless"
                + " include_prereleases: true";
    }

    @Override
    public String noun(long n) {
        return n == 1 ? "release tag" : "release tags";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(TAG_PATTERN, INCLUDE_PRERELEASES);
    }

    /** Whether a tag names a pre-release: {@code v2.50.0-rc1}, {@code 7.0.0.beta2}, {@code 1.2rc3}, {@code 1.0-SNAPSHOT}. */
    static boolean prerelease(String tag) {
        int digit = 0;
        while (digit < tag.length() && !Character.isDigit(tag.charAt(digit))) {
            digit++;
        }
        // the version is what follows the first digit: a project or branch name before it is not a version
        return digit < tag.length() && PRERELEASE.matcher(tag.substring(digit)).find();
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        List<Pattern> patterns = q.use().strings("tag_pattern").stream().map(Pattern::compile).toList();
        boolean prereleases = Boolean.TRUE.equals(q.use().params().get("include_prereleases"));
        ItemTable.Builder items = ItemTable.builder("tag", "date", "commit");
        int count = 0;
        // newest first, tags of equal dates by name: the rows' own order
        for (Row row : git.tagsIn(q.window())) {
            String tag = row.getString(GitData.NAME);
            if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matcher(tag).find())) {
                continue;
            }
            if (!prereleases && prerelease(tag)) {
                continue;
            }
            items.row(tag, Instant.ofEpochMilli(row.getLong(GitData.AT)), row.getString(GitData.TARGET));
            count++;
        }
        return Measurement.of(count, items.build(), Sample.count(count, count + " " + noun(count)));
    }
}
