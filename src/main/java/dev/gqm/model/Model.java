package dev.gqm.model;

import java.util.List;

public record Model(String id, String title, String description, List<Goal> goals) {
    public Model {
        goals = List.copyOf(goals);
    }
}
