package dev.gqm.dataset;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.Review;
import dev.gqm.model.Note;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issue tracker as it stood at as-of: issues and pull requests (kept apart, although GitHub
 * lists both as issues) created by then, each with the comments and reviews made by then.
 * An item closed after as-of is open here; a comment after as-of does not exist yet.
 * Reopened items: only the last close is known, so an item closed before as-of and reopened
 * since is taken as open at as-of.
 */
public final class IssueData {
    private final List<TrackedItem> issues;
    private final List<TrackedItem> pulls;
    private final List<Note> notes;

    private IssueData(List<TrackedItem> issues, List<TrackedItem> pulls, List<Note> notes) {
        this.issues = issues;
        this.pulls = pulls;
        this.notes = List.copyOf(notes);
    }

    /** The same items with data notes that every value read from them carries (a partial collection). */
    public IssueData withNotes(List<Note> more) {
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return new IssueData(issues, pulls, all);
    }

    /** Facts that limit how far values from these items can be trusted. */
    public List<Note> notes() {
        return notes;
    }

    public static IssueData build(List<Issue> items, List<Comment> comments, List<Review> reviews,
                                  IdentityResolver identities, Instant asOf) {
        Map<Integer, List<Response>> commentsByNumber = new HashMap<>();
        for (Comment c : comments) {
            if (!c.createdAt().isAfter(asOf)) {
                commentsByNumber.computeIfAbsent(c.issueNumber(), n -> new ArrayList<>())
                        .add(new Response(person(identities, c.author()), c.createdAt()));
            }
        }
        Map<Integer, List<Response>> reviewsByNumber = new HashMap<>();
        for (Review r : reviews) {
            if (r.submittedAt() != null && !r.submittedAt().isAfter(asOf)) {
                reviewsByNumber.computeIfAbsent(r.pullNumber(), n -> new ArrayList<>())
                        .add(new Response(person(identities, r.author()), r.submittedAt()));
            }
        }
        List<TrackedItem> issues = new ArrayList<>();
        List<TrackedItem> pulls = new ArrayList<>();
        for (Issue i : items) {
            if (i.createdAt().isAfter(asOf)) {
                continue;
            }
            Instant closed = i.closedAt() != null && !i.closedAt().isAfter(asOf) ? i.closedAt() : null;
            Instant merged = i.mergedAt() != null && !i.mergedAt().isAfter(asOf) ? i.mergedAt() : null;
            TrackedItem t = new TrackedItem(i.number(), i.title(), i.url(), person(identities, i.author()), i.createdAt(),
                    closed, merged, i.draft(), i.labels(), sorted(commentsByNumber.get(i.number())),
                    i.pullRequest() ? sorted(reviewsByNumber.get(i.number())) : List.of());
            (i.pullRequest() ? pulls : issues).add(t);
        }
        issues.sort(Comparator.comparingInt(TrackedItem::number));
        pulls.sort(Comparator.comparingInt(TrackedItem::number));
        return new IssueData(List.copyOf(issues), List.copyOf(pulls), List.of());
    }

    private static Person person(IdentityResolver identities, Actor a) {
        return identities.resolveLogin(a.login(), a.bot());
    }

    private static List<Response> sorted(List<Response> rs) {
        if (rs == null) {
            return List.of();
        }
        rs.sort(Comparator.comparing(Response::at));
        return rs;
    }

    /** Issues that are not pull requests. */
    public List<TrackedItem> issues() {
        return issues;
    }

    public List<TrackedItem> pulls() {
        return pulls;
    }

    /** The earliest creation time, for the start of time series, or null. */
    public Instant firstCreated() {
        return java.util.stream.Stream.concat(issues.stream(), pulls.stream()).map(TrackedItem::createdAt)
                .min(Comparator.naturalOrder()).orElse(null);
    }
}
