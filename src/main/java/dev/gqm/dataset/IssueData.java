package dev.gqm.dataset;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.TrackerRecords;
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
 * An item closed after as-of is open here; a comment after as-of does not exist yet. Closes and
 * reopens come from the source's state events where it keeps them (see {@link #build}).
 */
public final class IssueData {
    private final List<TrackedItem> issues;
    private final List<TrackedItem> pulls;
    private final List<Note> notes;
    private final boolean hasIssues;
    private final boolean hasChanges;

    private IssueData(List<TrackedItem> issues, List<TrackedItem> pulls, List<Note> notes, boolean hasIssues,
                      boolean hasChanges) {
        this.issues = issues;
        this.pulls = pulls;
        this.notes = List.copyOf(notes);
        this.hasIssues = hasIssues;
        this.hasChanges = hasChanges;
    }

    private IssueData(List<TrackedItem> issues, List<TrackedItem> pulls, List<Note> notes) {
        this(issues, pulls, notes, true, true);
    }

    /** The same items with data notes that every value read from them carries (a partial collection). */
    public IssueData withNotes(List<Note> more) {
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return new IssueData(issues, pulls, all, hasIssues, hasChanges);
    }

    /** A bug tracker's items: its issues, and no change requests (it has none: a forge gives them). */
    public IssueData issuesOnly() {
        return new IssueData(issues, List.of(), notes, true, false);
    }

    /**
     * The issues of a bug tracker with the change requests of a forge (KDE: bugs on Bugzilla, merge
     * requests on GitLab); the notes of both.
     */
    public static IssueData combine(IssueData bugTracker, IssueData forge) {
        List<Note> all = new ArrayList<>(bugTracker.notes);
        forge.notes.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new IssueData(bugTracker.issues, forge.pulls, all, true, forge.hasChanges);
    }

    /** Whether a source of issues was given (false: issue metrics are no-data). */
    public boolean hasIssues() {
        return hasIssues;
    }

    /** Whether a forge was given, whose change requests these are (false: change metrics are no-data). */
    public boolean hasChanges() {
        return hasChanges;
    }

    /** Facts that limit how far values from these items can be trusted. */
    public List<Note> notes() {
        return notes;
    }

    /**
     * The items of {@code records} as they stood at {@code asOf}. An item's state changes are its
     * recorded state events when the source keeps any for it; otherwise its present close time
     * is taken as its one close (an item closed before as-of and reopened since then counts as
     * open at as-of, the best a source without history allows).
     */
    public static IssueData build(TrackerRecords records, IdentityResolver identities, Instant asOf) {
        Map<Key, List<Response>> commentsByItem = new HashMap<>();
        for (Comment c : records.comments()) {
            if (!c.createdAt().isAfter(asOf)) {
                commentsByItem.computeIfAbsent(new Key(c.on(), c.issueNumber()), n -> new ArrayList<>())
                        .add(new Response(person(identities, c.author()), c.createdAt()));
            }
        }
        Map<Integer, List<Response>> reviewsByNumber = new HashMap<>();
        for (Review r : records.reviews()) {
            if (r.submittedAt() != null && !r.submittedAt().isAfter(asOf)) {
                reviewsByNumber.computeIfAbsent(r.changeNumber(), n -> new ArrayList<>())
                        .add(new Response(person(identities, r.author()), r.submittedAt()));
            }
        }
        Map<Key, List<StateEvent>> eventsByItem = new HashMap<>();
        for (StateEvent e : records.events()) {
            eventsByItem.computeIfAbsent(new Key(e.on(), e.number()), n -> new ArrayList<>()).add(e);
        }
        List<TrackedItem> issues = new ArrayList<>();
        List<TrackedItem> pulls = new ArrayList<>();
        for (Issue i : records.items()) {
            if (i.createdAt().isAfter(asOf)) {
                continue;
            }
            Instant merged = i.mergedAt() != null && !i.mergedAt().isAfter(asOf) ? i.mergedAt() : null;
            List<Response> comments = new ArrayList<>(either(commentsByItem, i.type(), i.number()));
            TrackedItem t = new TrackedItem(i.number(), i.title(), i.url(), person(identities, i.author()), i.createdAt(),
                    states(i, either(eventsByItem, i.type(), i.number()), asOf), merged, i.draft(), i.labels(),
                    sorted(comments), i.changeRequest() ? sorted(reviewsByNumber.get(i.number())) : List.of());
            (i.changeRequest() ? pulls : issues).add(t);
        }
        issues.sort(Comparator.comparingInt(TrackedItem::number));
        pulls.sort(Comparator.comparingInt(TrackedItem::number));
        return new IssueData(List.copyOf(issues), List.copyOf(pulls), List.of());
    }

    /** An item as comments and state events name it. */
    private record Key(ItemType on, int number) {
    }

    /** The records naming this item: by its kind, or by number alone. */
    private static <T> List<T> either(Map<Key, List<T>> byItem, ItemType type, int number) {
        List<T> exact = byItem.getOrDefault(new Key(type, number), List.of());
        List<T> any = byItem.getOrDefault(new Key(ItemType.EITHER, number), List.of());
        if (any.isEmpty()) {
            return exact;
        }
        List<T> all = new ArrayList<>(exact);
        all.addAll(any);
        return all;
    }

    private static List<TrackedItem.StateChange> states(Issue item, List<StateEvent> events, Instant asOf) {
        List<TrackedItem.StateChange> changes = new ArrayList<>();
        if (events.isEmpty()) {
            if (item.closedAt() != null && !item.closedAt().isAfter(asOf)) {
                changes.add(new TrackedItem.StateChange(item.closedAt(), true));
            }
            return changes;
        }
        List<StateEvent> ordered = new ArrayList<>(events);
        // at one instant a reopen comes before a close: an item closed and reopened "at once"
        // stays as its source left it (the later event in the source's own order is unknown)
        ordered.sort(Comparator.comparing(StateEvent::at).thenComparing(e -> e.kind().closes()));
        for (StateEvent e : ordered) {
            if (!e.at().isAfter(asOf)) {
                changes.add(new TrackedItem.StateChange(e.at(), e.kind().closes()));
            }
        }
        return changes;
    }

    private static Person person(IdentityResolver identities, Actor a) {
        return identities.resolveLogin(a.login(), a.bot());
    }

    private static List<Response> sorted(List<Response> rs) {
        if (rs == null || rs.isEmpty()) {
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
