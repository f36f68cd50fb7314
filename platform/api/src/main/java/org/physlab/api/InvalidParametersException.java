package org.physlab.api;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ParameterSchema#validate} with every field error at once. */
public final class InvalidParametersException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidParametersException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in schema order. */
    public List<FieldError> errors() {
        return errors;
    }
}
