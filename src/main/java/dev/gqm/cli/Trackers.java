package dev.gqm.cli;

import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.github.GitHubTracker;
import dev.gqm.collect.gitlab.GitLabTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The tracker sources gqm knows: a new one is its own package plus one line in {@link #ALL}. Their
 * options are added to every command that collects, and portfolio files take them by their keys.
 */
final class Trackers {
    static final List<Tracker> ALL = List.of(new GitHubTracker(), new GitLabTracker());

    private Trackers() {
    }

    /** A tracker configured for a run. */
    record Active(Tracker tracker, Tracker.Configured configured) {
    }

    /** Adds every tracker's options to a command; the values given land in {@code values}. */
    static void addOptions(CommandSpec spec, Map<String, String> values) {
        for (Tracker tracker : ALL) {
            for (TrackerOption option : tracker.options()) {
                spec.addOption(OptionSpec.builder(option.name())
                        .paramLabel(option.paramLabel())
                        .description(option.description())
                        .type(String.class)
                        .setter(new picocli.CommandLine.Model.ISetter() {
                            @Override
                            public <T> T set(T value) {
                                if (value != null) {
                                    values.put(option.name(), (String) value);
                                }
                                return null;
                            }
                        })
                        .build());
            }
        }
    }

    /**
     * The tracker the values turn on, checked: empty when none is given; a usage error (exit 2) for
     * a bad value or for two trackers of one role given at once (one forge per repository).
     */
    static Optional<Active> active(Map<String, String> values) {
        List<Active> active = new ArrayList<>();
        for (Tracker tracker : ALL) {
            try {
                tracker.configure(values).ifPresent(c -> active.add(new Active(tracker, c)));
            } catch (IllegalArgumentException e) {
                throw new GqmException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        for (Tracker.Role role : Tracker.Role.values()) {
            List<Active> ofRole = active.stream().filter(a -> a.tracker().role() == role).toList();
            if (ofRole.size() > 1) {
                throw new GqmException(ExitCode.USAGE, ofRole.stream().map(a -> a.tracker().options().get(0).name())
                        .collect(Collectors.joining(" and ")) + " exclude each other: give one "
                        + (role == Tracker.Role.FORGE ? "forge" : "bug tracker") + " per repository");
            }
        }
        return active.stream().findFirst();
    }

    /** "--github OWNER/REPO" (and the others' first options, joined with "or"): how to give a tracker. */
    static String howToGive() {
        return ALL.stream().map(t -> t.options().get(0)).map(o -> o.name() + " " + o.paramLabel())
                .collect(Collectors.joining(" or "));
    }

    /** The option a portfolio key stands for, if any tracker takes it. */
    static Optional<TrackerOption> byPortfolioKey(String key) {
        return ALL.stream().flatMap(t -> t.options().stream()).filter(o -> o.portfolioKey().equals(key)).findFirst();
    }

    /** Every portfolio key the trackers take. */
    static List<String> portfolioKeys() {
        return ALL.stream().flatMap(t -> t.options().stream()).map(TrackerOption::portfolioKey).toList();
    }
}
