package dev.gqm.model;

import java.util.List;
import java.util.Optional;

/** The catalog as the model loader sees it: implemented by the metric package. */
public interface MetricDefinitions {
    Optional<MetricSignature> signature(String metricId);

    /** Every metric id, in catalog order (for the loader's "did you mean" hints). */
    List<String> ids();
}
