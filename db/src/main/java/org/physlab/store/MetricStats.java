package org.physlab.store;

/** Aggregate of one metric series of a run: the last value (at the highest step), min, max and count. */
public record MetricStats(String key, double last, long lastStep, double min, double max, long count) { }
