-- 0003: model registry (PostgreSQL twin of Migrations/Sqlite/0003_registry.sql).
-- Versions are numbered from next_version, so a deleted version's number is never reused.
CREATE TABLE registered_models (
    name              text   COLLATE "C" NOT NULL PRIMARY KEY,
    creation_time     bigint NOT NULL,
    last_updated_time bigint NOT NULL,
    description       text   NULL,
    next_version      integer NOT NULL DEFAULT 1
);

CREATE TABLE registered_model_tags (
    name  text COLLATE "C" NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
    key   text COLLATE "C" NOT NULL,
    value text COLLATE "C" NOT NULL,
    PRIMARY KEY (name, key)
);

CREATE TABLE model_versions (
    name              text    COLLATE "C" NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
    version           integer NOT NULL CHECK (version >= 1),
    creation_time     bigint  NOT NULL,
    last_updated_time bigint  NOT NULL,
    description       text    NULL,
    user_id           text    COLLATE "C" NULL,
    current_stage     text    COLLATE "C" NOT NULL CHECK (current_stage IN ('None', 'Staging', 'Production', 'Archived')),
    source            text    COLLATE "C" NOT NULL,
    run_id            text    COLLATE "C" NULL,
    run_link          text    NULL,
    status            text    COLLATE "C" NOT NULL CHECK (status IN ('PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'READY')),
    status_message    text    NULL,
    signature_json    text    NULL,
    metrics_json      text    NULL,   -- {"formatVersion":1,"metrics":{"rmse":12.5}}; text, not jsonb, so it round-trips byte for byte
    PRIMARY KEY (name, version)
);
CREATE INDEX ix_model_versions_run ON model_versions (run_id);

CREATE TABLE model_version_tags (
    name    text    COLLATE "C" NOT NULL,
    version integer NOT NULL,
    key     text    COLLATE "C" NOT NULL,
    value   text    COLLATE "C" NOT NULL,
    PRIMARY KEY (name, version, key),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE registered_model_aliases (
    name    text    COLLATE "C" NOT NULL,
    alias   text    COLLATE "C" NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (name, alias),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE ON DELETE CASCADE
);

-- Append-only: no foreign keys (history outlives deleted models), and a trigger refuses UPDATE, DELETE and TRUNCATE.
-- sequence comes from an identity; a rolled-back change may leave a gap, but the order is always the commit order
-- of changes to one model (registry writes serialize, see PostgresBackend).
CREATE TABLE registry_audit (
    sequence   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    timestamp  bigint NOT NULL,
    actor      text   NOT NULL,
    action     text   COLLATE "C" NOT NULL,
    model_name text   COLLATE "C" NOT NULL,
    version    integer NULL,
    key        text   COLLATE "C" NULL,
    from_value text   NULL,
    to_value   text   NULL,
    reason     text   NULL
);
CREATE INDEX ix_registry_audit_model ON registry_audit (model_name, sequence);

CREATE FUNCTION registry_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'registry_audit is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER tr_registry_audit_no_update BEFORE UPDATE ON registry_audit
    FOR EACH ROW EXECUTE FUNCTION registry_audit_append_only();

CREATE TRIGGER tr_registry_audit_no_delete BEFORE DELETE ON registry_audit
    FOR EACH ROW EXECUTE FUNCTION registry_audit_append_only();

CREATE TRIGGER tr_registry_audit_no_truncate BEFORE TRUNCATE ON registry_audit
    FOR EACH STATEMENT EXECUTE FUNCTION registry_audit_append_only();
