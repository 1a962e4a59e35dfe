package dev.gqm.model;

import java.util.List;

public record Question(String id, String text, List<MetricUse> metrics) {
    public Question {
        metrics = List.copyOf(metrics);
    }
}
