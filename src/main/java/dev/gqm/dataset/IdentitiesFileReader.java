package dev.gqm.dataset;

import dev.gqm.model.IoReason;
import dev.gqm.model.Problems;
import dev.gqm.model.SafeYaml;
import dev.gqm.model.YamlFields;
import dev.gqm.model.YamlFields.Located;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Turns the YAML of an identities file into an {@link IdentitiesFile}, collecting every problem with its place. */
final class IdentitiesFileReader {
    private static final int MAX_ALIASES = 50;
    private static final int MAX_CODE_POINTS = 20_000_000;
    private static final List<String> TOP_KEYS = List.of("people", "organizations", "bots", "agents");
    private static final List<String> PERSON_KEYS = List.of("name", "emails", "names", "logins", "organization");

    private final String file;
    private final Problems problems;
    private final YamlFields fields;
    // Who already claimed an e-mail, login or alternative name, to report the second claim.
    private final Map<String, Claim> emailOwners = new HashMap<>();
    private final Map<String, Claim> loginOwners = new HashMap<>();
    private final Map<String, Claim> nameOwners = new HashMap<>();

    private record Claim(String person, int line) {}


    IdentitiesFileReader(String file) {
        this.file = file;
        this.problems = new Problems(this.file);
        this.fields = new YamlFields(problems, YamlFields.Wording.TERSE);
    }

    IdentitiesFile read(Path path) throws IdentitiesException {
        String text;
        try {
            text = SafeYaml.readText(path, MAX_CODE_POINTS);
        } catch (NoSuchFileException e) {
            throw new IdentitiesException(List.of(file + ": identities file not found"));
        } catch (SafeYaml.TooLarge e) {
            throw new IdentitiesException(List.of(file + ": identities file " + e.getMessage()));
        } catch (CharacterCodingException e) {
            throw new IdentitiesException(List.of(file + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new IdentitiesException(List.of(file + ": cannot read the identities file: " + IoReason.of(e)));
        }
        return read(text);
    }

    IdentitiesFile read(String text) throws IdentitiesException {
        Optional<Node> root;
        try {
            root = SafeYaml.compose(file, text, MAX_ALIASES, MAX_CODE_POINTS);
        } catch (SafeYaml.InvalidYaml e) {
            throw new IdentitiesException(List.of(e.getMessage()));
        }
        if (root.isEmpty() || YamlFields.isNull(root.get())) {
            return IdentitiesFile.empty();
        }
        IdentitiesFile result = readTop(root.get());
        if (!problems.isEmpty()) {
            throw new IdentitiesException(problems.lines());
        }
        return result;
    }

    private IdentitiesFile readTop(Node root) {
        List<PersonEntry> people = new ArrayList<>();
        List<Pattern> bots = new ArrayList<>();
        List<Pattern> agents = new ArrayList<>();
        Map<String, String> organizations = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields.mapping(root, "the identities file", TOP_KEYS).entrySet()) {
            Node value = e.getValue();
            switch (e.getKey()) {
                case "people" -> {
                    for (Node item : fields.list(value, "people")) {
                        PersonEntry p = readPerson(item);
                        if (p != null) {
                            people.add(p);
                        }
                    }
                }
                case "organizations" -> readOrganizations(value, organizations);
                case "bots" -> readPatterns(value, "bots", "a bot pattern", bots);
                case "agents" -> readPatterns(value, "agents", "an agent pattern", agents);
                default -> throw new IllegalStateException("key filtered by mapping(): " + e.getKey());
            }
        }
        return new IdentitiesFile(people, bots, agents, organizations);
    }

    /** A list of regular expressions, compiled case-insensitive; {@code what} names one in problems ("a bot pattern"). */
    private void readPatterns(Node node, String key, String what, List<Pattern> patterns) {
        for (Node item : fields.list(node, key)) {
            String regex = fields.text(item, what);
            if (regex == null) {
                continue;
            }
            try {
                patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                problem(item, "invalid " + what.substring(what.indexOf(' ') + 1) + " '" + regex + "': " + e.getDescription());
            }
        }
    }

    private PersonEntry readPerson(Node node) {
        int before = problems.reported();
        String name = null;
        String organization = null;
        boolean hasName = false;
        Node emailsNode = null;
        List<Located> emails = List.of();
        List<Located> names = List.of();
        List<Located> logins = List.of();
        for (Map.Entry<String, Node> e : fields.mapping(node, "a person", PERSON_KEYS).entrySet()) {
            Node value = e.getValue();
            switch (e.getKey()) {
                case "name" -> {
                    hasName = true;
                    name = requiredText(value, "a person's name");
                }
                case "emails" -> {
                    emailsNode = value;
                    emails = strings(value, "emails");
                }
                case "names" -> names = strings(value, "names");
                case "logins" -> logins = strings(value, "logins");
                case "organization" -> organization = requiredText(value, "an organization");
                default -> throw new IllegalStateException("key filtered by mapping(): " + e.getKey());
            }
        }
        if (!(node instanceof MappingNode)) {
            return null;
        }
        if (!hasName) {
            problem(node, "a person needs a 'name'");
        }
        if (emailsNode == null) {
            problem(node, "a person needs 'emails' (a list of at least one e-mail)");
        } else if (YamlFields.isNull(emailsNode) || emailsNode instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            problem(emailsNode, "'emails' needs at least one e-mail");
        }
        String label = name != null ? name : "this person";
        claim(emailOwners, emails, label, "e-mail");
        claim(loginOwners, logins, label, "login");
        claim(nameOwners, names, label, "name");
        if (problems.reported() != before) {
            return null;
        }
        return new PersonEntry(name, values(emails), values(names), values(logins), organization);
    }

    private static List<String> values(List<Located> located) {
        return located.stream().map(Located::value).toList();
    }

    private void claim(Map<String, Claim> owners, List<Located> values, String person, String what) {
        for (Located v : values) {
            Claim previous = owners.putIfAbsent(v.value().toLowerCase(Locale.ROOT), new Claim(person, line(v.node())));
            if (previous != null) {
                problem(v.node(), what + " '" + v.value() + "' is already listed for '" + previous.person()
                        + "' (line " + previous.line() + ")");
            }
        }
    }

    private void readOrganizations(Node node, Map<String, String> organizations) {
        if (YamlFields.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode map)) {
            problem(node, "'organizations' must map e-mail domains to organization names");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String domain = fields.text(t.getKeyNode(), "an e-mail domain");
            String organization = requiredText(t.getValueNode(), "an organization");
            if (domain == null || organization == null) {
                continue;
            }
            String key = domain.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.contains("@") || key.chars().anyMatch(Character::isWhitespace)) {
                problem(t.getKeyNode(), "'" + domain + "' is not an e-mail domain (write it as example.com)");
            } else if (organizations.putIfAbsent(key, organization) != null) {
                problem(t.getKeyNode(), "domain '" + domain + "' is listed twice");
            }
        }
    }

    /** A scalar that is not null and not blank, trimmed; null (and a problem) otherwise. */
    private String requiredText(Node node, String what) {
        String value = fields.nonBlank(node, what);
        return value == null ? null : value.trim();
    }

    private List<Located> strings(Node node, String key) {
        return fields.texts(node, key).stream().map(v -> new Located(v.value().trim(), v.node())).toList();
    }

    private void problem(Node node, String what) {
        problems.at(node, what);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
