package dev.gqm.dataset;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import dev.gqm.model.Note;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;
import tech.tablesaw.table.TableSlice;

/**
 * Git history as of one instant, after identity merging: non-merge commits with plausible dates
 * at or before as-of (later ones are not yet part of the history), as Tablesaw tables, each sorted
 * by {@code at} newest first (equal times in history order, newest committed first, as the store
 * gives them):
 * <ul>
 *   <li>commits ({@value #ID}, {@value #PERSON}, {@value #AT}, {@value #BOT}): one row per commit,
 *       for its author; {@value #ID} is an integer that {@link #commitId(int)} turns into the commit
 *       id (as a string column, 100k distinct ids would make a dictionary as large as the column)</li>
 *   <li>contributions ({@value #PERSON}, {@value #AT}, {@value #BOT}): the author and every
 *       co-author of each commit, each person once per commit, the author first</li>
 *   <li>first contributions ({@value #PERSON}, {@value #AT}, {@value #COMMIT}, {@value #BOT}):
 *       each person's earliest contribution</li>
 *   <li>tags ({@value #NAME}, {@value #TARGET}, {@value #AT}): tags dated at or before as-of</li>
 * </ul>
 * {@value #PERSON} holds {@link Person#key()}, which {@link #person(String)} resolves; {@value #AT}
 * is the author time (a tag's date) in epoch milliseconds; {@value #BOT} is {@link Person#bot()}:
 * true for bots and AI coding agents alike.
 *
 * <p>Metrics ask for many windows (a time series is a dozen of them) over histories of 100k
 * commits. Since the rows are sorted by time, a window is two binary searches over {@value #AT},
 * and the window's rows a {@link TableSlice}: a view of the table, nothing copied. ({@code
 * Table.inRange} and {@code Table.where} copy cell by cell, through the string dictionaries; over
 * a report's hundred windows that cost more than all the git metrics did on plain arrays.) Bots'
 * rows are left out only for a window that holds some: those rows are then copied into a table of
 * their own, since a view with holes looks every row up in its selection. Read the slices; the
 * dataset's tables behind them are shared.
 *
 * <p>The first use of {@link Table} in a process scans the whole class path (about half a second
 * in the fat jar): {@link TablesawWarmup} runs it while collection waits for the Git walk.
 */
public final class GitData {
    public static final String ID = "id";
    public static final String PERSON = "person";
    public static final String AT = "at";
    public static final String COMMIT = "commit";
    public static final String BOT = "bot";
    public static final String NAME = "name";
    public static final String TARGET = "target";

    /** Commits dated before this are taken as broken clocks. */
    static final Instant PLAUSIBLE_FROM = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    /** A history whose newest commit is older than this before as-of may be missing recent activity. */
    static final Duration EARLY_END = Duration.ofDays(30);

    private final SortedRows commits;
    private final SortedRows contributions;
    private final SortedRows firstContributions;
    private final SortedRows tags;
    private final Map<String, Person> people;
    private final List<String> commitIds;
    private final int implausible;
    private final List<Note> notes;
    private final List<AliasCandidates.Group> aliasCandidates;

    private GitData(SortedRows commits, SortedRows contributions, SortedRows firstContributions, SortedRows tags,
                    Map<String, Person> people, List<String> commitIds, int implausible, List<Note> notes,
                    List<AliasCandidates.Group> aliasCandidates) {
        this.commits = commits;
        this.commitIds = commitIds;
        this.contributions = contributions;
        this.firstContributions = firstContributions;
        this.tags = tags;
        this.people = people;
        this.implausible = implausible;
        this.notes = List.copyOf(notes);
        this.aliasCandidates = List.copyOf(aliasCandidates);
    }

