"""Reads a file with the official C2PA Python binding (c2pa-python, which wraps c2pa-rs) on its default
settings and prints the validation state and failure codes as one JSON line. Exit 3 when the binding is
not installed (the caller skips)."""
import json
import sys

try:
    import c2pa
except ImportError:
    sys.exit(3)

try:
    report = json.loads(c2pa.Reader(sys.argv[1]).json())
except Exception as e:  # no manifest, unsupported, a reader error: said, not crashed
    print(json.dumps({"sdk": c2pa.sdk_version(), "state": None, "error": str(e)}))
    sys.exit(0)
failures = report.get("validation_results", {}).get("activeManifest", {}).get("failure", [])
print(json.dumps({"sdk": c2pa.sdk_version(), "state": report.get("validation_state"),
                  "failures": [f.get("code") for f in failures]}))
