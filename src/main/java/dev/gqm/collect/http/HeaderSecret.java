package dev.gqm.collect.http;

import java.util.Optional;

/**
 * Checks a credential before it goes into an HTTP header. A header carries visible ASCII only, so
 * a control character, a line break or a non-ASCII letter (a paste gone wrong) would otherwise
 * surface in an error message together with the credential; the answer names no part of it.
 */
public final class HeaderSecret {
    private HeaderSecret() {
    }

    /** Why {@code value} (read from {@code variable}) cannot be sent, or empty when it can (or is absent). */
    public static Optional<String> problem(String variable, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of(variable + " holds a character that an HTTP header cannot carry"
                        + " (a control character, space or non-ASCII letter at position " + (i + 1)
                        + " of " + value.length() + "): set it to the token alone");
            }
        }
        return Optional.empty();
    }
}
