package dev.gqm.evaluate;

/** A source as shown in reports: kind "git" (location, head) or "github" (repository). */
public record SourceInfo(String kind, String location, String head, String repository) {
    public static SourceInfo git(String location, String head) {
        return new SourceInfo("git", location, head, null);
    }

    public static SourceInfo github(String repository) {
        return new SourceInfo("github", null, null, repository);
    }
}
