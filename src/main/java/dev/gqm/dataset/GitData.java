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
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Git history as of one instant, after identity merging: non-merge commits with plausible dates
 * at or before as-of. Each query answers a Tablesaw table:
 * <ul>
 *   <li>commits: id, person (author key), at (author time, epoch ms), bot</li>
 *   <li>contributions: person, at, commit, bot — the author and every co-author of each
 *       commit, each person once per commit</li>
 *   <li>first contributions: person, at, commit, bot — each person's earliest contribution</li>
 *   <li>tags: name, target, at</li>
 * </ul>
 * Rows come in history order (newest committed first), as the store gives them.
 *
 * <p>Metrics ask for many windows (a time series is a dozen of them) over histories of 100k
 * commits, so the history is held in plain arrays with an index sorted by time: a window is two
 * binary searches, and only its rows become a table.
 */
public final class GitData {
    /** Commits dated before this are taken as broken clocks. */
    static final Instant PLAUSIBLE_FROM = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    private final Rows commits;
    private final Rows contributions;
    private final Table firstContributions;
    private final Table tags;
    private final Map<String, Person> people;
    private final int implausible;

    private GitData(Rows commits, Rows contributions, Table firstContributions, Table tags,
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
        // each person's earliest contribution; on equal times the first in history order
        Map<String, Integer> first = new HashMap<>();
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
        for (int row = 0; row < contributions.size(); row++) {
            Integer seen = first.get(contributions.person[row].key());
            if (seen == null || contributions.at[row] < contributions.at[seen]) {
                first.put(contributions.person[row].key(), row);
            }
        }
        int[] firstRows = first.values().stream().mapToInt(Integer::intValue).sorted().toArray();

        StringColumn tName = StringColumn.create("name");
        StringColumn tTarget = StringColumn.create("target");
        LongColumn tAt = LongColumn.create("at");
        for (Tag t : tagList) {
            long at = t.date().toEpochMilli();
            if (at <= asOfMs && at >= earliestPlausible) {
                tName.append(t.name());
                tTarget.append(t.target());
                tAt.append(at);
            }
        }
        return new GitData(commitRows.build(), contributions,
                contributions.table("first_contributions", "commit", firstRows, true),
                Table.create("tags", tName, tTarget, tAt), Map.copyOf(people), implausible);
    }

    private static Person remember(Map<String, Person> people, Person p) {
        Person known = people.putIfAbsent(p.key(), p);
        return known == null ? p : known;
    }

    /** Non-merge commits authored in the window (id, person, at, bot), bots' left out unless asked. */
    public Table commitsIn(Window w, boolean includeBots) {
        return commits.table("commits", "id", commits.in(w), includeBots);
    }

    /** Authors and co-authors of the window's commits, one row per person and commit (person, at, commit, bot). */
    public Table contributionsIn(Window w, boolean includeBots) {
        return contributions.table("contributions", "commit", contributions.in(w), includeBots);
    }

    /**
     * Each person's first contribution ever (person, at, commit, bot): the earliest author time;
     * of equal times, the newest in history order. Bots' rows are left out unless asked.
     */
    public Table firstContributions(boolean includeBots) {
        return includeBots ? firstContributions
                : firstContributions.where(firstContributions.booleanColumn("bot").isFalse());
    }

    public Table tagsIn(Window w) {
        LongColumn at = tags.longColumn("at");
        return tags.where(at.isGreaterThan((double) w.from().toEpochMilli())
                .and(at.isLessThanOrEqualTo((double) w.to().toEpochMilli())));
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
        return commits.size() == 0 ? null : Instant.ofEpochMilli(commits.at[commits.byTime[0]]);
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

        /** Positions of the rows in (from, to], in history order. */
        int[] in(Window w) {
            int lo = firstAfter(w.from().toEpochMilli());
            int hi = firstAfter(w.to().toEpochMilli());
            int[] rows = Arrays.copyOfRange(byTime, lo, hi);
            Arrays.sort(rows);
            return rows;
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

        /** The given rows as a table: commit tables name the commit "id" and put it first. */
        Table table(String name, String commitColumn, int[] rows, boolean includeBots) {
            StringColumn cCommit = StringColumn.create(commitColumn);
            StringColumn cPerson = StringColumn.create("person");
            LongColumn cAt = LongColumn.create("at");
            BooleanColumn cBot = BooleanColumn.create("bot");
            for (int row : rows) {
                if (!includeBots && person[row].bot()) {
                    continue;
                }
                cCommit.append(commit[row]);
                cPerson.append(person[row].key());
                cAt.append(at[row]);
                cBot.append(person[row].bot());
            }
            return commitColumn.equals("id") ? Table.create(name, cCommit, cPerson, cAt, cBot)
                    : Table.create(name, cPerson, cAt, cCommit, cBot);
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
