package org.physlab.store;

/** One logged value of a metric series; {@code timeMillis} is wall-clock epoch milliseconds. */
public record MetricPoint(String key, long step, double value, long timeMillis) { }
