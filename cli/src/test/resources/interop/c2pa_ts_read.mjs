// Reads one file with @trustnxt/c2pa-ts (installed by .ci/run into .interop/) and prints {valid, failures, entries} or {error} as JSON.
import * as fs from 'node:fs/promises';
import { BMFF, JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

const buf = await fs.readFile(process.argv[2]);
let asset;
if (JPEG.canRead(buf)) asset = new JPEG(buf);
else if (PNG.canRead(buf)) asset = new PNG(buf);
else if (BMFF.canRead(buf)) asset = new BMFF(buf);
else { console.log(JSON.stringify({ error: 'unknown format' })); process.exit(0); }
const jumbf = asset.getManifestJUMBF();
if (!jumbf) { console.log(JSON.stringify({ error: 'no manifest' })); process.exit(0); }
let result;
try {
  const superBox = SuperBox.fromBuffer(jumbf);
  const manifests = ManifestStore.read(superBox);
  result = await manifests.validate(asset);
} catch (e) {
  result = ValidationResult.fromError(e);
}
const failures = result.statusEntries.filter(e => !e.success && !e.explanation?.startsWith?.('informational')).map(e => e.code);
console.log(JSON.stringify({ valid: result.isValid, failures, entries: result.statusEntries.map(e => e.code) }));
