-- 0001: registered dataset versions (PostgreSQL twin of Migrations/Sqlite/0001_datasets.sql).
-- Names use COLLATE "C" so they compare and sort ordinally, like SQLite's default BINARY collation.
-- JSON stays text (not jsonb) so documents round-trip byte for byte.
CREATE TABLE dataset_versions (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  text        COLLATE "C" NOT NULL,
    version               integer     NOT NULL CHECK (version >= 1),
    sha256                text        COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
    row_count             bigint      NOT NULL CHECK (row_count >= 0),
    quarantined_row_count bigint      NOT NULL CHECK (quarantined_row_count >= 0),
    column_count          integer     NOT NULL CHECK (column_count >= 0),
    schema_json           text        NOT NULL,
    profile_json          text        NOT NULL,
    source                text        NOT NULL,
    content_key           text        COLLATE "C" NOT NULL CHECK (length(content_key) = 64),
    target                text        NULL,
    created_at            timestamptz NOT NULL, -- UTC, written truncated to milliseconds
    CONSTRAINT ux_dataset_versions_name_version UNIQUE (name, version),
    CONSTRAINT ux_dataset_versions_name_sha256 UNIQUE (name, sha256)
);
