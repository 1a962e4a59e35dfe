package dev.gqm.evaluate;

import dev.gqm.model.Direction;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Note;
import dev.gqm.model.Sample;
import dev.gqm.model.Unit;
import java.util.List;

/**
 * A metric use measured and judged. {@code value} is null exactly when status is NO_DATA, with
 * {@code note} saying why; {@code censored} marks a value that is a lower bound (shown "≥ value").
 * {@code sample} is what the value was computed from (null without data), {@code notes} the data
 * notes shown beside it, {@code definition} and {@code better} the catalog's words for it.
 */
public record MetricResult(MetricUse use, Unit unit, Double value, Status status, String note,
                           List<SeriesPoint> series, Items items, Sample sample, boolean censored,
                           List<Note> notes, String definition, Direction better) {
    public MetricResult {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /** A result without sample, notes or catalog words (tests and results known before measuring). */
    public MetricResult(MetricUse use, Unit unit, Double value, Status status, String note,
                        List<SeriesPoint> series, Items items) {
        this(use, unit, value, status, note, series, items, null, false, List.of(), "", Direction.NEITHER);
    }
}
