package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-ins' check of GitHub's query limits, on gqm's own queries and on ones GitHub refuses. */
class GitHubSchemaLimitsTest {
    private static final Map<String, Object> PAGE = Map.of("owner", "o", "name", "r", "n", 100);

    @Test
    void gqmsListingsAtTheirLargestPageAreWithinTheLimits() {
        assertEquals(List.of(), GitHubSchema.limits(GitHubGraphQlSource.ISSUES_QUERY, PAGE));
        assertEquals(List.of(), GitHubSchema.limits(GitHubGraphQlSource.PULLS_QUERY, PAGE));
    }

    @Test
    void nodesAreCountedAsGitHubDocumentsThem() {
        // 100 issues + 100 × 100 comments + 100 × 100 × 100 reactions = 1,010,100 nodes, three deep
        String query = "query { repository(owner: \"o\", name: \"r\") { issues(first: 100) { nodes {"
                + " comments(first: 100) { nodes { reactions(first: 100) { nodes { content } } } } } } } }";
        assertEquals(List.of("reactions: connections nested 3 deep",
                "the query asks for up to 1010100 nodes, over GitHub's 500000"), GitHubSchema.limits(query, Map.of()));
    }

    @Test
    void aConnectionNeedsAFirstOfAtMostAHundred() {
        String query = "query($n: Int!) { repository(owner: \"o\", name: \"r\") { issues(first: $n) { nodes { id }"
                + " } labels { nodes { name } } } }";
        assertEquals(List.of("issues: a connection needs first (or last) of 1 to 100, not 101",
                "labels: a connection needs first (or last) of 1 to 100, not none"),
                GitHubSchema.limits(query, Map.of("n", 101)));
    }
}
