package dev.gqm.evaluate;

import dev.gqm.model.Question;
import java.util.List;

public record QuestionResult(Question question, Status status, List<MetricResult> metrics) {
    public QuestionResult {
        metrics = List.copyOf(metrics);
    }
}
