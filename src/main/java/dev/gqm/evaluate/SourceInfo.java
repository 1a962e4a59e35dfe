package dev.gqm.evaluate;

import dev.gqm.metric.Source;
import java.util.Set;

/**
 * A source as reports show it. Git: {@code location} and {@code head}. A tracker (kind "github",
 * or any other a source plugs in): the {@code repository} (project, products) it reads, the
 * {@code name} people know it by with its noun ("GitHub", "GitLab project", "Bugzilla product"),
 * {@code where} it is when that is not told by the name ("on invent.kde.org"; may be null), and the
 * {@code webUrl} of its page, when known. {@code gives}: what the run's metrics read from it.
 */
public record SourceInfo(String kind, String location, String head, String repository, String name, String webUrl,
                         String where, Set<Source> gives) {
    public SourceInfo {
        gives = gives == null ? Set.of() : Set.copyOf(gives);
    }

    public SourceInfo(String kind, String location, String head, String repository, String name, String webUrl) {
        this(kind, location, head, repository, name, webUrl, null, Set.of());
    }

    public static SourceInfo git(String location, String head) {
        return new SourceInfo("git", location, head, null, "Git", null, null, Set.of(Source.GIT));
    }

    public static SourceInfo tracker(String kind, String name, String repository, String webUrl) {
        return new SourceInfo(kind, null, null, repository, name, webUrl);
    }

    public static SourceInfo tracker(String kind, String name, String repository, String webUrl, String where,
                                     Set<Source> gives) {
        return new SourceInfo(kind, null, null, repository, name, webUrl, where, gives);
    }

    /** The same with other texts (cleaned or masked for output), {@code gives} kept. */
    public SourceInfo withTexts(String kind, String location, String head, String repository, String name,
                                String webUrl, String where) {
        return new SourceInfo(kind, location, head, repository, name, webUrl, where, gives);
    }

    /** Whether this is the Git history (else a tracker). */
    public boolean git() {
        return "git".equals(kind);
    }
}
