package dev.gqm.evaluate;

import dev.gqm.model.MetricUse;
import dev.gqm.model.Unit;
import java.util.List;

/** A metric use measured and judged; {@code value} is null exactly when status is NO_DATA. */
public record MetricResult(MetricUse use, Unit unit, Double value, Status status, String note,
                           List<SeriesPoint> series, Items items) {
    public MetricResult {
        series = List.copyOf(series);
    }
}
