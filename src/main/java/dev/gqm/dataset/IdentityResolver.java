package dev.gqm.dataset;

import dev.gqm.collect.Signature;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides who a commit signature or a GitHub login is: {@code .mailmap} first, then the
 * identities file, then the e-mail itself; also the organization and whether it is a person, a bot
 * or an AI coding agent ({@link Agents} first: an agent's account is often a GitHub App too).
 *
 * <p>The organization is the identities file's, else the {@code organizations} entry for the
 * e-mail's domain (an exact entry, then a parent domain: {@code example.com} covers
 * {@code eng.example.com}), else the domain itself. A personal-mail domain (gmail.com, GitHub's
 * no-reply addresses...) or a missing e-mail says nothing about an employer, so that person is
 * their own organization, {@code person:<key>}, unless the {@code organizations} map names that
 * exact domain. Only the domain itself is a guess ({@link Person#organizationGuessed()}): the
 * identities file and its map are the maintainer's word, and being one's own organization is no
 * claim about an employer. Results are cached per distinct signature and login: safe to call from several
 * threads.
 */
public final class IdentityResolver {
    private static final Set<String> PERSONAL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
            "icloud.com", "me.com", "protonmail.com", "proton.me", "gmx.de", "gmx.net", "web.de",
            "qq.com", "163.com", "users.noreply.github.com", "localhost", "");

    private final Mailmap mailmap;
    private final List<Pattern> botPatterns;
    private final List<Pattern> agentPatterns;
    private final Map<String, String> domainOrganizations;
    private final Map<String, PersonEntry> byEmail = new HashMap<>();
    private final Map<String, PersonEntry> byName = new HashMap<>();
    private final Map<String, PersonEntry> byLogin = new HashMap<>();
    private final Map<Signature, Person> signatures = new ConcurrentHashMap<>();
    private final Map<String, Person> logins = new ConcurrentHashMap<>();

    /**
     * @param mailmap    the repository's mailmap; {@code null} for none
     * @param identities the identities file; {@code null} for none
     */
    public IdentityResolver(Mailmap mailmap, IdentitiesFile identities) {
        this.mailmap = mailmap == null ? Mailmap.empty() : mailmap;
        IdentitiesFile file = identities == null ? IdentitiesFile.empty() : identities;
        this.botPatterns = file.botPatterns();
        this.agentPatterns = file.agentPatterns();
        this.domainOrganizations = file.domainOrganizations();
        Set<String> ambiguousNames = new HashSet<>();
        for (PersonEntry entry : file.people()) {
            entry.emails().forEach(e -> byEmail.putIfAbsent(lower(e), entry));
            entry.logins().forEach(l -> byLogin.putIfAbsent(lower(l), entry));
            Set<String> names = new HashSet<>();
            names.add(lower(entry.name()));
            entry.names().forEach(n -> names.add(lower(n)));
            for (String n : names) {
                PersonEntry other = byName.putIfAbsent(n, entry);
                if (other != null && other != entry) {
                    ambiguousNames.add(n);
                }
            }
        }
        // Two people called the same: the name alone cannot tell which one a commit is.
        byName.keySet().removeAll(ambiguousNames);
    }

    /** The person behind a commit author, committer or co-author. */
    public Person resolve(Signature signature) {
        Objects.requireNonNull(signature, "signature");
        return signatures.computeIfAbsent(signature, this::compute);
    }

    /**
     * The person behind a tracker login (a user name, or an address for Bugzilla); {@code typeBot}
     * is the source's own "this account is a bot".
     */
    public Person resolveLogin(String login, boolean typeBot) {
        Objects.requireNonNull(login, "login");
        if (login.isBlank()) {
            // a deleted account (GitHub sends "user": null): the item stays, its author is unknown
            return Person.UNKNOWN;
        }
        String cacheKey = (typeBot ? "b:" : "u:") + login;
        return logins.computeIfAbsent(cacheKey, k -> computeLogin(login, typeBot));
    }

    private Person compute(Signature original) {
        Signature mapped = mailmap.map(original);
        // either spelling tells: a mailmap that gives an agent a nicer name does not make it a person
        Person.Kind kind = kind(mapped.name(), mapped.email());
        if (mapped != original && kind != Person.Kind.AGENT) {
            Person.Kind asWritten = kind(original.name(), original.email());
            kind = asWritten == Person.Kind.PERSON ? kind : asWritten;
        }
        PersonEntry entry = byEmail.get(lower(mapped.email()));
        if (entry == null && !mapped.name().isEmpty()) {
            entry = byName.get(lower(mapped.name()));
        }
        if (entry == null) {
            entry = byEmail.get(lower(original.email()));
        }
        if (entry != null) {
            return fromEntry(entry, kind);
        }
        String email = mapped.email().trim();
        String key = email.isEmpty() ? "name:" + lower(mapped.name().trim()) : lower(email);
        return withOrganization(key, mapped.name(), email, kind);
    }

    private Person computeLogin(String login, boolean typeBot) {
        Person.Kind kind = kind(login, login);
        if (kind == Person.Kind.PERSON && typeBot) {
            kind = Person.Kind.BOT;
        }
        PersonEntry entry = byLogin.get(lower(login));
        if (entry == null && login.indexOf('@') > 0) {
            // a tracker whose logins are addresses (Bugzilla): the identities file's emails match
            entry = byEmail.get(lower(login));
        }
        if (entry != null) {
            return fromEntry(entry, kind);
        }
        String key = "login:" + lower(login);
        return new Person(key, login, "", "person:" + key, false, kind);
    }

    private Person.Kind kind(String name, String emailOrLogin) {
        if (Agents.isAgent(name, emailOrLogin, agentPatterns)) {
            return Person.Kind.AGENT;
        }
        return Bots.isBot(name, emailOrLogin, botPatterns) ? Person.Kind.BOT : Person.Kind.PERSON;
    }

    private Person fromEntry(PersonEntry entry, Person.Kind kind) {
        String email = entry.emails().get(0);
        String key = "id:" + lower(email);
        if (entry.organization() != null) {
            return new Person(key, entry.name(), email, entry.organization(), false, kind);
        }
        return withOrganization(key, entry.name(), email, kind);
    }

    /** A person whose organization comes from the e-mail: the domain map, one's own, else the domain (a guess). */
    private Person withOrganization(String key, String name, String email, Person.Kind kind) {
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : lower(email.substring(at + 1).trim());
        String exact = domainOrganizations.get(domain);
        if (exact != null) {
            return new Person(key, name, email, exact, false, kind);
        }
        if (PERSONAL_DOMAINS.contains(domain)) {
            return new Person(key, name, email, "person:" + key, false, kind);
        }
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            String parent = domainOrganizations.get(domain.substring(dot + 1));
            if (parent != null) {
                return new Person(key, name, email, parent, false, kind);
            }
        }
        return new Person(key, name, email, domain, true, kind);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
