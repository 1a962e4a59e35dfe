package dev.gqm.cli;

import dev.gqm.model.Problems;
import dev.gqm.model.SafeYaml;
import dev.gqm.model.YamlFields;
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
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Turns the YAML of a portfolio file into a {@link PortfolioFile}, collecting every problem with its place. */
final class PortfolioFileReader {
    private static final int MAX_ALIASES = 10;
    private static final int MAX_CODE_POINTS = 1_048_576;
    private static final List<String> TOP_KEYS = List.of("repositories");
    /**
     * An entry's own keys, then each tracker's (its options' portfolio keys: github, github_api_url...;
     * a key "bugzilla.url" is the key url of a mapping under bugzilla).
     */
    private static final List<String> ENTRY_KEYS = java.util.stream.Stream.of(java.util.stream.Stream.of("repo"),
            Trackers.portfolioKeys().stream().map(PortfolioFileReader::parentKey).distinct(),
            java.util.stream.Stream.of("name", "group", "branch"))
            .flatMap(k -> k).toList();

    private static String parentKey(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }


    private final Path path;
    private final String file;
    private final Problems problems;
    private final YamlFields fields;
    /** Names taken so far, with where each was set, to place the second claim. */
    private final Map<String, String> names = new HashMap<>();

    PortfolioFileReader(Path path) {
        this.path = path;
        this.file = path.toString();
        this.problems = new Problems(this.file);
        this.fields = new YamlFields(problems, YamlFields.Wording.DESCRIPTIVE);
    }

