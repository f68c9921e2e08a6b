-- 0001: registered dataset versions. Numbers are per name, 1, 2, 3...; one row per (name, content).
CREATE TABLE dataset_versions (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL,
    version               INTEGER NOT NULL CHECK (version >= 1),
    sha256                TEXT    NOT NULL CHECK (length(sha256) = 64),
    row_count             INTEGER NOT NULL CHECK (row_count >= 0),
    quarantined_row_count INTEGER NOT NULL CHECK (quarantined_row_count >= 0),
    column_count          INTEGER NOT NULL CHECK (column_count >= 0),
    schema_json           TEXT    NOT NULL,
    profile_json          TEXT    NOT NULL,
    source                TEXT    NOT NULL,
    content_key           TEXT    NOT NULL CHECK (length(content_key) = 64),
    target                TEXT    NULL,
    created_at            TEXT    NOT NULL, -- ISO-8601 UTC, milliseconds: 2026-01-01T00:00:00.000Z
    CONSTRAINT ux_dataset_versions_name_version UNIQUE (name, version),
    CONSTRAINT ux_dataset_versions_name_sha256 UNIQUE (name, sha256)
);
