package org.physlab.api;

/** Log lines kept with a run. Formatting follows {@link String#format}. */
public interface RunLog {
    void info(String format, Object... args);

    void warn(String format, Object... args);

    void error(String format, Object... args);
}
