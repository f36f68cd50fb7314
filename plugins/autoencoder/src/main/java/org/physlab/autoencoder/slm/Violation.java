package org.physlab.autoencoder.slm;

/**
 * One condition a line-bundle sum violates, with a message that says by how much, e.g.
 * {@code TOTAL_INDEX: ind(V) = -10, needs -3|Gamma| = -12}.
 */
public record Violation(Constraint constraint, String message) {
    @Override
    public String toString() {
        return constraint + ": " + message;
    }
}
