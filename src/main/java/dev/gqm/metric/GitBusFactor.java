package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import java.util.List;

/** git.bus_factor: fewest people whose authored non-merge commits in W reach {@code share} of all. */
final class GitBusFactor extends GitMetric {
    static final ParamSpec SHARE = new ParamSpec("share", ParamKind.FRACTION, 0.5,
            "the share (0..1] of all commits in W that the fewest people must reach");

    @Override
    public String id() {
        return "git.bus_factor";
    }

    @Override
    public String definition() {
        return "fewest people whose authored non-merge commits in W reach `share` (default 0.5) of all such commits"
                + " (CHAOSS Contributor Absence Factor)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(SHARE);
    }

    @Override
    boolean countsPeople() {
        return true;
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        var counts = countByPerson(git.commitsIn(q.window(), q.use().includeBots()));
        return AbsenceFactor.measure(counts, q.use().number("share"), "person", "people", key -> name(git, key));
    }
}
