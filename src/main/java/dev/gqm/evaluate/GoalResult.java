package dev.gqm.evaluate;

import dev.gqm.model.Goal;
import java.util.List;

public record GoalResult(Goal goal, Status status, List<QuestionResult> questions) {
    public GoalResult {
        questions = List.copyOf(questions);
    }
}
