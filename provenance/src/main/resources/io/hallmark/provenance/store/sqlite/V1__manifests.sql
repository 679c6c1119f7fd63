-- The embedded manifest store, schema version 1: one row per signed manifest, found by watermark payload.
CREATE TABLE IF NOT EXISTS manifests (
  manifest_id    TEXT PRIMARY KEY,
  payload        TEXT,
  algorithm      TEXT,
  title          TEXT,
  signed_at      TEXT NOT NULL,
  manifest_store BLOB NOT NULL,
  report_json    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS manifests_by_payload ON manifests(payload);
