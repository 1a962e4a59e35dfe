package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Sample;
import java.util.List;

/** A count of tracker items, listing each with its age and days since last activity as of as-of. */
abstract class TrackerCount extends TrackerMetric {
    abstract boolean counts(TrackedItem item, MetricQuery q);

    @Override
    Measurement measure(List<TrackedItem> items, MetricQuery q) {
        ItemTable.Builder table = itemTable("age_days", "inactive_days");
        int n = 0;
        for (TrackedItem t : items) {
            if (counts(t, q)) {
                table.row(cells(t, days(t.createdAt(), q.asOf()), days(t.lastActivity(q.asOf()), q.asOf())));
                n++;
            }
        }
        return Measurement.of(n, table.build(), Sample.count(n, n + " " + noun(n)));
    }
}
