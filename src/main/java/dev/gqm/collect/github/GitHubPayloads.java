package dev.gqm.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.http.JsonFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads our records from GitHub REST payloads. Logins come from the embedded user objects, so
 * no {@code /users/{login}} request is ever needed.
 */
final class GitHubPayloads {
    private static final JsonFields FIELDS = new JsonFields("GitHub");
    private GitHubPayloads() {
    }

    /** An element of {@code /issues} (pull requests carry a {@code pull_request} key) or of {@code /pulls}. */
    static Issue issue(JsonNode node, boolean fromPulls) throws SourceException {
        List<String> labels = new ArrayList<>();
        for (JsonNode label : node.path("labels")) {
            labels.add(label.path("name").asText(""));
        }
        return new Issue(
                FIELDS.number(node, "id"),
                (int) FIELDS.number(node, "number"),
                node.path("title").asText(""),
                node.path("html_url").asText(""),
                actor(node.path("user")),
                node.path("author_association").asText(""),
                FIELDS.required(node, "created_at"),
                FIELDS.required(node, "updated_at"),
                FIELDS.optional(node, "closed_at"),
                fromPulls || node.hasNonNull("pull_request"),
                fromPulls ? FIELDS.optional(node, "merged_at") : null,
                node.path("draft").asBoolean(false),
                labels,
                node.path("state").asText(""));
    }

    /** An element of the repository-wide {@code /issues/comments} listing. */
    static Comment comment(JsonNode node) throws SourceException {
        String issueUrl = node.path("issue_url").asText("");
        int slash = issueUrl.lastIndexOf('/');
        int issueNumber;
        try {
            issueNumber = Integer.parseInt(issueUrl.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw FIELDS.malformed("comment " + node.path("id").asText() + " has no issue number in issue_url");
        }
        return new Comment(FIELDS.number(node, "id"), issueNumber, actor(node.path("user")),
                FIELDS.required(node, "created_at"), FIELDS.required(node, "updated_at"));
    }

    /** An element of {@code /pulls/{n}/reviews}. */
    static Review review(JsonNode node, int pullNumber) throws SourceException {
        return new Review(FIELDS.number(node, "id"), pullNumber, actor(node.path("user")),
                FIELDS.optional(node, "submitted_at"), node.path("state").asText(""));
    }

    private static Actor actor(JsonNode user) {
        // a deleted account comes as null: keep the item, with an empty login
        return new Actor(user.path("login").asText(""), user.path("type").asText(""));
    }
}
