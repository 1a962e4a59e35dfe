package dev.gqm.evaluate;

import java.util.List;

/**
 * The items behind a value (the stale issues, the new contributors): a small table whose cells
 * are String, Number or java.time.Instant. {@code linkColumn} names the column holding a URL, or is null.
 */
public record Items(List<String> columns, List<List<Object>> rows, String linkColumn) {
    public static final Items NONE = new Items(List.of(), List.of(), null);

    public Items {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
