package dev.gqm.collect.http;

import java.util.Map;
import java.util.Optional;

/**
 * A credential from the environment (a token or API key), sent in one header to one host. Its
 * {@code toString} never shows the value, and {@link #problem()} names no part of it.
 */
public final class ApiKey {
    private final String value;
    private final String variable;
    private final String noun;

    private ApiKey(String value, String variable, String noun) {
        this.value = value;
        this.variable = variable;
        this.noun = noun;
    }

    /** The first of {@code variables} set to a non-blank value, or none; an API key. */
    public static ApiKey fromEnvironment(Map<String, String> env, String... variables) {
        return named(env, "key", variables);
    }

    /** The same, called {@code noun} ("token") in messages. */
    public static ApiKey named(Map<String, String> env, String noun, String... variables) {
        for (String name : variables) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return new ApiKey(v.strip(), name, noun);
            }
        }
        return new ApiKey(null, null, noun);
    }

    /** The variable it came from, or null when none was set. */
    public String variable() {
        return variable;
    }

    /**
     * Why the value cannot be sent: an HTTP header carries visible ASCII only, so a control
     * character, a line break or a non-ASCII letter (a paste gone wrong) would otherwise surface
     * in an error message together with the secret.
     */
    public Optional<String> problem() {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of(variable + " holds a character that an HTTP header cannot carry"
                        + " (a control character, space or non-ASCII letter at position " + (i + 1)
                        + " of " + value.length() + "): set it to the " + noun + " alone");
            }
        }
        return Optional.empty();
    }

    /** The secret itself: pass it to the transport's header only. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public String toString() {
        return value == null ? "ApiKey[none]" : "ApiKey[from " + variable + "]";
    }
}
