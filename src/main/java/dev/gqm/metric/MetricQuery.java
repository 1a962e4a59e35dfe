package dev.gqm.metric;

import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.Window;
import dev.gqm.model.MetricUse;
import java.time.Instant;

/** One measurement to make: the data, the instant, its window and the use's parameters and stat. */
public record MetricQuery(Dataset data, Instant asOf, Window window, MetricUse use) {
}
