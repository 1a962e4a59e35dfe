package dev.gqm.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One person of an identities file: the name shown in reports, the e-mails that are all this
 * person (the first is the canonical one), other names and GitHub logins seen for them, and
 * optionally their organization ({@code null} when not given).
 */
public record PersonEntry(String name, List<String> emails, List<String> names, List<String> logins,
                          String organization) {
    public PersonEntry {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        emails = List.copyOf(emails);
        if (emails.isEmpty()) {
            throw new IllegalArgumentException("person '" + name + "' needs at least one e-mail");
        }
        names = List.copyOf(names);
        logins = List.copyOf(logins);
        if (organization != null && organization.isBlank()) {
            throw new IllegalArgumentException("person '" + name + "' has a blank organization");
        }
    }
}