    /**
     * Builds the dataset from history in store order. Merge commits are left out (they are not
     * contributions); so are commits dated before 1990 or more than a day after {@code collectedAt}
     * (clocks that were wrong: counted in {@link #implausible()}) and commits after as-of (not yet
     * part of the history).
     *
     * @param collectedAt when the history was collected: the run's clock
     * @param shallow     the repository is a shallow clone
     */
    public static GitData build(List<Commit> history, List<Tag> tagList, IdentityResolver identities, Instant asOf,
                                Instant collectedAt, boolean shallow) {
        TablesawWarmup.awaitReady();
        long asOfMs = asOf.toEpochMilli();
        long latestPlausible = collectedAt.plusSeconds(86_400).toEpochMilli();
        long earliestPlausible = PLAUSIBLE_FROM.toEpochMilli();
        Map<String, Person> people = new HashMap<>();
        // per person as the resolver gave it (one object per spelling): its commits, for alias candidates
        Map<Person, Tally> tallies = new IdentityHashMap<>();
        HistoryRows commitRows = new HistoryRows(history.size());
        HistoryRows contributionRows = new HistoryRows(history.size());
        int implausible = 0;
        long newest = Long.MIN_VALUE;
        List<Tally> coAuthors = new ArrayList<>();
        for (Commit c : history) {
            long at = c.authoredAt().toEpochMilli();
            if (at < earliestPlausible || at > latestPlausible) {
                if (!c.merge()) {
                    implausible++;
                }
                continue;
            }
            if (at > asOfMs) {
                continue;
            }
            newest = Math.max(newest, at);
            if (c.merge()) {
                continue;
            }
            Tally author = tally(people, tallies, identities.resolve(c.author()));
            author.commits++;
            commitRows.add(author.person, at, c.id());
            contributionRows.add(author.person, at, c.id());
            coAuthors.clear();
            // a commit names a co-author or two; a hostile one may name 20,000: past a few, each
            // one is checked against a set instead of the list, or the check is quadratic
            Set<Person> named = c.coAuthors().size() > 8 ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
            for (Signature co : c.coAuthors()) {
                Tally t = tally(people, tallies, identities.resolve(co));
                if (t.person == author.person) {
                    continue;
                }
                boolean first = named != null ? named.add(t.person) : coAuthors.stream().noneMatch(o -> o.person == t.person);
                if (first) {
                    coAuthors.add(t);
                }
            }
            for (Tally t : coAuthors) {
                t.commits++;
                contributionRows.add(t.person, at, c.id());
            }
        }
        // Tablesaw is initialised (awaitReady): the commits table is built on another thread while
        // this one builds the others, which share nothing with it
        SortedRows tags = new SortedRows(tagTable(tagList, earliestPlausible, asOfMs));
        CompletableFuture<SortedRows> commits = CompletableFuture.supplyAsync(
                () -> new SortedRows(commitRows.table("commits", commitRows.all(), ID, PERSON, AT, BOT)));
        // no commit column: no metric reads it, and every window would copy it
        SortedRows contributions = new SortedRows(contributionRows.table("contributions", contributionRows.all(),
                PERSON, AT, BOT));
        SortedRows firsts = new SortedRows(contributionRows.table("first contributions", contributionRows.firsts(),
                PERSON, AT, COMMIT, BOT));
        List<Note> notes = new ArrayList<>();
        if (shallow) {
            notes.add(new Note(Note.SHALLOW_HISTORY, "the clone is shallow: history stops at its boundary, so older"
                    + " activity and first contributions before it are missing"));
        }
        if (newest != Long.MIN_VALUE && asOfMs - newest > EARLY_END.toMillis()) {
            // tenths of a day, rounded up: a gap just over 30 days must not read "30 days"
            String days = java.math.BigDecimal.valueOf(Math.ceil((asOfMs - newest) / 8_640_000.0) / 10.0)
                    .setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString();
            notes.add(new Note(Note.HISTORY_ENDS_EARLY, "the newest commit (" + LocalDate.ofInstant(
                    Instant.ofEpochMilli(newest), ZoneOffset.UTC) + ") is " + days + " days before as-of: recent"
                    + " activity may be missing (an old clone or the wrong branch?)"));
        }
        return new GitData(commits.join(), contributions, firsts, tags, Map.copyOf(people),
                Collections.unmodifiableList(commitRows.commit), implausible, notes,
                AliasCandidates.find(seen(tallies.values())));
    }

    /** A person as one spelling of them, and the commits that spelling authored or co-authored. */
    private static final class Tally {
        final Person spelled;
        final Person person;
        int commits;

        Tally(Person spelled, Person person) {
            this.spelled = spelled;
            this.person = person;
        }
    }

    /** The tally of a person as the resolver gave them; its {@code person} is the first seen with that key. */
    private static Tally tally(Map<String, Person> people, Map<Person, Tally> tallies, Person resolved) {
        Tally t = tallies.get(resolved);
        if (t == null) {
            t = new Tally(resolved, remember(people, resolved));
            tallies.put(resolved, t);
        }
        return t;
    }

