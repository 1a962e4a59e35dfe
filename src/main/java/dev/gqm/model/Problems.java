package dev.gqm.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The problems found in one YAML file of gqm's (a model, an identities file, a portfolio), each
 * tied to a position. Collected rather than thrown so that a user sees every problem of the file in
 * one run, listed in file order as {@code FILE:LINE:COL: what}.
 */
public final class Problems {
    private record Located(int line, int column, int order, String message) {
    }

    private static final Comparator<Located> BY_POSITION =
            Comparator.comparingInt(Located::line).thenComparingInt(Located::column).thenComparingInt(Located::order);

    private final String source;
    private final List<Located> found = new ArrayList<>();
    private int reported;

    public Problems(String source) {
        this.source = source;
    }

    /** Reports at a node's start; line and column are kept 0-based as SnakeYAML gives them. */
    public void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    public void at(Optional<Mark> mark, String message) {
        int line = mark.map(Mark::getLine).orElse(0);
        int column = mark.map(Mark::getColumn).orElse(0);
        found.add(new Located(line, column, found.size(), message));
        reported++;
    }

    /** Counts every report, repeats included: callers compare counts to learn whether a part failed. */
    public int reported() {
        return reported;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** {@code FILE:LINE:COL: message}, 1-based, sorted by position; a node reached twice through an alias is reported once. */
    public List<String> lines() {
        Set<String> out = new LinkedHashSet<>();
        found.stream().sorted(BY_POSITION)
                .forEach(p -> out.add(source + ":" + (p.line + 1) + ":" + (p.column + 1) + ": " + p.message));
        return List.copyOf(out);
    }

    ModelException toException() {
        return new ModelException(lines());
    }
}
