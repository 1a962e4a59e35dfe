package dev.gqm.evaluate;

import dev.gqm.model.Model;
import java.time.Instant;
import java.util.List;

/** The whole result of one evaluation: what every report writer reads. */
public record ModelResult(Model model, Instant asOf, Instant generatedAt, List<SourceInfo> sources,
                          Status status, List<GoalResult> goals, List<String> warnings) {
    public ModelResult {
        sources = List.copyOf(sources);
        goals = List.copyOf(goals);
        warnings = List.copyOf(warnings);
    }
}
