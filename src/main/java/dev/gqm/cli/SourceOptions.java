package dev.gqm.cli;

import picocli.CommandLine.Option;

/** Options that say where the data comes from and where it is kept: all that collect takes. */
class SourceOptions {
    // the words of the options that other commands share (gqm identities suggest)
    static final String REPO = "Git repository to analyse: a local path (bare or not) or a clone URL (cloned into the cache). Default: the current directory.";
    static final String STORE = "The store of collected data: a SQLite file (or jdbc:sqlite:PATH), or a shared PostgreSQL database"
            + " jdbc:postgresql://HOST[:PORT]/DB (password from the URL's password parameter, PGPASSWORD or ~/.pgpass). Default: ~/.cache/gqm/gqm.db.";
    static final String CACHE_DIR = "Where clones of remote repositories are kept. Default: ~/.cache/gqm.";
    static final String VERBOSE = "Show stack traces of errors.";

    @Option(names = "--repo", paramLabel = "PATH|URL", description = REPO)
    String repo = ".";

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch to analyse. Default: HEAD.")
    String branch;

    @Option(names = "--store", paramLabel = "PATH|URL", description = STORE)
    String store;

    @Option(names = "--offline", description = "Report from the store alone: no Git fetch, no tracker request.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = CACHE_DIR)
    String cacheDir;

    @Option(names = "--verbose", description = VERBOSE)
    boolean verbose;

    /** The tracker options given (option name → value): their options are added by {@link Trackers}. */
    final java.util.Map<String, String> tracker = new java.util.LinkedHashMap<>();

    /** A command whose options these are: it collects, so it takes every tracker's options too. */
    interface Holder {
        SourceOptions sources();
    }
}