    /** Each person's commits, names and e-mails, from the tallies of their spellings; bots' left out. */
    private static List<AliasCandidates.Seen> seen(Collection<Tally> tallies) {
        Map<String, List<Tally>> byKey = new LinkedHashMap<>();
        for (Tally t : tallies) {
            if (!t.person.bot() && t.commits > 0) {
                byKey.computeIfAbsent(t.person.key(), k -> new ArrayList<>()).add(t);
            }
        }
        List<AliasCandidates.Seen> seen = new ArrayList<>(byKey.size());
        for (List<Tally> spellings : byKey.values()) {
            Map<String, Integer> names = new LinkedHashMap<>();
            Map<String, Integer> emails = new LinkedHashMap<>();
            int commits = 0;
            for (Tally t : spellings) {
                commits += t.commits;
                names.merge(t.spelled.name(), t.commits, Integer::sum);
                if (!t.spelled.email().isEmpty()) {
                    emails.merge(t.spelled.email(), t.commits, Integer::sum);
                }
            }
            seen.add(new AliasCandidates.Seen(spellings.get(0).person, commits, spellings(names), spellings(emails)));
        }
        return seen;
    }

    private static List<AliasCandidates.Spelling> spellings(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new AliasCandidates.Spelling(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(AliasCandidates.Spelling::commits).reversed()
                        .thenComparing(AliasCandidates.Spelling::text))
                .toList();
    }

    private static Person remember(Map<String, Person> people, Person p) {
        Person known = people.putIfAbsent(p.key(), p);
        return known == null ? p : known;
    }

    /** Tags dated in [1990, as-of], newest first; equal dates keep store order (by name). */
    private static Table tagTable(List<Tag> tagList, long earliestPlausible, long asOfMs) {
        List<Tag> kept = tagList.stream()
                .filter(t -> t.date().toEpochMilli() <= asOfMs && t.date().toEpochMilli() >= earliestPlausible)
                .sorted((a, b) -> b.date().compareTo(a.date()))
                .toList();
        return Table.create("tags",
                StringColumn.create(NAME, kept.stream().map(Tag::name)),
                StringColumn.create(TARGET, kept.stream().map(Tag::target)),
                LongColumn.create(AT, kept.stream().mapToLong(t -> t.date().toEpochMilli())));
    }

    /** Non-merge commits authored in the window, one row per commit for its author; bots' left out unless asked. */
    public TableSlice commitsIn(Window w, boolean includeBots) {
        return commits.in(w, includeBots);
    }

    /** Authors and co-authors of the window's commits, one row per person and commit (no commit column). */
    public TableSlice contributionsIn(Window w, boolean includeBots) {
        return contributions.in(w, includeBots);
    }

    /**
     * Each person's first contribution ever: the earliest author time; of equal times, the one
     * first in history order (the newest committed). Bots' left out unless asked.
     */
    public TableSlice firstContributions(boolean includeBots) {
        return firstContributions.all(includeBots);
    }

    /** The first contributions that fall in the window. */
    public TableSlice firstContributionsIn(Window w, boolean includeBots) {
        return firstContributions.in(w, includeBots);
    }

    /** Tags dated in the window. */
    public TableSlice tagsIn(Window w) {
        return tags.in(w, true);
    }

    public Person person(String key) {
        return people.get(key);
    }

    /** The commit id behind a value of the commits table's {@value #ID} column. */
    public String commitId(int id) {
        return commitIds.get(id);
    }

    /** Non-merge commits left out for a date before 1990 or more than a day after the collection. */
    public int implausible() {
        return implausible;
    }

    /**
     * The notes on every value of this history: {@code shallow-history} and {@code
     * history-ends-early} (the newest commit at or before as-of is more than 30 days before it).
     */
    public List<Note> notes() {
        return notes;
    }

    /** Identities of people that look like one person but were not merged, over the history up to as-of. */
    public List<AliasCandidates.Group> aliasCandidates() {
        return aliasCandidates;
    }

