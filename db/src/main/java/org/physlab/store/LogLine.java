package org.physlab.store;

import java.time.Instant;

/** A log line kept with a run; {@code seq} increases within the run. */
public record LogLine(long seq, Instant time, String level, String message) { }
