package dev.gqm.evaluate;

import java.util.Collection;

/**
 * A metric's, question's, goal's or model's judgement (SPEC §2). Judged statuses roll up worst
 * first: FAIL > WARN > PASS > NO_DATA. INFO is a value measured without thresholds: a number to
 * look at, not a verdict; it takes no part in a roll-up, and a roll-up of INFO alone is INFO.
 */
public enum Status {
    NO_DATA("no-data"), PASS("pass"), WARN("warn"), FAIL("fail"), INFO("info");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is a verdict (pass, warn, fail, no-data), as opposed to info. */
    public boolean judged() {
        return this != INFO;
    }

    public static Status worst(Collection<Status> statuses) {
        Status worst = null;
        boolean info = false;
        for (Status s : statuses) {
            if (s == INFO) {
                info = true;
            } else if (worst == null || s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst != null ? worst : info ? INFO : NO_DATA;
    }
}
