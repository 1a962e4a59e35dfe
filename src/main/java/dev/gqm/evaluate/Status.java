package dev.gqm.evaluate;

import java.util.Collection;

/** A metric's, question's, goal's or model's judgement. Worst-of order: FAIL > WARN > PASS > NO_DATA. */
public enum Status {
    NO_DATA("no-data"), PASS("pass"), WARN("warn"), FAIL("fail");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Status worst(Collection<Status> statuses) {
        Status worst = NO_DATA;
        for (Status s : statuses) {
            if (s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
