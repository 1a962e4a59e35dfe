package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import dev.gqm.model.Direction;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Row;
import tech.tablesaw.table.TableSlice;

/**
 * A count over Git history; no data without a git source or without any commit up to as-of. Every
 * value carries the history's notes (shallow, ending early), and a count of people the note that
 * some people may be counted twice.
 */
abstract class GitMetric implements Metric {
    @Override
    public Unit unit() {
        return Unit.COUNT;
    }

    @Override
    public Direction better() {
        return Direction.HIGHER;
    }

    @Override
    public String noun(long n) {
        return n == 1 ? "person" : "people";
    }

    @Override
    public Source requires() {
        return Source.GIT;
    }

    @Override
    public Stat defaultStat() {
        return Stat.COUNT;
    }

    @Override
    public Set<Stat> stats() {
        return Set.of(Stat.COUNT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public final Measurement measure(MetricQuery query) {
        if (query.data().git().isEmpty()) {
            return Measurement.noData("no git source", null);
        }
        GitData git = query.data().git().get();
        if (git.empty()) {
            return Measurement.noData("no commits at or before as-of", null).withNotes(git.notes());
        }
        Measurement m = measure(git, query).withNotes(git.notes());
        return countsPeople() ? m.withNotes(git.peopleNotes(peopleWindow(query))) : m;
    }

    abstract Measurement measure(GitData git, MetricQuery query);

    /** The span whose contributors the value counts: the window, unless the metric looks further back. */
    dev.gqm.dataset.Window peopleWindow(MetricQuery query) {
        return query.window();
    }

    /** Whether the value counts people, whom unmerged aliases would count twice. */
    boolean countsPeople() {
        return false;
    }

    /** How many rows each person (by key) has among commits or contributions. */
    static Map<String, Integer> countByPerson(TableSlice rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (Row row : rows) {
            counts.merge(row.getString(GitData.PERSON), 1, Integer::sum);
        }
        return counts;
    }

    static String name(GitData git, String key) {
        Person p = git.person(key);
        return p == null ? key : p.name();
    }

    static String email(GitData git, String key) {
        Person p = git.person(key);
        return p == null ? "" : p.email();
    }
}
