-- The manifest store on PostgreSQL: the same tables as the embedded SQLite store (sqlite/V1, V2) at version 2
-- (ManifestStore.SCHEMA_VERSION), so one set of queries serves both.
CREATE TABLE manifests (
  manifest_id    TEXT PRIMARY KEY,
  payload        TEXT,
  algorithm      TEXT,
  title          TEXT,
  signed_at      TEXT NOT NULL,
  manifest_store BYTEA NOT NULL,
  report_json    TEXT NOT NULL,
  fingerprint    TEXT
);
CREATE INDEX manifests_by_payload ON manifests(payload);
CREATE TABLE fingerprint_keys (
  manifest_id TEXT NOT NULL,
  hash        BYTEA NOT NULL
);
CREATE INDEX fingerprint_keys_by_manifest ON fingerprint_keys(manifest_id);
