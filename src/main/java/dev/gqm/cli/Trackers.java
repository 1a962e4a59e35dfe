package dev.gqm.cli;

import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.bugzilla.BugzillaTracker;
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
    static final List<Tracker> ALL = List.of(new GitHubTracker(), new GitLabTracker(), new BugzillaTracker());

    private Trackers() {
    }

    /** A tracker configured for a run. */
    record Active(Tracker tracker, Tracker.Configured configured) {
    }

    /** Adds every tracker's options to a command; the values given land in {@code values}. */
    static void addOptions(CommandSpec spec, Map<String, String> values) {
        for (Tracker tracker : ALL) {
            for (TrackerOption option : tracker.options()) {
                OptionSpec.Builder builder = OptionSpec.builder(option.name())
                        .paramLabel(option.paramLabel())
                        .description(option.description());
                if (option.repeatable()) {
                    // given more than once, each occurrence adds its value
                    builder.type(List.class).auxiliaryTypes(String.class).arity("1");
                } else {
                    builder.type(String.class);
                }
                spec.addOption(builder
                        .setter(new picocli.CommandLine.Model.ISetter() {
                            @Override
                            @SuppressWarnings("unchecked")
                            public <T> T set(T value) {
                                if (value instanceof List<?> list) {
                                    if (!list.isEmpty()) {
                                        values.put(option.name(), String.join(TrackerOption.SEPARATOR,
                                                (List<String>) list));
                                    }
                                } else if (value != null) {
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
     * The trackers a run's option values turn on: at most one forge and one bug tracker. The bug
     * tracker, when given, provides the issues; the forge the change requests (and the issues when
     * there is no bug tracker).
     */
    record Selection(Optional<Active> forge, Optional<Active> bugTracker) {
        static final Selection NONE = new Selection(Optional.empty(), Optional.empty());

        boolean isEmpty() {
            return forge.isEmpty() && bugTracker.isEmpty();
        }

        /** Every tracker given, the forge first. */
        List<Active> all() {
            return java.util.stream.Stream.of(forge, bugTracker).flatMap(Optional::stream).toList();
        }

        /** Whether some tracker gives what a metric of {@code source} reads. */
        boolean gives(dev.gqm.metric.Source source) {
            return switch (source) {
                case GIT -> true;
                case ISSUES -> !isEmpty();
                case CHANGES -> forge.isPresent();
            };
        }
    }

    /**
     * The trackers the values turn on, checked: none when none is given; a usage error (exit 2)
     * for a bad value or for two trackers of one role given at once (one forge per repository).
     */
    static Selection select(Map<String, String> values) {
        Map<Tracker.Role, List<Active>> byRole = new java.util.EnumMap<>(Tracker.Role.class);
        for (Tracker tracker : ALL) {
            try {
                tracker.configure(values).ifPresent(c -> byRole.computeIfAbsent(tracker.role(), r -> new ArrayList<>())
                        .add(new Active(tracker, c)));
            } catch (IllegalArgumentException e) {
                throw new GqmException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        for (Map.Entry<Tracker.Role, List<Active>> role : byRole.entrySet()) {
            if (role.getValue().size() > 1) {
                throw new GqmException(ExitCode.USAGE, role.getValue().stream()
                        .map(a -> a.tracker().options().get(0).name()).collect(Collectors.joining(" and "))
                        + " exclude each other: give one " + (role.getKey() == Tracker.Role.FORGE
                                ? "forge" : "bug tracker") + " per repository");
            }
        }
        return new Selection(byRole.getOrDefault(Tracker.Role.FORGE, List.of()).stream().findFirst(),
                byRole.getOrDefault(Tracker.Role.BUG_TRACKER, List.of()).stream().findFirst());
    }

    /** The first tracker the values turn on (see {@link #select}), checked. */
    static Optional<Active> active(Map<String, String> values) {
        return select(values).all().stream().findFirst();
    }

    /** "--github, --gitlab or --bugzilla": how to give a tracker (see {@link #howToGive(dev.gqm.metric.Source)}). */
    static String howToGive() {
        return howToGive(dev.gqm.metric.Source.ISSUES);
    }

    /** "--github, --gitlab or --bugzilla": the first options of the trackers that give what {@code source} names. */
    static String howToGive(dev.gqm.metric.Source source) {
        List<String> names = ALL.stream()
                .filter(t -> source != dev.gqm.metric.Source.CHANGES || t.role() == Tracker.Role.FORGE)
                .map(t -> t.options().get(0).name()).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
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