    PortfolioFile read() {
        String text;
        try {
            text = SafeYaml.readText(path, MAX_CODE_POINTS);
        } catch (NoSuchFileException e) {
            throw usage(file + ": portfolio file not found");
        } catch (SafeYaml.TooLarge e) {
            throw usage(file + ": portfolio file " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw usage(file + ": not UTF-8 text: save the portfolio file as UTF-8");
        } catch (IOException e) {
            throw usage(file + ": cannot read the portfolio file: " + e.getMessage());
        }
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private PortfolioFile read(String text) {
        Optional<Node> root;
        try {
            root = SafeYaml.compose(file, text, MAX_ALIASES, MAX_CODE_POINTS);
        } catch (SafeYaml.InvalidYaml e) {
            throw usage(e.getMessage());
        }
        if (root.isEmpty() || YamlFields.isNull(root.get())) {
            throw usage(file + ":1:1: the portfolio is empty: list its repositories under 'repositories:'");
        }
        List<PortfolioRepository> repositories = readTop(root.get());
        if (!problems.isEmpty()) {
            throw usage(problems.lines());
        }
        return new PortfolioFile(repositories);
    }

    private List<PortfolioRepository> readTop(Node root) {
        Map<String, Node> top = fields.mapping(root, "the portfolio file", TOP_KEYS);
        Node list = top.get("repositories");
        if (list == null) {
            if (root instanceof MappingNode) {
                problem(root, "missing 'repositories': the list of repositories to compare");
            }
            return List.of();
        }
        if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(list, "'repositories' must be a list of at least one repository");
            return List.of();
        }
        List<PortfolioRepository> repositories = new ArrayList<>();
        for (Node item : seq.getValue()) {
            PortfolioRepository r = readEntry(item);
            if (r != null) {
                repositories.add(r);
            }
        }
        return repositories;
    }

    private PortfolioRepository readEntry(Node node) {
        int before = problems.reported();
        Map<String, Node> entry = fields.mapping(node, "a repository", ENTRY_KEYS);
        if (!(node instanceof MappingNode)) {
            return null;
        }
        Node repoNode = entry.get("repo");
        String repo = null;
        if (repoNode == null) {
            problem(node, "a repository needs 'repo': a local Git path or a clone URL");
        } else {
            repo = text(repoNode, "'repo'");
        }
        Map<String, String> tracker = new java.util.LinkedHashMap<>();
        Node trackerNode = null;
        String trackerKey = null;
        Map<String, Map<String, Node>> nested = new HashMap<>();
        for (String key : Trackers.portfolioKeys()) {
            dev.gqm.collect.TrackerOption option = Trackers.byPortfolioKey(key).orElseThrow();
            String parent = parentKey(key);
            Map<String, Node> holder = entry;
            String child = key;
            if (!parent.equals(key)) {
                Node parentNode = entry.get(parent);
                if (parentNode == null) {
                    continue;
                }
                holder = nested.computeIfAbsent(parent, p -> fields.mapping(parentNode, "'" + p + "'",
                        Trackers.portfolioKeys().stream().filter(k -> k.startsWith(p + "."))
                                .map(k -> k.substring(p.length() + 1)).toList()));
                child = key.substring(parent.length() + 1);
            }
            String value = option.repeatable() ? texts(holder, child) : optional(holder, child);
            if (value != null) {
                tracker.put(option.name(), value);
                if (trackerNode == null) {
                    trackerNode = entry.get(parent);
                    trackerKey = parent;
                }
            }
        }
        if (!tracker.isEmpty()) {
            try {
                Trackers.active(tracker);
            } catch (GqmException e) {
                // the tracker's own words, under the key the file used
                problem(trackerNode, "'" + trackerKey + "': " + e.getMessage());
            }
        }
        String group = optional(entry, "group");
        String branch = optional(entry, "branch");
        String name = optional(entry, "name");
        Node nameNode = entry.get("name");
        if (name != null && !PortfolioRepository.NAME.matcher(name).matches()) {
            problem(nameNode, "'name' must be lower-case letters, digits and '-' ([a-z0-9-]+), not '" + name + "'");
            name = null;
        } else if (name == null && repo != null && (nameNode == null || YamlFields.isNull(nameNode))) {
            name = derivedName(repo);
            nameNode = repoNode;
            if (name.isEmpty()) {
                problem(repoNode, "cannot derive a name from '" + repo + "': add 'name: ...' ([a-z0-9-]+)");
                name = null;
            }
        }
        if (name != null) {
            String first = names.putIfAbsent(name, position(nameNode));
            if (first != null) {
                problem(nameNode, "name '" + name + "' is already used by the repository at " + first
                        + "; give one of them a distinct 'name:'");
            }
        }
        if (problems.reported() != before || name == null || repo == null) {
            return null;
        }
        return new PortfolioRepository(name, resolve(repo), tracker, group, branch);
    }

    /**
     * The last path segment of a path or URL without {@code .git}, lower-cased, other characters
     * as '-'. On a local path, a last segment {@code .git}, then one {@code repo} (or
     * {@code repo.git}), names the checkout, not the project, so the segment before it is taken:
     * {@code /srv/mirrors/rails/repo} is rails, {@code /x/linux/.git} linux, {@code /x/repo/repo} repo.
     * On a forge's URL the last segment is the repository's own name, even when that is repo.
     */
    static String derivedName(String repo) {
        List<String> segments = new ArrayList<>(List.of(repo.strip().split("[/\\\\:]+")));
        segments.removeIf(s -> s.isEmpty() || s.equals("."));
        boolean forge = Pipeline.looksLikeUrl(repo.strip()) && !repo.strip().regionMatches(true, 0, "file:", 0, 5);
        if (!forge) {
            dropLast(segments, s -> s.equalsIgnoreCase(".git"));
            dropLast(segments, s -> withoutGitSuffix(s).equalsIgnoreCase("repo"));
        }
        String last = segments.isEmpty() ? "" : withoutGitSuffix(segments.get(segments.size() - 1));
        return last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Drops the last segment when it is a checkout's directory and a named segment (not ..) precedes it. */
    private static void dropLast(List<String> segments, Predicate<String> checkout) {
        int last = segments.size() - 1;
        if (last > 0 && !segments.get(last - 1).equals("..") && checkout.test(segments.get(last))) {
            segments.remove(last);
        }
    }

    private static String withoutGitSuffix(String segment) {
        return segment.toLowerCase(Locale.ROOT).endsWith(".git") ? segment.substring(0, segment.length() - 4) : segment;
    }

    /** A URL stays as written; a local path is relative to the portfolio file, not to where gqm runs. */
    private String resolve(String repo) {
        if (Pipeline.looksLikeUrl(repo)) {
            return repo;
        }
        Path dir = path.toAbsolutePath().getParent();
        return dir.resolve(repo).normalize().toString();
    }

    /** An optional text value: absent or empty is null. */
    private String optional(Map<String, Node> entry, String key) {
        Node node = entry.get(key);
        if (node == null || YamlFields.isNull(node)) {
            return null;
        }
        return text(node, "'" + key + "'");
    }

    /** A text or a list of texts, joined for a repeatable option; null when absent or empty. */
    private String texts(Map<String, Node> holder, String key) {
        Node node = holder.get(key);
        if (node == null || YamlFields.isNull(node)) {
            return null;
        }
        if (!(node instanceof SequenceNode)) {
            return text(node, "'" + key + "'");
        }
        List<String> values = fields.texts(node, key).stream().map(l -> l.value().strip()).toList();
        return values.isEmpty() ? null : String.join(dev.gqm.collect.TrackerOption.SEPARATOR, values);
    }

    /** A scalar that is not blank, stripped; null (and a problem) otherwise. */
    private String text(Node node, String what) {
        String value = fields.nonBlank(node, what);
        return value == null ? null : value.strip();
    }

    private void problem(Node node, String what) {
        problems.at(node, what);
    }

    private static String position(Node node) {
        return node.getStartMark().map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("?");
    }

    private static GqmException usage(String line) {
        return usage(List.of(line));
    }

    private static GqmException usage(List<String> lines) {
        return new GqmException(ExitCode.USAGE, String.join(System.lineSeparator(), lines));
    }
}
