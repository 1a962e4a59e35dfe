package dev.gqm.metric;

/** The source a metric needs; without it the metric is no-data. */
public enum Source {
    GIT, GITHUB
}
