package dev.gqm.metric;

import dev.gqm.model.Direction;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.util.List;
import java.util.Set;

/** One catalog metric: its declaration (id, unit, definition, parameters) beside its measurement. */
public interface Metric {
    String id();

    Unit unit();

    /** The definition as the catalog states it (SPEC §4). */
    String definition();

    Source requires();

    /**
     * Whether its value as of as-of reads only the tracker items open at as-of and what happened
     * on them (an item closed by then cannot change it), so a run as of now may collect only the
     * items open now. Its series over time reads more: earlier points need items closed since.
     */
    default boolean readsOnlyOpenItems() {
        return false;
    }

    /** Which way the value is better, as reports say it. */
    Direction better();

    /** The sample in words for {@code n} of what this metric counts: "12 commits". */
    default String noun(long n) {
        return n == 1 ? "item" : "items";
    }

    Stat defaultStat();

    Set<Stat> stats();

    /** Parameters beyond window, period and include_bots, which every metric takes. */
    List<ParamSpec> params();

    /** Measures as of {@code query.asOf()} over {@code query.window()}; no data is a null value, never 0. */
    Measurement measure(MetricQuery query);
}
