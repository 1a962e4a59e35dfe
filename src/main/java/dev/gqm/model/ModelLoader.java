package dev.gqm.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a GQM model file (SPEC §2) into immutable {@link Model} records, checking it against the
 * metric catalog. Every problem of a file is reported in one {@link ModelException}, each as
 * {@code FILE:LINE:COL: message}, sorted by position.
 *
 * <p>Loading is safe: the YAML is only composed into a node tree (no object construction, so no
 * arbitrary types), aliases to collections are limited to {@value #MAX_ALIASES} and the text to
 * {@value #MAX_CODE_POINTS} code points.
 *
 * <p>Keys: top level {@code model title description defaults goals}; a goal {@code id title
 * purpose focus object viewpoint questions}; a question {@code id text metrics}; a metric use
 * {@code id metric stat params thresholds}; thresholds {@code warn fail}.
 * {@code defaults:} accepts exactly {@code window} (default 90d), {@code period} (default month),
 * {@code include_bots} (default false), {@code lookback}, {@code inactive_for} and {@code share}:
 * {@link MetricDefinitions} cannot list every metric's parameters, so the set is fixed here.
 *
 * <p>A metric use's effective parameters are its metric's defaults, overridden by the model's
 * defaults (window, period and include_bots for every use, the others only where the metric takes
 * them), overridden by the use's own {@code params}. A use's {@code params} may name window, period,
 * include_bots and the metric's own parameters.
 */
public final class ModelLoader {
    static final int MAX_CODE_POINTS = 1_048_576;
    static final int MAX_ALIASES = 10;

    private static final List<String> MODEL_KEYS = List.of("model", "title", "description", "defaults", "goals");
    private static final List<String> GOAL_KEYS =
            List.of("id", "title", "purpose", "focus", "object", "viewpoint", "questions");
    private static final List<String> QUESTION_KEYS = List.of("id", "text", "metrics");

    private final MetricDefinitions catalog;

    public ModelLoader(MetricDefinitions catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    /**
     * @throws ModelException the file is not a valid model; its problems name the file
     * @throws IOException    the file cannot be read
     */
    public Model load(Path file) throws ModelException, IOException {
        String source = file.toString();
        String text;
        try {
            text = SafeYaml.readText(file, MAX_CODE_POINTS);
        } catch (SafeYaml.TooLarge e) {
            throw tooLarge(source);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelException(List.of(source + ":1:1: not UTF-8 text: save the model file as UTF-8"));
        }
        return load(source, text);
    }

    /** @param sourceName names the text in problems, usually its file path */
    public Model load(String sourceName, String yamlText) throws ModelException {
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw tooLarge(sourceName);
        }
        Problems problems = new Problems(sourceName);
        Optional<Node> root = compose(sourceName, text, problems);
        if (root.isEmpty() && problems.isEmpty()) {
            problems.at(Optional.empty(), "the file holds no YAML: expected a mapping with 'model' and 'goals'");
        }
        Optional<Model> model = root.flatMap(node -> readModel(node, problems));
        if (!problems.isEmpty()) {
            throw problems.toException();
        }
        return model.orElseThrow();
    }

    private static ModelException tooLarge(String source) {
        return new ModelException(List.of(source + ":1:1: model file too large: the limit is "
                + MAX_CODE_POINTS + " characters"));
    }

    private static Optional<Node> compose(String sourceName, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(sourceName)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                // Complex keys are let through so that YamlMap can report them with their position.
                .setAllowNonScalarKeys(true)
                .build();
        Optional<Optional<org.snakeyaml.engine.v2.exceptions.Mark>> deep = SafeYaml.tooDeep(text, settings);
        if (deep.isPresent()) {
            problems.at(deep.get(), SafeYaml.tooDeepMessage());
            return Optional.empty();
        }
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.at(e.getProblemMark().or(e::getContextMark), syntaxMessage(e));
        } catch (YamlEngineException e) {
            // Limits (aliases) are reported without a position by SnakeYAML.
            problems.at(Optional.empty(), "YAML rejected: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        StringBuilder message = new StringBuilder("YAML syntax error: ").append(e.getProblem());
        if (e.getContext() != null) {
            message.append(" (").append(e.getContext());
            e.getContextMark().ifPresent(m -> message.append(" at ").append(m.getLine() + 1).append(':')
                    .append(m.getColumn() + 1));
            message.append(')');
        }
        // An unquoted "> 2d" reads as a YAML block scalar or an illegal token: the usual cause.
        String all = e.getMessage();
        if (all.contains("block scalar") || all.contains("found character '>'")) {
            message.append("; a threshold starting with > or < must be quoted, e.g. warn: \"> 2d\"");
        }
        return message.toString();
    }

    private Optional<Model> readModel(Node root, Problems problems) {
        int before = problems.reported();
        Optional<YamlMap> map = YamlMap.of(root, "the model", MODEL_KEYS, problems);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap top = map.get();
        Optional<String> id = top.requireText("model");
        id.ifPresent(i -> Ids.checkForm(i, "model id", top.get("model").orElseThrow(), problems));
        Optional<String> title = top.text("title").or(() -> id);
        String description = top.text("description").orElse("");
        ModelDefaults defaults = ModelDefaults.read(top.get("defaults"), problems);
        MetricUseReader uses = new MetricUseReader(catalog, defaults, problems);

        List<Goal> goals = new ArrayList<>();
        Map<String, Node> goalIds = new HashMap<>();
        top.require("goals").ifPresent(goalsNode -> YamlNodes.list(goalsNode, "'goals'", problems).ifPresent(items -> {
            if (items.isEmpty()) {
                problems.at(goalsNode, "'goals' is empty: a model needs at least one goal");
            }
            for (Node item : items) {
                readGoal(item, goalIds, uses, problems).ifPresent(goals::add);
            }
        }));
        if (problems.reported() > before) {
            return Optional.empty();
        }
        return Optional.of(new Model(id.orElseThrow(), title.orElseThrow(), description, goals));
    }

    private Optional<Goal> readGoal(Node node, Map<String, Node> goalIds, MetricUseReader uses, Problems problems) {
        int before = problems.reported();
        String what = YamlMap.peekText(node, "id").map(id -> "goal '" + id + "'").orElse("goal");
        Optional<YamlMap> map = YamlMap.of(node, what, GOAL_KEYS, problems);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap goal = map.get();
        Optional<String> id = goal.requireText("id");
        id.ifPresent(i -> {
            Node idNode = goal.get("id").orElseThrow();
            Ids.checkForm(i, "goal id", idNode, problems);
            Ids.checkUnique(i, "goal id", "", "", idNode, goalIds, problems);
        });
        Optional<String> title = goal.requireText("title");
        Optional<String> purpose = goal.text("purpose");
        Optional<String> focus = goal.text("focus");
        Optional<String> object = goal.text("object");
        Optional<String> viewpoint = goal.text("viewpoint");

        List<Question> questions = new ArrayList<>();
        Map<String, Node> questionIds = new HashMap<>();
        Map<String, Node> useIds = new HashMap<>();
        goal.require("questions").ifPresent(list -> YamlNodes.list(list, "'questions' of " + what, problems)
                .ifPresent(items -> {
                    if (items.isEmpty()) {
                        problems.at(list, what + " has no questions");
                    }
                    for (Node item : items) {
                        readQuestion(item, what, questionIds, useIds, uses, problems).ifPresent(questions::add);
                    }
                }));
        if (problems.reported() > before) {
            return Optional.empty();
        }
        return Optional.of(new Goal(id.orElseThrow(), title.orElseThrow(), purpose, focus, object, viewpoint, questions));
    }

    private Optional<Question> readQuestion(Node node, String goal, Map<String, Node> questionIds,
                                            Map<String, Node> useIds, MetricUseReader uses, Problems problems) {
        int before = problems.reported();
        String what = YamlMap.peekText(node, "id").map(id -> "question '" + id + "'").orElse("question");
        Optional<YamlMap> map = YamlMap.of(node, what + " of " + goal, QUESTION_KEYS, problems);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap question = map.get();
        Optional<String> id = question.requireText("id");
        id.ifPresent(i -> {
            Node idNode = question.get("id").orElseThrow();
            Ids.checkForm(i, "question id", idNode, problems);
            Ids.checkUnique(i, "question id", " in " + goal, "", idNode, questionIds, problems);
        });
        Optional<String> text = question.requireText("text");
        List<MetricUse> metrics = new ArrayList<>();
        question.require("metrics").ifPresent(list -> YamlNodes.list(list, "'metrics' of " + what, problems)
                .ifPresent(items -> {
                    if (items.isEmpty()) {
                        problems.at(list, what + " has no metrics");
                    }
                    for (Node item : items) {
                        uses.read(item, goal, useIds).ifPresent(metrics::add);
                    }
                }));
        if (problems.reported() > before) {
            return Optional.empty();
        }
        return Optional.of(new Question(id.orElseThrow(), text.orElseThrow(), metrics));
    }
}
