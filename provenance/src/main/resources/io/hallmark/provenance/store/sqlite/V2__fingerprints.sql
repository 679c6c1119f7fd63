-- Version 2: content fingerprints, and the whole-frame hashes the look-up index is built from.
ALTER TABLE manifests ADD COLUMN fingerprint TEXT;
CREATE TABLE IF NOT EXISTS fingerprint_keys (
  manifest_id TEXT NOT NULL,
  hash        BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS fingerprint_keys_by_manifest ON fingerprint_keys(manifest_id);
