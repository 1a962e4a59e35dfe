package dev.gqm.report;

import dev.gqm.model.Goal;
import dev.gqm.model.Model;
import java.util.List;

/** A goal as a portfolio column: its status, then the values of its metric uses, in model order. */
record PortfolioGoal(String id, String title, List<String> metricIds) {
    PortfolioGoal {
        metricIds = List.copyOf(metricIds);
    }

    /** Every repository of a portfolio is measured with one model, so the model alone fixes the columns. */
    static List<PortfolioGoal> of(Model model) {
        return model.goals().stream().map(PortfolioGoal::of).toList();
    }

    private static PortfolioGoal of(Goal goal) {
        return new PortfolioGoal(goal.id(), goal.title(), goal.questions().stream()
                .flatMap(q -> q.metrics().stream())
                .map(u -> u.id())
                .toList());
    }
}
