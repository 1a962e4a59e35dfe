package dev.gqm.dataset;

import java.util.List;

/** An identities file that cannot be used; {@link #problems()} lists each problem as {@code file:line:column: what}. */
public class IdentitiesException extends Exception {
    private final List<String> problems;

    public IdentitiesException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an IdentitiesException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
