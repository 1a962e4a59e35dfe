package dev.gqm.evaluate;

import dev.gqm.model.MetricUse;

/** SPEC §2: fail if the fail condition holds, else warn if the warn condition holds, else pass; no value is no-data. */
public final class Judge {
    private Judge() {
    }

    public static Status judge(MetricUse use, Double value) {
        if (value == null) {
            return Status.NO_DATA;
        }
        if (use.fail().isPresent() && use.fail().get().holds(value)) {
            return Status.FAIL;
        }
        if (use.warn().isPresent() && use.warn().get().holds(value)) {
            return Status.WARN;
        }
        return Status.PASS;
    }
}
