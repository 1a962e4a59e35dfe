package dev.gqm.model;

import java.util.List;
import java.util.Optional;

/** A goal with Basili's optional template: purpose, focus (quality issue), object, viewpoint. */
public record Goal(String id, String title, Optional<String> purpose, Optional<String> focus,
                   Optional<String> object, Optional<String> viewpoint, List<Question> questions) {
    public Goal {
        questions = List.copyOf(questions);
    }
}
