package dev.gqm.dataset;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * Git history as of one instant, after identity merging: non-merge commits with plausible dates
 * at or before as-of. Tables:
 * <ul>
 *   <li>{@code commits}: id, person (author key), at (author time, epoch ms), bot</li>
 *   <li>{@code contributions}: person, at, commit, bot — the author and every co-author of each
 *       commit, each person once per commit</li>
 *   <li>{@code tags}: name, target, at</li>
 * </ul>
 */
public final class GitData {
    /** Commits dated before this are taken as broken clocks. */
    static final Instant PLAUSIBLE_FROM = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    private final Table commits;
    private final Table contributions;
    private final Table tags;
    private final Map<String, Person> people;
    private final int implausible;

    private GitData(Table commits, Table contributions, Table tags, Map<String, Person> people, int implausible) {
        this.commits = commits;
        this.contributions = contributions;
        this.tags = tags;
        this.people = people;
        this.implausible = implausible;
    }

    /**
     * Builds the tables. Merge commits are left out (they are not contributions); so are commits
     * dated before 1990 or more than a day after as-of, which are counted in {@link #implausible()}.
     */
    public static GitData build(List<Commit> history, List<Tag> tagList, IdentityResolver identities, Instant asOf) {
        long asOfMs = asOf.toEpochMilli();
        long latestPlausible = asOf.plusSeconds(86_400).toEpochMilli();
        long earliestPlausible = PLAUSIBLE_FROM.toEpochMilli();
        Map<String, Person> people = new HashMap<>();

        StringColumn cId = StringColumn.create("id");
        StringColumn cPerson = StringColumn.create("person");
        LongColumn cAt = LongColumn.create("at");
        BooleanColumn cBot = BooleanColumn.create("bot");
        StringColumn kPerson = StringColumn.create("person");
        LongColumn kAt = LongColumn.create("at");
        StringColumn kCommit = StringColumn.create("commit");
        BooleanColumn kBot = BooleanColumn.create("bot");
        int implausible = 0;
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
            cId.append(c.id());
            cPerson.append(author.key());
            cAt.append(at);
            cBot.append(author.bot());
            Set<Person> contributors = new LinkedHashSet<>();
            contributors.add(author);
            for (Signature co : c.coAuthors()) {
                contributors.add(remember(people, identities.resolve(co)));
            }
            for (Person p : contributors) {
                kPerson.append(p.key());
                kAt.append(at);
                kCommit.append(c.id());
                kBot.append(p.bot());
            }
        }

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
        return new GitData(Table.create("commits", cId, cPerson, cAt, cBot),
                Table.create("contributions", kPerson, kAt, kCommit, kBot),
                Table.create("tags", tName, tTarget, tAt), Map.copyOf(people), implausible);
    }

    private static Person remember(Map<String, Person> people, Person p) {
        Person known = people.putIfAbsent(p.key(), p);
        return known == null ? p : known;
    }

    /** Non-merge commits authored in the window, bots' left out unless asked. */
    public Table commitsIn(Window w, boolean includeBots) {
        return commits.where(select(commits, w, includeBots));
    }

    /** Authors and co-authors of the window's commits, one row per person and commit. */
    public Table contributionsIn(Window w, boolean includeBots) {
        return contributions.where(select(contributions, w, includeBots));
    }

    /** Every contribution at or before {@code upTo}: the base of "first contribution ever". */
    public Table contributionsUpTo(Instant upTo, boolean includeBots) {
        Selection s = contributions.longColumn("at").isLessThanOrEqualTo((double) upTo.toEpochMilli());
        if (!includeBots) {
            s = s.and(contributions.booleanColumn("bot").isFalse());
        }
        return contributions.where(s);
    }

    public Table tagsIn(Window w) {
        LongColumn at = tags.longColumn("at");
        return tags.where(at.isGreaterThan((double) w.from().toEpochMilli())
                .and(at.isLessThanOrEqualTo((double) w.to().toEpochMilli())));
    }

    private static Selection select(Table t, Window w, boolean includeBots) {
        LongColumn at = t.longColumn("at");
        Selection s = at.isGreaterThan((double) w.from().toEpochMilli())
                .and(at.isLessThanOrEqualTo((double) w.to().toEpochMilli()));
        if (!includeBots) {
            s = s.and(t.booleanColumn("bot").isFalse());
        }
        return s;
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
        return commits.rowCount() == 0;
    }

    /** The earliest commit time, for the start of time series. */
    public Instant firstCommit() {
        return commits.rowCount() == 0 ? null : Instant.ofEpochMilli((long) commits.longColumn("at").min());
    }
}
