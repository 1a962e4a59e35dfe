package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A count over Git history; no data without a git source or without any commit up to as-of. */
abstract class GitMetric implements Metric {
    @Override
    public Unit unit() {
        return Unit.COUNT;
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
            return Measurement.noData("no commits at or before as-of", null);
        }
        return measure(git, query);
    }

    abstract Measurement measure(GitData git, MetricQuery query);

    /** How many rows each person has in a table with a {@code person} column. */
    static Map<String, Integer> countByPerson(Table table) {
        Map<String, Integer> counts = new HashMap<>();
        StringColumn persons = table.stringColumn("person");
        for (int i = 0; i < persons.size(); i++) {
            counts.merge(persons.get(i), 1, Integer::sum);
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
