#!/usr/bin/env bash
# Records what a real jq prints for every case in jq_cases.json, so that the
# engine's differential test (src/engine/jq/tests.rs) compares against jq itself.
#
# Usage: tests/data/record_jq_cases.sh PATH_TO_JQ [CASES_FILE]
#
# Each case is run the way bashio runs jq:
#   jq --raw-output -c -M ARGS... FILTER < INPUT
# and its "stdout", "status" and "stderr" fields are replaced by what that jq
# printed. Cases keep their order; other fields are left as they are. The
# binary should be jq 1.8 (the version add-on images ship), not an older jq.
set -euo pipefail

jq_bin=${1:?usage: $0 PATH_TO_JQ [CASES_FILE]}
cases=${2:-"$(dirname "$0")/jq_cases.json"}
"$jq_bin" --version

python3 - "$jq_bin" "$cases" <<'PY'
import base64
import json
import subprocess
import sys

jq, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    cases = json.load(f)

env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "JQ_CASES_VAR": "recorded"}
for case in cases:
    if "input_b64" in case:
        data = base64.b64decode(case["input_b64"])
    else:
        data = case["input"].encode("utf-8")
    argv = [jq, "--raw-output", "-c", "-M", *case.get("args", []), case["filter"]]
    proc = subprocess.run(argv, input=data, capture_output=True, timeout=30, env=env)
    for key in ("stdout", "stdout_b64"):
        case.pop(key, None)
    try:
        case["stdout"] = proc.stdout.decode("utf-8")
    except UnicodeDecodeError:
        case["stdout_b64"] = base64.b64encode(proc.stdout).decode()
    case["status"] = proc.returncode
    case["stderr"] = proc.stderr.decode("utf-8", "replace")

with open(path, "w", encoding="utf-8") as f:
    f.write("[\n")
    f.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
    f.write("\n]\n")
print(f"recorded {len(cases)} cases into {path}")
PY
