-- Run index, schema version 2: what a list of thousands of runs filters and sorts on, without
-- reading every metric point or parsing every run's parameter JSON.
--
-- Same conventions as V1 (H2 2.3 SQL that PostgreSQL also accepts, except where a comment says "H2:").
-- Run parameters of existing runs are filled in by the Java migration 2.1 (RunParametersBackfill),
-- which parses parameters_json with the same code that fills the table for new runs.

-- Aggregates of each metric series, kept by the store in the same transaction that appends points:
-- the value at the highest step (of several points at that step, the last appended), min, max, count.
-- NULL only for a series without points, which the store never leaves behind.
ALTER TABLE metric_series ADD COLUMN last_value DOUBLE PRECISION;
ALTER TABLE metric_series ADD COLUMN last_step BIGINT;
ALTER TABLE metric_series ADD COLUMN min_value DOUBLE PRECISION;
ALTER TABLE metric_series ADD COLUMN max_value DOUBLE PRECISION;
ALTER TABLE metric_series ADD COLUMN point_count BIGINT DEFAULT 0 NOT NULL;

UPDATE metric_series SET
    point_count = (SELECT COUNT(*) FROM metrics m WHERE m.series_id = metric_series.id),
    min_value   = (SELECT MIN(m.metric_value) FROM metrics m WHERE m.series_id = metric_series.id),
    max_value   = (SELECT MAX(m.metric_value) FROM metrics m WHERE m.series_id = metric_series.id),
    last_step   = (SELECT MAX(m.step) FROM metrics m WHERE m.series_id = metric_series.id);

UPDATE metric_series SET
    last_value = (SELECT m.metric_value FROM metrics m
                  WHERE m.series_id = metric_series.id AND m.step = metric_series.last_step
                  ORDER BY m.id DESC FETCH FIRST 1 ROW ONLY);

-- "runs whose last loss is below 0.01", and sorting runs by a metric's last value.
CREATE INDEX metric_series_key_last_idx ON metric_series (metric_key, last_value);

-- The top-level parameters of each run, one row per name, for filtering and sorting runs by them.
-- text_value: strings as given, booleans as true/false, numbers as in the JSON, lists as JSON text.
-- num_value: the number for numeric parameters, NULL otherwise.
CREATE TABLE run_parameters (
    run_id     VARCHAR(32)      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name       VARCHAR(200)     NOT NULL,
    text_value VARCHAR          NOT NULL,
    num_value  DOUBLE PRECISION,
    PRIMARY KEY (run_id, name)
);
CREATE INDEX run_parameters_num_idx ON run_parameters (name, num_value);
