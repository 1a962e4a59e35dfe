package dev.gqm.metric;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.Person;
import dev.gqm.model.Note;
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
        int[] guessed = {0};
        countByPerson(git.commitsIn(q.window(), q.use().includeBots())).forEach((key, n) -> {
            Person p = git.person(key);
            byOrganization.merge(p.organization(), n, Integer::sum);
            shown.putIfAbsent(p.organization(), p.organization().startsWith("person:") ? p.name() + " (individual)" : p.organization());
            if (p.organizationGuessed()) {
                guessed[0] += n;
            }
        });
        Measurement m = AbsenceFactor.measure(byOrganization, q.use().number("share"), "organization", "organizations", shown::get);
        int total = byOrganization.values().stream().mapToInt(Integer::intValue).sum();
        return guessed[0] == 0 ? m : m.withNotes(List.of(organizationGuessed(guessed[0], total)));
    }

    /** The note that {@code guessed} of {@code total} commits have an organization taken from an e-mail domain. */
    static Note organizationGuessed(int guessed, int total) {
        long percent = Math.round(100.0 * guessed / total);
        // never "0%" of something nor "100%" of less than all
        percent = guessed < total ? Math.max(1, Math.min(99, percent)) : 100;
        return new Note(Note.ORGANIZATION_GUESSED, "the organization of " + guessed + " of " + total
                + (total == 1 ? " commit (" : " commits (") + percent
                + "%) is guessed from the author's e-mail domain, not given by the identities file");
    }
}
