package dev.gqm.metric;

import java.util.ArrayList;
import java.util.List;

/** The items behind a metric's value, as rows of String, Number or Instant cells. */
public record ItemTable(List<String> columns, List<List<Object>> rows, String linkColumn) {
    public ItemTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static Builder builder(String... columns) {
        return new Builder(List.of(columns));
    }

    public static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private String linkColumn;

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        public Builder link(String column) {
            this.linkColumn = column;
            return this;
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns.size() + " columns");
            }
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public ItemTable build() {
            return new ItemTable(columns, rows, linkColumn);
        }
    }
}
