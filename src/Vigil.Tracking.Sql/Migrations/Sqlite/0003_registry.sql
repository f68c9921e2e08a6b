-- 0003: model registry. Versions are numbered from next_version, so a deleted version's number is never reused.
CREATE TABLE registered_models (
    name              TEXT    NOT NULL PRIMARY KEY,
    creation_time     INTEGER NOT NULL,
    last_updated_time INTEGER NOT NULL,
    description       TEXT    NULL,
    next_version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE registered_model_tags (
    name  TEXT NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (name, key)
);

CREATE TABLE model_versions (
    name              TEXT    NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
    version           INTEGER NOT NULL CHECK (version >= 1),
    creation_time     INTEGER NOT NULL,
    last_updated_time INTEGER NOT NULL,
    description       TEXT    NULL,
    user_id           TEXT    NULL,
    current_stage     TEXT    NOT NULL CHECK (current_stage IN ('None', 'Staging', 'Production', 'Archived')),
    source            TEXT    NOT NULL,
    run_id            TEXT    NULL,
    run_link          TEXT    NULL,
    status            TEXT    NOT NULL CHECK (status IN ('PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'READY')),
    status_message    TEXT    NULL,
    signature_json    TEXT    NULL,
    metrics_json      TEXT    NULL,   -- {"formatVersion":1,"metrics":{"rmse":12.5}}
    PRIMARY KEY (name, version)
);
CREATE INDEX ix_model_versions_run ON model_versions (run_id);

CREATE TABLE model_version_tags (
    name    TEXT    NOT NULL,
    version INTEGER NOT NULL,
    key     TEXT    NOT NULL,
    value   TEXT    NOT NULL,
    PRIMARY KEY (name, version, key),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE registered_model_aliases (
    name    TEXT    NOT NULL,
    alias   TEXT    NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (name, alias),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE ON DELETE CASCADE
);

-- Append-only: no foreign keys (history outlives deleted models), and triggers refuse UPDATE and DELETE.
CREATE TABLE registry_audit (
    sequence   INTEGER PRIMARY KEY,
    timestamp  INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    model_name TEXT    NOT NULL,
    version    INTEGER NULL,
    key        TEXT    NULL,
    from_value TEXT    NULL,
    to_value   TEXT    NULL,
    reason     TEXT    NULL
);
CREATE INDEX ix_registry_audit_model ON registry_audit (model_name, sequence);

CREATE TRIGGER tr_registry_audit_no_update BEFORE UPDATE ON registry_audit
BEGIN
    SELECT RAISE(ABORT, 'registry_audit is append-only');
END;

CREATE TRIGGER tr_registry_audit_no_delete BEFORE DELETE ON registry_audit
BEGIN
    SELECT RAISE(ABORT, 'registry_audit is append-only');
END;
