package org.physlab.api;

import java.util.Objects;

/**
 * One problem with one parameter.
 *
 * @param parameter the parameter's name (or {@code "*"} for a problem with the whole set)
 * @param message   what is wrong, in words a user can act on, e.g. {@code "must be at least 2, got 1"}
 */
public record FieldError(String parameter, String message) {
    public FieldError {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }

    public static FieldError of(String parameter, String message) {
        return new FieldError(parameter, message);
    }

    @Override
    public String toString() {
        return parameter + ": " + message;
    }
}
