package dev.gqm.collect;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The contract of an issue-tracker source (a forge such as GitHub, or a bug tracker): its options,
 * how it names itself in reports, and its collector, which writes neutral records page by page with
 * their cursors into an {@link IssueSink}. The CLI knows trackers only through this interface and
 * one list of them; nothing outside a tracker's own package names it.
 */
public interface Tracker {
    /** The source's kind: the store's key for it and {@code summary.json}'s {@code kind} ("github"). */
    String kind();

    /** The name people know it by ("GitHub"). */
    String name();

    /** What a tracker provides: a forge its issues and change requests, a bug tracker issues only. */
    enum Role {
        FORGE, BUG_TRACKER
    }

    /** A run takes at most one tracker of each role; a bug tracker's issues replace the forge's. */
    default Role role() {
        return Role.FORGE;
    }

    /** Its options; the first names what to read, and giving it is what turns the tracker on. */
    List<TrackerOption> options();

    /**
     * The tracker as the given option values configure it (option name → value; options not given
     * are absent), or empty when its first option was not given.
     *
     * @throws IllegalArgumentException a value is wrong, with a one-line message for the user
     */
    Optional<Configured> configure(Map<String, String> values);

    /** A tracker configured for one run. */
    interface Configured {
        /** What it reads, as reports name it ("o/r"). */
        String repository();

        /** What reports call the thing read, after the tracker's name ("project": "GitLab project g/p"); may be empty. */
        default String noun() {
            return "";
        }

        /** Where it is, when reports must say it ("on invent.kde.org"), or null. */
        default String where() {
            return null;
        }

        /** The store's location key of this source (distinct for every endpoint and repository). */
        String location();

        /** The web page of what it reads, or null when it cannot be told. */
        String webUrl();

        /** "issues and pull requests of o/r from https://api.github.com", for the progress line. */
        String describe();

        /** Why the run's credentials cannot be used (naming no part of them), when they cannot. */
        Optional<String> credentialProblem(Map<String, String> env);

        /**
         * The collector, with the credentials found in {@code env}; {@code progress} receives
         * lines for the user (waits, warnings such as running without a token).
         */
        IssueSource open(Map<String, String> env, Clock clock, Consumer<String> progress);
    }
}
