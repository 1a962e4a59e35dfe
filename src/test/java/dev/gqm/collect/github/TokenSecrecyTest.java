package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.SourceException;
import dev.gqm.store.IssueSync;
import dev.gqm.store.TrackerTables;
import dev.gqm.store.IssueStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canary token is sent to the server and to nothing else: no message, progress line or store. */
class TokenSecrecyTest {
    private static final String CANARY = "ghp_CANARY0123456789abcdefCANARY";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void tokenComesFromGithubTokenThenGhToken() {
        assertEquals(Optional.of("a"), GitHubToken.fromEnvironment(Map.of("GITHUB_TOKEN", "a", "GH_TOKEN", "b")).value());
        assertEquals(Optional.of("b"), GitHubToken.fromEnvironment(Map.of("GITHUB_TOKEN", " ", "GH_TOKEN", "b")).value());
        GitHubToken none = GitHubToken.fromEnvironment(Map.of());
        assertEquals(Optional.empty(), none.value());
        assertTrue(none.warning().orElseThrow().contains("anonymously"));
        GitHubToken canary = GitHubToken.fromEnvironment(Map.of("GH_TOKEN", CANARY));
        assertEquals(Optional.empty(), canary.warning());
        assertEquals("GitHubToken[from GH_TOKEN]", canary.toString());
    }

    @Test
    void canaryNeverLeaks() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        try (FakeGitHub github = new FakeGitHub("acme/widget");
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gqm.db"))) {
            github.pageSize = 1;
            github.addIssue(1, 1, "alice", "User", "NONE", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", null, true);
            github.addIssue(2, 2, "bob", "User", "NONE", "2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z", null, false);
            github.addPull(9001, 1, "alice", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", null, false);
            github.addReview(5, 1, "carol", "User", "2025-01-01T00:00:00Z", "APPROVED");
            github.fail("/repos/acme/widget/issues", 403, Map.of("X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 5)), "{}");
            TrackerTables.create(connection);
            IssueStore store = new IssueStore(connection, 1);
            GitHubIssueSource source = new GitHubIssueSource("acme/widget", github.url(), CANARY, d -> { },
                    Clock.fixed(NOW, ZoneOffset.UTC), progress::add, Duration.ofHours(1));

            new IssueSync(store).sync(source);
            assertEquals(2, store.issues().size());
            // every request, the library's and ours, carried the token
            assertEquals(source.requests(), github.authorizations.size());
            assertTrue(github.authorizations.stream().allMatch(a -> a.equals("token " + CANARY)),
                    github.authorizations.toString());
            // the token is not spent on learning who we are
            assertTrue(github.requests.stream().noneMatch(r -> r.startsWith("/user")), github.requests.toString());

            for (int status : new int[] {401, 404, 403, 500}) {
                for (int i = 0; i < 4; i++) {
                    github.fail("/repos/acme/widget", status, Map.of(), "{\"message\":\"no\"}");
                }
                SourceException e = assertThrows(SourceException.class, () -> new GitHubIssueSource("acme/widget",
                        github.url(), CANARY, d -> { }, Clock.fixed(NOW, ZoneOffset.UTC), progress::add,
                        Duration.ofHours(1)).collect(Map.of(), new RecordingSink()));
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                seen.add(trace.toString());
            }
            seen.add(source.toString());
        }
        assertEquals(1, progress.size());
        seen.addAll(progress);
        for (String text : seen) {
            assertFalse(text.contains("CANARY"), text);
        }
        for (Path file : Files.list(dir).toList()) {
            assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("CANARY"),
                    file.toString());
        }
    }
}
