package dev.gqm.evaluate;

/**
 * A source as reports show it. Git: {@code location} and {@code head}. A tracker (kind "github",
 * or any other a source plugs in): the {@code repository} (or project) it reads, the {@code name}
 * people know it by ("GitHub") and the {@code webUrl} of that repository's page, when known.
 */
public record SourceInfo(String kind, String location, String head, String repository, String name, String webUrl) {
    public static SourceInfo git(String location, String head) {
        return new SourceInfo("git", location, head, null, "Git", null);
    }

    public static SourceInfo tracker(String kind, String name, String repository, String webUrl) {
        return new SourceInfo(kind, null, null, repository, name, webUrl);
    }

    /** Whether this is the Git history (else a tracker). */
    public boolean git() {
        return "git".equals(kind);
    }
}
