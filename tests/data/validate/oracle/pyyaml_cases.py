#!/usr/bin/env python3
"""Records how PyYAML's SafeLoader (the Supervisor's config reader) reads
YAML 1.1 scalars and structures, for src/validate/yaml11.rs's test:

    python3 tests/data/validate/oracle/pyyaml_cases.py > tests/data/validate/oracle/yaml.jsonl

Each line: the YAML text and PyYAML's value in JSON terms (keys as Python's
str() of the key, a date as its ISO text, .inf/.nan as "inf", "-inf",
"nan", a set as a mapping to nulls), or "error" when PyYAML refuses the text.
(A timestamp with a time is left out: PyYAML makes a datetime of it, which
yaml11.rs keeps as the text written.)
"""
import datetime
import json
import math

import yaml

SCALARS = [
    "yes", "Yes", "YES", "no", "on", "On", "off", "OFF", "true", "False", "y", "n",
    "0755", "0o755", "0x1F", "0b101", "1_000", "-0", "+12", "09", "0", "00",
    "1:20", "1:20:30", "-1:20", "190:20:30.15", "1:60",
    "1.5", "1.", ".5", "-.5", "1e3", "1.0e3", "1.0e+3", "1.5E-2", "6.8523015e+5",
    ".inf", "-.inf", ".NaN", "+.inf", "1_000.5",
    "~", "null", "Null", "", "NULL", "nul",
    "2024-01-31",
    "'yes'", '"on"', "!!str 0755", "!!int '12'", "!!float '1'", "!!bool 'yes'",
    "123456789012345678901234567890", "0x_ff", "=", "<<", "text", "12abc",
    "!custom x",
]
DOCUMENTS = [
    "base: &b\n  a: 1\n  b: 2\nderived:\n  <<: *b\n  b: 3\n",
    "one: &o {x: 1}\ntwo: &t {x: 2, y: 2}\nboth:\n  <<: [*o, *t]\n  z: 0\n",
    "a: 1\na: 2\n",
    "on: 1\nyes: 2\n3: x\n",
    "list:\n  - yes\n  - 'no'\n  - 0644\n",
    "options:\n  ssl: on\n  mode: 0755\n  time: 1:20\nschema:\n  ssl: bool\n",
    "key: [1, 2\n",
    "a: *missing\n",
    "",
    "--- \n...\n",
    "x: !!set {a, b}\n",
]


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, set):
        return {str(k): None for k in sorted(value, key=str)}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def main():
    texts = [f"v: {s}\n" for s in SCALARS] + DOCUMENTS
    for text in texts:
        try:
            value = plain(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
            print(json.dumps({"yaml": text, "pyyaml": value}, ensure_ascii=False))
        except yaml.YAMLError:
            print(json.dumps({"yaml": text, "pyyaml": "error"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
