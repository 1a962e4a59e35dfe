package dev.gqm.model;

import java.util.Objects;

/** A parameter a metric accepts, with its default value (already of the kind's Java type). */
public record ParamSpec(String name, ParamKind kind, Object defaultValue, String description) {
    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(description);
    }
}
