package dev.gqm.dataset;

import java.util.Objects;

/**
 * A contributor after identity merging. Group by {@link #key()}: outside the identities file, name
 * and e-mail are those of the (mailmapped) signature, so one key may come with several spellings.
 *
 * @param key                 stable identity: {@code id:<first e-mail>} for an identities-file person,
 *                            else the lower-case e-mail, {@code name:<name>} without e-mail, {@code login:<login>}
 * @param name                the name to show
 * @param email               the canonical e-mail; empty when unknown (a GitHub login)
 * @param organization        the organization, or {@code person:<key>} when the person is their own
 *                            (personal mail domain, no e-mail)
 * @param organizationGuessed the organization is the e-mail's domain itself, named neither by the
 *                            identities file nor by its {@code organizations} map
 * @param kind                a person, a bot or an AI coding agent
 */
public record Person(String key, String name, String email, String organization, boolean organizationGuessed,
                     Kind kind) {
    /**
     * Who is behind an identity: only a {@code PERSON} counts as one of the community's people.
     * {@code UNKNOWN} is a tracker account deleted since (GitHub's "ghost"): its items are kept,
     * but it never answers, reviews or counts as a person.
     */
    public enum Kind { PERSON, BOT, AGENT, UNKNOWN }

    /** The author of items whose account was deleted. */
    public static final Person UNKNOWN = new Person("unknown:", "(deleted account)", "", "person:unknown:", false,
            Kind.UNKNOWN);

    public Person {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a person needs a key");
        }
        if (organization.isBlank()) {
            throw new IllegalArgumentException("person '" + key + "' needs an organization");
        }
    }

    /**
     * Whether this is not one of the community's people: automation of any kind (an AI coding agent
     * included), or an unknown account. What every "not by bots" leaves out.
     */
    public boolean bot() {
        return kind != Kind.PERSON;
    }

    /** Whether the account is gone, so nobody can tell who it was. */
    public boolean unknown() {
        return kind == Kind.UNKNOWN;
    }

    /** Whether this is an AI coding agent. */
    public boolean agent() {
        return kind == Kind.AGENT;
    }
}
