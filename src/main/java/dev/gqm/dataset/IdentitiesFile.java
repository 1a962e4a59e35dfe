package dev.gqm.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The optional identities file: who is who beyond {@code .mailmap}, which organization an e-mail
 * domain belongs to, and which extra accounts are bots or AI coding agents.
 *
 * <pre>{@code
 * people:
 *   - name: Alice Doe                # the name shown in reports (required)
 *     emails: [alice@example.com, alice@users.noreply.github.com]   # required, first = canonical
 *     names: [adoe, "Alice D."]       # optional: other names seen in commits
 *     logins: [alice]                 # optional: GitHub logins
 *     organization: Example Corp      # optional
 * organizations:                      # optional: e-mail domain -> organization
 *   example.com: Example Corp         #   also covers subdomains (eng.example.com)
 * bots:                               # optional: regular expressions, found case-insensitively
 *   - "^ci-robot"                     #   in a name, an e-mail or a login
 * agents:                             # optional: the same for AI coding agents
 *   - "@agents\\.example\\.com$"
 * }</pre>
 *
 * Every key is optional except a person's {@code name} and {@code emails}. E-mails, logins and
 * domains compare case-insensitively. An e-mail, a login or an entry of {@code names} may belong
 * to one person only; two people may share a display name, but then that name identifies nobody.
 * The file is YAML 1.2, loaded safely (no custom types, bounded aliases and size); every problem is
 * reported at once as {@code file:line:column: what}.
 *
 * @param people              the people, in file order
 * @param botPatterns         the {@code bots} patterns, compiled case-insensitive
 * @param agentPatterns       the {@code agents} patterns, compiled case-insensitive
 * @param domainOrganizations lower-case e-mail domain to organization name
 */
public record IdentitiesFile(List<PersonEntry> people, List<Pattern> botPatterns, List<Pattern> agentPatterns,
                             Map<String, String> domainOrganizations) {
    private static final IdentitiesFile EMPTY = new IdentitiesFile(List.of(), List.of(), List.of(), Map.of());

    public IdentitiesFile {
        people = List.copyOf(people);
        botPatterns = List.copyOf(botPatterns);
        agentPatterns = List.copyOf(agentPatterns);
        domainOrganizations = Map.copyOf(domainOrganizations);
    }

    /** No people, no extra bots or agents, no domain map. */
    public static IdentitiesFile empty() {
        return EMPTY;
    }

    /** Reads and validates an identities file; an empty file is an empty {@link IdentitiesFile}. */
    public static IdentitiesFile load(Path file) throws IdentitiesException {
        return new IdentitiesFileReader(file.toString()).read(file);
    }
}
