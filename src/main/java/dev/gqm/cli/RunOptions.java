package dev.gqm.cli;

import picocli.CommandLine.Option;

/** Options shared by report and check: the sources, and what to measure and how to write it. */
final class RunOptions extends SourceOptions {
    @Option(names = "--model", paramLabel = "FILE|NAME", description = "GQM model file, or the name of a bundled model (community-health, stale-issues, ospo). Default: community-health.")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory. Default: reports/<model-id>/.")
    String out;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "Measure as of this instant: 2026-07-01 (UTC midnight) or an ISO-8601 instant. Default: now.")
    String asOf;

    @Option(names = "--identities", paramLabel = "FILE", description = "Identities file (YAML): people with their e-mails, names, logins and organization; bot and agent patterns.")
    String identities;

    @Option(names = "--show-emails", description = "Keep contributors' e-mail addresses in the report, the portfolio and the"
            + " check's outputs. By default none is published: people are named by their display name, an e-mail column"
            + " is left out and an address in any text shows as '(e-mail hidden)'.")
    boolean showEmails;
}
