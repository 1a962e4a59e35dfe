package dev.gqm.collect.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.http.JsonFields;
import dev.gqm.collect.StateEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads our records from GitLab REST v4 payloads, with SPEC's GitLab definitions: a comment is a
 * note with {@code system: false}; a review is the system note "approved this merge request", a
 * "requested changes" system note, or a diff note ({@code type: DiffNote}) by someone other than
 * the merge request's author; every other system note (an assignment, "added 3 commits", an edit
 * of the description, a label) is GitLab's record of an action, never a person's activity.
 */
final class GitLabPayloads {
    private static final JsonFields FIELDS = new JsonFields("GitLab");
    /**
     * GitLab's own service accounts (lower case): the ghost user that stands for deleted accounts,
     * and the internal bots of GitLab's documentation on internal users.
     */
    private static final Set<String> SERVICE_USERS = Set.of(
            "ghost", "support-bot", "alert-bot", "automation-bot", "migration-bot", "visual-review-bot",
            "gitlab-admin-bot", "gitlab-security-bot", "gitlab-security-policy-bot", "gitlab-llm-bot",
            "gitlabduo", "duo-code-review-bot");
    /** Users of project and group access tokens: {@code project_123_bot_…}, {@code group_45_bot…}. */
    private static final Pattern TOKEN_USER = Pattern.compile("(project|group)_[0-9]+_bot.*");

    private GitLabPayloads() {
    }

    /** An element of {@code /issues} or {@code /merge_requests}. */
    static Issue item(JsonNode node, boolean mergeRequest) throws SourceException {
        List<String> labels = new ArrayList<>();
        for (JsonNode label : node.path("labels")) {
            // plain names, or objects with with_labels_details=true
            labels.add(label.isObject() ? label.path("name").asText("") : label.asText(""));
        }
        String state = node.path("state").asText("");
        Instant merged = mergeRequest ? FIELDS.optional(node, "merged_at") : null;
        Instant closed = FIELDS.optional(node, "closed_at");
        if (closed == null && merged != null) {
            closed = merged;
        }
        return new Issue(
                FIELDS.number(node, "id"),
                (int) FIELDS.number(node, "iid"),
                node.path("title").asText(""),
                node.path("web_url").asText(""),
                actor(node.path("author")),
                "",
                FIELDS.required(node, "created_at"),
                FIELDS.required(node, "updated_at"),
                closed,
                mergeRequest,
                merged,
                mergeRequest && (node.path("draft").asBoolean(false) || node.path("work_in_progress").asBoolean(false)),
                labels,
                state);
    }

    /**
     * What the notes of one item's discussions hold: its comments, for a merge request its reviews,
     * and the closes and reopens its system notes record ("closed", "reopened"), which stand in for
     * state events where GitLab kept none (items closed before it kept resource state events).
     */
    record Notes(List<Comment> comments, List<Review> reviews, List<StateEvent> stateNotes) {
        Notes(List<Comment> comments, List<Review> reviews) {
            this(comments, reviews, new java.util.ArrayList<>());
        }
    }

    /**
     * Reads a page of {@code /discussions} (each discussion a thread of notes) of item
     * {@code number}, written by {@code author}, into {@code into}.
     */
    static void notes(JsonNode discussions, Issue item, Notes into) throws SourceException {
        ItemType on = item.type();
        for (JsonNode discussion : discussions) {
            for (JsonNode note : discussion.path("notes")) {
                Actor who = actor(note.path("author"));
                long id = FIELDS.number(note, "id");
                Instant created = FIELDS.required(note, "created_at");
                if (!note.path("system").asBoolean(false)) {
                    into.comments().add(new Comment(id, item.number(), who, created,
                            Optional.ofNullable(FIELDS.optional(note, "updated_at")).orElse(created), on));
                    if (item.changeRequest() && "DiffNote".equals(note.path("type").asText(""))
                            && !sameUser(who, item.author())) {
                        into.reviews().add(new Review(id, item.number(), who, created, "COMMENTED"));
                    }
                } else {
                    String body = note.path("body").asText("").strip().toLowerCase(Locale.ROOT);
                    if (body.equals("closed") || body.equals("reopened")) {
                        into.stateNotes().add(new StateEvent(on, item.number(), who, created,
                                body.equals("closed") ? StateEvent.Kind.CLOSED : StateEvent.Kind.REOPENED));
                    }
                    if (!item.changeRequest()) {
                        continue;
                    }
                    if (body.startsWith("approved this merge request")) {
                        into.reviews().add(new Review(id, item.number(), who, created, "APPROVED"));
                    } else if (body.startsWith("requested changes")) {
                        into.reviews().add(new Review(id, item.number(), who, created, "CHANGES_REQUESTED"));
                    }
                }
            }
        }
    }

    /** An element of {@code /resource_state_events}; empty for a state we do not track (such as locked). */
    static Optional<StateEvent> stateEvent(JsonNode node, Issue item) throws SourceException {
        StateEvent.Kind kind = switch (node.path("state").asText("")) {
            case "closed" -> StateEvent.Kind.CLOSED;
            case "reopened" -> StateEvent.Kind.REOPENED;
            case "merged" -> StateEvent.Kind.MERGED;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new StateEvent(item.type(), item.number(), actor(node.path("user")),
                FIELDS.required(node, "created_at"), kind));
    }

    /** A user object; an account GitLab or its users run as automation gets the type {@link Actor#BOT}. */
    static Actor actor(JsonNode user) {
        if (user == null || user.isMissingNode() || user.isNull()) {
            return new Actor("", "");
        }
        String login = user.path("username").asText("");
        return new Actor(login, bot(login, user.path("bot").asBoolean(false)) ? Actor.BOT : "User");
    }

    /** Whether a GitLab account is automation: marked {@code bot}, an access-token user, or a service user. */
    static boolean bot(String username, boolean markedBot) {
        String lower = username.toLowerCase(Locale.ROOT);
        return markedBot || TOKEN_USER.matcher(lower).matches() || SERVICE_USERS.contains(lower);
    }

    private static boolean sameUser(Actor a, Actor b) {
        return !a.login().isEmpty() && a.login().equalsIgnoreCase(b.login());
    }
}
