package dev.gqm.model;

import java.util.List;

/** A model file that cannot be used; {@link #problems()} lists every problem found, each as file:line:column: what. */
public class ModelException extends Exception {
    private final List<String> problems;

    public ModelException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
