package org.physlab.server.api;

import java.util.List;
import org.physlab.api.FieldError;

/**
 * What every failed request answers.
 *
 * @param error       what went wrong, in one line
 * @param fieldErrors for invalid run parameters, one entry per problem; otherwise empty
 */
public record ErrorBody(String error, List<FieldError> fieldErrors) {
    public ErrorBody {
        fieldErrors = List.copyOf(fieldErrors == null ? List.of() : fieldErrors);
    }

    public static ErrorBody of(String error) {
        return new ErrorBody(error, List.of());
    }
}
