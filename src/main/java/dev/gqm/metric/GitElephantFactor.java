package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import dev.gqm.model.ParamSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** git.elephant_factor: the bus factor over organizations. */
final class GitElephantFactor extends GitMetric {
    @Override
    public String id() {
        return "git.elephant_factor";
    }

    @Override
    public String definition() {
        return "fewest organizations whose authored non-merge commits in W reach `share` (default 0.5) of all such"
                + " commits (organization from the identities file, else the e-mail domain; a personal-mail domain"
                + " makes the person their own organization)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(GitBusFactor.SHARE);
    }

    @Override
    Measurement measure(GitData git, MetricQuery q) {
        Map<String, Integer> byOrganization = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        countByPerson(git.commitsIn(q.window(), q.use().includeBots())).forEach((key, n) -> {
            Person p = git.person(key);
            byOrganization.merge(p.organization(), n, Integer::sum);
            shown.putIfAbsent(p.organization(), p.organization().startsWith("person:") ? p.name() + " (individual)" : p.organization());
        });
        return AbsenceFactor.measure(byOrganization, q.use().number("share"), "organization", "organizations", shown::get);
    }
}
