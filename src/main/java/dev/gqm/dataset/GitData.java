package dev.gqm.dataset;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git history as of one instant, after identity merging: non-merge commits with plausible dates
 * at or before as-of, as lists of {@link Contribution} in history order (newest committed first,
 * as the store gives them):
 * <ul>
 *   <li>commits: one row per commit, for its author</li>
 *   <li>contributions: the author and every co-author of each commit, each person once per commit</li>
 *   <li>first contributions: each person's earliest contribution</li>
 * </ul>
 *
 * <p>Metrics ask for many windows (a time series is a dozen of them) over histories of 100k
 * commits, so the history is held in plain arrays with an index sorted by time: a window is two
 * binary searches. Plain lists rather than Tablesaw tables: the first Tablesaw table of a run
 * scans the whole class path, which costs more than all the git metrics together.
 */
public final class GitData {
    /** Commits dated before this are taken as broken clocks. */
    static final Instant PLAUSIBLE_FROM = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    private final Rows commits;
    private final Rows contributions;
    private final List<Contribution> firstContributions;
    private final List<GitTag> tags;
    private final Map<String, Person> people;
    private final int implausible;

    private GitData(Rows commits, Rows contributions, List<Contribution> firstContributions, List<GitTag> tags,
                    Map<String, Person> people, int implausible) {
        this.commits = commits;
        this.contributions = contributions;
        this.firstContributions = firstContributions;
        this.tags = tags;
        this.people = people;
        this.implausible = implausible;
    }

    /**
     * Builds the dataset from history in store order. Merge commits are left out (they are not
     * contributions); so are commits dated before 1990 or more than a day after as-of, which are
     * counted in {@link #implausible()}.
     */
    public static GitData build(List<Commit> history, List<Tag> tagList, IdentityResolver identities, Instant asOf) {
        long asOfMs = asOf.toEpochMilli();
        long latestPlausible = asOf.plusSeconds(86_400).toEpochMilli();
        long earliestPlausible = PLAUSIBLE_FROM.toEpochMilli();
        Map<String, Person> people = new HashMap<>();
        Rows.Builder commitRows = new Rows.Builder(history.size());
        Rows.Builder contributionRows = new Rows.Builder(history.size());
        int implausible = 0;
        List<Person> coAuthors = new ArrayList<>();
        for (Commit c : history) {
            if (c.merge()) {
                continue;
            }
            long at = c.authoredAt().toEpochMilli();
            if (at < earliestPlausible || at > latestPlausible) {
                implausible++;
                continue;
            }
            if (at > asOfMs) {
                continue;
            }
            Person author = remember(people, identities.resolve(c.author()));
            commitRows.add(author, at, c.id());
            contributionRows.add(author, at, c.id());
            coAuthors.clear();
            for (Signature co : c.coAuthors()) {
                Person p = remember(people, identities.resolve(co));
                if (p != author && !coAuthors.contains(p)) {
                    coAuthors.add(p);
                }
            }
            for (Person p : coAuthors) {
                contributionRows.add(p, at, c.id());
            }
        }
        Rows contributions = contributionRows.build();
        List<GitTag> tags = tagList.stream()
                .filter(t -> t.date().toEpochMilli() <= asOfMs && t.date().toEpochMilli() >= earliestPlausible)
                .map(t -> new GitTag(t.name(), t.target(), t.date()))
                .toList();
        return new GitData(commitRows.build(), contributions, contributions.firsts(), tags, Map.copyOf(people),
                implausible);
    }

    private static Person remember(Map<String, Person> people, Person p) {
        Person known = people.putIfAbsent(p.key(), p);
        return known == null ? p : known;
    }

    /** Non-merge commits authored in the window, one per commit for its author; bots' left out unless asked. */
    public List<Contribution> commitsIn(Window w, boolean includeBots) {
        return commits.in(w, includeBots);
    }

    /** Authors and co-authors of the window's commits, one per person and commit. */
    public List<Contribution> contributionsIn(Window w, boolean includeBots) {
        return contributions.in(w, includeBots);
    }

