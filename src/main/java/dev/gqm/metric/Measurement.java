package dev.gqm.metric;

import dev.gqm.model.Note;
import dev.gqm.model.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric's value as of one instant; {@code value} is null when there was nothing to measure
 * (never a fake 0), with {@code note} saying why. {@code items} may be null. {@code sample} is what
 * the value was computed from (null only without data); {@code censored} marks a survival estimate
 * not reached yet, whose value is a lower bound ("≥ value"); {@code notes} are the data notes.
 */
public record Measurement(Double value, ItemTable items, String note, Sample sample, boolean censored, List<Note> notes) {
    public Measurement {
        notes = List.copyOf(notes);
    }

    public static Measurement of(double value, ItemTable items, Sample sample) {
        return new Measurement(value, items, null, sample, false, List.of());
    }

    public static Measurement noData(String why, ItemTable items) {
        return new Measurement(null, items, why, null, false, List.of());
    }

    /** A lower bound: the estimate is at least {@code value}, not reached yet. */
    public static Measurement atLeast(double value, ItemTable items, Sample sample) {
        return new Measurement(value, items, "a lower bound: the estimate is not reached yet", sample, true, List.of());
    }

    /** The same measurement with more notes (none added twice). */
    public Measurement withNotes(List<Note> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Note> all = new ArrayList<>(notes);
        for (Note n : more) {
            if (all.stream().noneMatch(o -> o.code().equals(n.code()))) {
                all.add(n);
            }
        }
        return new Measurement(value, items, note, sample, censored, all);
    }

    public Measurement withSample(Sample s) {
        return new Measurement(value, items, note, s, censored, notes);
    }
}