    /**
     * The notes on a count of the people who contributed in {@code w}: {@code aliases-suspected}
     * when some alias candidates have an identity among them. Aliases seen only outside the window
     * cannot change the count, so they are no note on it.
     */
    public List<Note> peopleNotes(Window w) {
        if (aliasCandidates.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (tech.tablesaw.api.Row row : contributionsIn(w, true)) {
            present.add(row.getString(PERSON));
        }
        long groups = aliasCandidates.stream()
                .filter(g -> g.identities().stream().anyMatch(s -> present.contains(s.person().key())))
                .count();
        if (groups == 0) {
            return List.of();
        }
        return List.of(new Note(Note.ALIASES_SUSPECTED, groups == 1
                ? "1 group of identities looks like one person (same full name or GitHub no-reply id) but was not"
                        + " merged: run gqm identities suggest"
                : groups + " groups of identities look like one person each (same full name or GitHub no-reply id)"
                        + " but were not merged: run gqm identities suggest"));
    }

    /** True when there is no commit at all at or before as-of. */
    public boolean empty() {
        return commits.rows.rowCount() == 0;
    }

    /** The earliest commit time, for the start of time series. */
    public Instant firstCommit() {
        return empty() ? null : Instant.ofEpochMilli(commits.rows.longColumn(AT).getLong(commits.rows.rowCount() - 1));
    }

    /** A table sorted by {@value #AT} newest first, and where its bots' rows are. */
    private static final class SortedRows {
        final Table rows;
        /** Positions of bots' rows, ascending; usually none, so that most windows need no filtering. */
        private final int[] botRows;

        SortedRows(Table rows) {
            this.rows = rows;
            this.botRows = rows.containsColumn(BOT) ? rows.booleanColumn(BOT).isTrue().toArray() : new int[0];
        }

        /** The rows in (from, to]: two binary searches over {@value #AT}. */
        TableSlice in(Window w, boolean includeBots) {
            LongColumn at = rows.longColumn(AT);
            return slice(firstAtOrBefore(at, w.to().toEpochMilli()), firstAtOrBefore(at, w.from().toEpochMilli()),
                    includeBots);
        }

        TableSlice all(boolean includeBots) {
            return slice(0, rows.rowCount(), includeBots);
        }

        private TableSlice slice(int from, int to, boolean includeBots) {
            Selection rowsInRange = Selection.withRange(from, to);
            int firstBot = firstAtLeast(botRows, from);
            int afterBots = firstAtLeast(botRows, to);
            if (includeBots || firstBot == afterBots) {
                return new TableSlice(rows, rowsInRange);
            }
            // a view with holes looks each row up in its selection: copy the window's other rows instead,
            // column by column (Table.where copies cell by cell)
            Selection people = rowsInRange.andNot(Selection.with(Arrays.copyOfRange(botRows, firstBot, afterBots)));
            return new TableSlice(Table.create(rows.name(), rows.columns().stream().map(c -> c.where(people))));
        }

        /** In a column sorted newest first, the first row at or before {@code t}. */
        private static int firstAtOrBefore(LongColumn at, long t) {
            int lo = 0;
            int hi = at.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at.getLong(mid) > t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** In ascending distinct positions, the index of the first at or after {@code row}. */
        private static int firstAtLeast(int[] positions, int row) {
            int i = Arrays.binarySearch(positions, row);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** Rows of (person, at, commit) in history order, as collected, before they become a table. */
    private static final class HistoryRows {
        private final List<Person> person;
        private final List<String> commit;
        private long[] at;

        HistoryRows(int expected) {
            person = new ArrayList<>(expected);
            commit = new ArrayList<>(expected);
            at = new long[Math.max(16, expected)];
        }

        void add(Person p, long time, String commitId) {
            if (person.size() == at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[person.size()] = time;
            person.add(p);
            commit.add(commitId);
        }

        int[] all() {
            int[] rows = new int[person.size()];
            Arrays.setAll(rows, i -> i);
            return rows;
        }

        /** Each person's earliest row, the first in history order among equal times; in history order. */
        int[] firsts() {
            Map<String, Integer> first = new HashMap<>();
            for (int row = 0; row < person.size(); row++) {
                Integer seen = first.get(person.get(row).key());
                if (seen == null || at[row] < at[seen]) {
                    first.put(person.get(row).key(), row);
                }
            }
            return first.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        /** The rows (given in history order) ordered newest first; a stable sort keeps history order among equal times. */
        private int[] newestFirst(int[] rows) {
            Integer[] order = new Integer[rows.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = rows[i];
            }
            Arrays.sort(order, (a, b) -> Long.compare(at[b], at[a]));
            int[] out = new int[order.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        }

        /** A table of the given rows (in history order) with the named columns, sorted newest first. */
        Table table(String name, int[] historyRows, String... columns) {
            int[] rows = newestFirst(historyRows);
            List<Column<?>> out = new ArrayList<>(columns.length);
            for (String column : columns) {
                out.add(switch (column) {
                    case ID -> IntColumn.create(column, rows);
                    case COMMIT -> StringColumn.create(column, Arrays.stream(rows).mapToObj(commit::get));
                    case PERSON -> StringColumn.create(column, Arrays.stream(rows).mapToObj(r -> person.get(r).key()));
                    case AT -> LongColumn.create(column, Arrays.stream(rows).mapToLong(r -> at[r]).toArray());
                    case BOT -> {
                        boolean[] bot = new boolean[rows.length];
                        for (int i = 0; i < rows.length; i++) {
                            bot[i] = person.get(rows[i]).bot();
                        }
                        yield BooleanColumn.create(column, bot);
                    }
                    default -> throw new IllegalArgumentException("no column " + column);
                });
            }
            return Table.create(name, out);
        }
    }
}
