package org.physlab.api;

import java.util.Objects;

/**
 * A paper, lecture or notebook an experiment implements.
 *
 * @param citation e.g. {@code "F. Marquardt, Machine Learning Crash Course for Physicists (ICTP 2024), lesson 3"}
 * @param url      where to read it, or {@code null}
 */
public record Reference(String citation, String url) {
    public Reference {
        Objects.requireNonNull(citation, "citation");
    }
}
