package dev.gqm.collect.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real on-disk repository with commits at given instants, for tests of path-based sources. */
public final class RepoFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final Git git;
    private final Path dir;

    private RepoFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static RepoFixture init(Path dir) throws Exception {
        return new RepoFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    public Git git() {
        return git;
    }

    public Path dir() {
        return dir;
    }

    public String uri() {
        return dir.toUri().toString();
    }

    public static PersonIdent ident(String name, String email, Instant when) {
        return new PersonIdent(name, email, when, ZoneOffset.UTC);
    }

    /** A commit authored and committed by {@code name} at {@code when}. */
    public RevCommit commit(String name, String email, Instant when, String message) throws Exception {
        return commit(ident(name, email, when), ident(name, email, when), message);
    }

    public RevCommit commit(PersonIdent author, PersonIdent committer, String message) throws Exception {
        return git.commit().setAuthor(author).setCommitter(committer).setMessage(message)
                .setAllowEmpty(true).setSign(false).call();
    }

    public void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        git.add().addFilepattern(path).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