    /**
     * Each person's first contribution ever: the earliest author time; of equal times, the one
     * first in history order (the newest committed). Bots' left out unless asked.
     */
    public List<Contribution> firstContributions(boolean includeBots) {
        return includeBots ? firstContributions
                : firstContributions.stream().filter(c -> !c.person().bot()).toList();
    }

    /** Tags dated in the window, in store order (by name). */
    public List<GitTag> tagsIn(Window w) {
        return tags.stream().filter(t -> w.contains(t.date())).toList();
    }

    public Person person(String key) {
        return people.get(key);
    }

    /** Non-merge commits left out for a date before 1990 or after as-of + 1 day. */
    public int implausible() {
        return implausible;
    }

    /** True when there is no commit at all at or before as-of. */
    public boolean empty() {
        return commits.size() == 0;
    }

    /** The earliest commit time, for the start of time series. */
    public Instant firstCommit() {
        return commits.size() == 0 ? null : Instant.ofEpochMilli(commits.sortedAt[0]);
    }

    /** Rows of (person, at, commit) in history order, with their positions sorted by time. */
    private static final class Rows {
        final Person[] person;
        final long[] at;
        final String[] commit;
        /** Row positions ordered by {@code at}; equal times keep history order. */
        final int[] byTime;
        /** {@code at} of {@link #byTime}'s rows, for binary search. */
        final long[] sortedAt;

        private Rows(Person[] person, long[] at, String[] commit) {
            this.person = person;
            this.at = at;
            this.commit = commit;
            this.byTime = sortedByTime(at);
            this.sortedAt = new long[at.length];
            for (int i = 0; i < byTime.length; i++) {
                sortedAt[i] = at[byTime[i]];
            }
        }

        int size() {
            return at.length;
        }

        /** The rows in (from, to], in history order. */
        List<Contribution> in(Window w, boolean includeBots) {
            int lo = firstAfter(w.from().toEpochMilli());
            int hi = firstAfter(w.to().toEpochMilli());
            int[] rows = Arrays.copyOfRange(byTime, lo, hi);
            Arrays.sort(rows);
            List<Contribution> out = new ArrayList<>(rows.length);
            for (int row : rows) {
                if (includeBots || !person[row].bot()) {
                    out.add(new Contribution(person[row], at[row], commit[row]));
                }
            }
            return out;
        }

        /** Each person's earliest row, the first in history order among equal times; in history order. */
        List<Contribution> firsts() {
            Map<String, Integer> first = new HashMap<>();
            for (int row = 0; row < at.length; row++) {
                Integer seen = first.get(person[row].key());
                if (seen == null || at[row] < at[seen]) {
                    first.put(person[row].key(), row);
                }
            }
            return first.values().stream().sorted()
                    .map(row -> new Contribution(person[row], at[row], commit[row])).toList();
        }

        /** The index in {@link #sortedAt} of the first time strictly after {@code t}. */
        private int firstAfter(long t) {
            int lo = 0;
            int hi = sortedAt.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sortedAt[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int[] sortedByTime(long[] at) {
            Integer[] order = new Integer[at.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // a stable sort: equal times stay in history order
            Arrays.sort(order, (a, b) -> Long.compare(at[a], at[b]));
            int[] out = new int[order.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        }

        static final class Builder {
            private final List<Person> person;
            private long[] at;
            private final List<String> commit;

            Builder(int expected) {
                person = new ArrayList<>(expected);
                at = new long[Math.max(16, expected)];
                commit = new ArrayList<>(expected);
            }

            void add(Person p, long time, String commitId) {
                if (person.size() == at.length) {
                    at = Arrays.copyOf(at, at.length * 2);
                }
                at[person.size()] = time;
                person.add(p);
                commit.add(commitId);
            }

            Rows build() {
                return new Rows(person.toArray(Person[]::new), Arrays.copyOf(at, person.size()),
                        commit.toArray(String[]::new));
            }
        }
    }
}
