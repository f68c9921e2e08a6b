-- 0002: experiment tracking (MLflow entities). Times are Unix epoch milliseconds; booleans are INTEGER 0/1.
CREATE TABLE experiments (
    experiment_id     INTEGER PRIMARY KEY,            -- 0 is the Default experiment
    name              TEXT    NOT NULL,
    artifact_location TEXT    NOT NULL,
    lifecycle_stage   TEXT    NOT NULL CHECK (lifecycle_stage IN ('active', 'deleted')),
    creation_time     INTEGER NOT NULL,
    last_update_time  INTEGER NOT NULL,
    CONSTRAINT ux_experiments_name UNIQUE (name)
);

CREATE TABLE experiment_tags (
    experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
    key           TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    PRIMARY KEY (experiment_id, key)
);

CREATE TABLE runs (
    run_id          TEXT    NOT NULL PRIMARY KEY CHECK (length(run_id) = 32),
    experiment_id   INTEGER NOT NULL REFERENCES experiments (experiment_id),
    run_name        TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
    start_time      INTEGER NOT NULL,
    end_time        INTEGER NULL,
    lifecycle_stage TEXT    NOT NULL CHECK (lifecycle_stage IN ('active', 'deleted')),
    artifact_uri    TEXT    NOT NULL,
    deleted_time    INTEGER NULL
);
CREATE INDEX ix_runs_experiment_status_start ON runs (experiment_id, status, start_time);
CREATE INDEX ix_runs_experiment_lifecycle_start ON runs (experiment_id, lifecycle_stage, start_time);

CREATE TABLE params (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX ix_params_key_value ON params (key, value);

CREATE TABLE tags (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX ix_tags_key_value ON tags (key, value);

-- Full history. NaN is stored as value 0 with is_nan = 1 (SQLite turns a NaN REAL into NULL); ±Inf are stored as is.
-- The primary key makes re-logging an identical point a no-op (client retries).
CREATE TABLE metrics (
    run_id    TEXT    NOT NULL REFERENCES runs (run_id),
    key       TEXT    NOT NULL,
    step      INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    value     REAL    NOT NULL,
    is_nan    INTEGER NOT NULL CHECK (is_nan IN (0, 1)),
    PRIMARY KEY (run_id, key, step, timestamp, value, is_nan)
);

-- The value with the highest (step, timestamp) per key, maintained in the same transaction as the history.
CREATE TABLE latest_metrics (
    run_id    TEXT    NOT NULL REFERENCES runs (run_id),
    key       TEXT    NOT NULL,
    step      INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    value     REAL    NOT NULL,
    is_nan    INTEGER NOT NULL CHECK (is_nan IN (0, 1)),
    PRIMARY KEY (run_id, key)
);
CREATE INDEX ix_latest_metrics_key_value ON latest_metrics (key, value);

-- Datasets are unique per experiment by (name, digest); inputs link them to runs.
CREATE TABLE datasets (
    dataset_id    INTEGER PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
    name          TEXT    NOT NULL,
    digest        TEXT    NOT NULL,
    source_type   TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    schema_json   TEXT    NULL,
    profile_json  TEXT    NULL,
    version       TEXT    NULL,
    CONSTRAINT ux_datasets_experiment_name_digest UNIQUE (experiment_id, name, digest)
);

CREATE TABLE inputs (
    run_id     TEXT    NOT NULL REFERENCES runs (run_id),
    dataset_id INTEGER NOT NULL REFERENCES datasets (dataset_id),
    PRIMARY KEY (run_id, dataset_id)
);
CREATE INDEX ix_inputs_dataset ON inputs (dataset_id);

CREATE TABLE input_tags (
    run_id     TEXT    NOT NULL,
    dataset_id INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (run_id, dataset_id, key),
    FOREIGN KEY (run_id, dataset_id) REFERENCES inputs (run_id, dataset_id)
);
