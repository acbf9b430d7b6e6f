#!/usr/bin/env python3
"""Records the Supervisor's verdicts on add-on options, for bashio validate's
agreement test (tests/validate_oracle.rs).

    record.py SUPERVISOR_CHECKOUT CORPUS_DIR OUT_DIR [PER_ADDON]

SUPERVISOR_CHECKOUT is a checkout of home-assistant/supervisor; its own
supervisor/apps/options.py is loaded and run (with voluptuous, orjson and
PyYAML installed: pip install voluptuous orjson PyYAML, at the versions its
requirements.txt names). What options.py imports from the rest of the
Supervisor is stood in for by small stubs, the only places where the
oracle is not the Supervisor itself:

- secrets: none (every `!secret` is unknown), as in `bashio validate`;
- devices: a path under /dev or /sys/devices "exists" (there is no udev);
- `network_port`: read from the checkout's supervisor/validate.py.

CORPUS_DIR holds add-ons (any directory with a config.yaml, config.yml or
config.json, up to three levels down). Each config is read as the
Supervisor reads it (PyYAML's C SafeLoader, orjson for JSON). For each
add-on, its default options and PER_ADDON (default 40) mutations of them are
written as JSON text, read back with orjson as the Supervisor's API reads a
request body, and validated. OUT_DIR gets schemas.json (each add-on's name,
slug and schema) and cases.jsonl (one case a line: the add-on, the options'
JSON text, and the verdict: valid, invalid with the Supervisor's message, or
unreadable with orjson's message).

The mutations are deterministic (seeded by each add-on's slug), so a second
run on the same checkout and corpus writes the same files.
"""

import json
import logging
import random
import re
import sys
import types
from pathlib import Path

import orjson
import voluptuous as vol
import yaml
from voluptuous.humanize import humanize_error

logging.disable(logging.CRITICAL)


def load_options_module(checkout: Path):
    """supervisor/apps/options.py, with stubs for what it imports."""
    class CoreSysAttributes:
        pass

    class HardwareNotFound(Exception):
        pass

    class UdevSubsystem(str):
        pass

    validate_text = (checkout / "supervisor/validate.py").read_text()
    port_line = next(
        line for line in validate_text.splitlines() if line.startswith("network_port =")
    )
    validate_ns = {"vol": vol}
    exec(port_line, validate_ns)

    stubs = {
        "supervisor": types.ModuleType("supervisor"),
        "supervisor.apps": types.ModuleType("supervisor.apps"),
        "supervisor.coresys": types.ModuleType("supervisor.coresys"),
        "supervisor.exceptions": types.ModuleType("supervisor.exceptions"),
        "supervisor.hardware": types.ModuleType("supervisor.hardware"),
        "supervisor.hardware.const": types.ModuleType("supervisor.hardware.const"),
        "supervisor.hardware.data": types.ModuleType("supervisor.hardware.data"),
        "supervisor.validate": types.ModuleType("supervisor.validate"),
    }
    stubs["supervisor"].__path__ = []
    stubs["supervisor.apps"].__path__ = []
    stubs["supervisor.hardware"].__path__ = []
    stubs["supervisor.coresys"].CoreSys = object
    stubs["supervisor.coresys"].CoreSysAttributes = CoreSysAttributes
    stubs["supervisor.exceptions"].HardwareNotFound = HardwareNotFound
    stubs["supervisor.hardware.const"].UdevSubsystem = UdevSubsystem
    stubs["supervisor.hardware.data"].Device = str
    stubs["supervisor.validate"].network_port = validate_ns["network_port"]
    sys.modules.update(stubs)

    source = (checkout / "supervisor/apps/options.py").read_text()
    if sys.version_info < (3, 14):
        # PEP 758's unparenthesised except list, for older Pythons.
        source = re.sub(r"except (\w+), (\w+):", r"except (\1, \2):", source)
    module = types.ModuleType("supervisor.apps.options")
    module.__package__ = "supervisor.apps"
    exec(compile(source, "supervisor/apps/options.py", "exec"), module.__dict__)

    class Secrets:
        def get(self, name):
            return None

    class Hardware:
        def get_by_path(self, path):
            text = str(path)
            if text.startswith("/dev/") or text.startswith("/sys/devices/"):
                if ".." not in Path(text).parts:
                    return text
            raise HardwareNotFound()

        def filter_devices(self, **kwargs):
            return AllDevices()

    class AllDevices:
        def __contains__(self, item):
            return True

    module.AppOptions.sys_homeassistant = types.SimpleNamespace(secrets=Secrets())
    module.AppOptions.sys_hardware = Hardware()
    return module


def read_config(path: Path):
    data = path.read_bytes()
    if path.suffix == ".json":
        return orjson.loads(data)
    return yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def find_configs(corpus: Path):
    names = ("config.yaml", "config.yml", "config.json")
    found = []
    for depth in ("*", "*/*", "*/*/*"):
        for path in sorted(corpus.glob(f"{depth}")):
            if path.name in names and "rootfs" not in path.parts:
                if not any(part.startswith(".") for part in path.relative_to(corpus).parts):
                    found.append(path)
    seen = set()
    out = []
    for path in found:
        if path.parent not in seen:
            seen.add(path.parent)
            out.append(path)
    return out


ODD_STRINGS = [
    "", " ", "FR\n", "fr", "١٢", "１２", "12", "-3", "3.5", "1_000", " 7 ", "\x1c", "yes",
    "off", "maybe", "null", "http://＃x", "http://example.com", "https://[::1]:80/",
    "user@example.org", "a@b", "/dev/ttyUSB0", "/tmp/x", "/dev/../etc", "İ", "ı",
    "\U000e0080", "\u0378", "x" * 300, "!secret password", "1e400", "nan", "inf",
]
ODD_NUMBERS = ["0", "-1", "1", "65535", "65536", "70000", "1.5", "-0.0", "1e3",
               "1e400", "123456789012345678901234567890", "18446744073709551615",
               "-9223372036854775809", "2.5e-8", "100"]


def mutate(rng: random.Random, options):
    """One mutated copy of the options, as JSON text."""
    options = json.loads(json.dumps(options, default=str))
    raw = {}  # placeholder -> raw JSON number text

    def odd_value():
        pick = rng.random()
        if pick < 0.4:
            return rng.choice(ODD_STRINGS)
        if pick < 0.75:
            token = f"@@num{len(raw)}@@"
            raw[token] = rng.choice(ODD_NUMBERS)
            return token
        return rng.choice([None, True, False, [], {}, [1, "a"], {"x": 1}])

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for key, inner in value.items():
                yield from paths(inner, prefix + (key,))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                yield from paths(inner, prefix + (index,))

    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        targets = [p for p in paths(options) if p]
        kind = rng.random()
        if not targets or kind < 0.1:
            options[rng.choice(["unknown_option", "extra"])] = odd_value()
            continue
        target = rng.choice(targets)
        parent = options
        for part in target[:-1]:
            parent = parent[part]
        last = target[-1]
        if kind < 0.25 and isinstance(parent, dict):
            del parent[last]
        else:
            parent[last] = odd_value()
    text = json.dumps(options, ensure_ascii=rng.random() < 0.5)
    for token, number in raw.items():
        text = text.replace(f'"{token}"', number)
    return text


def verdict(module, schema, name, slug, text):
    try:
        options = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return {"verdict": "unreadable", "message": str(error)}
    checker = module.AppOptions(None, schema, name, slug)
    try:
        stored = checker.validate(options)
    except vol.Invalid as error:
        return {
            "verdict": "invalid",
            "message": f"App {slug} has invalid options: {humanize_error(options, error)}",
        }
    except Exception as error:  # the Supervisor's own crash, recorded as such
        return {"verdict": "error", "message": f"{type(error).__name__}: {error}"}
    return {"verdict": "valid"}


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: record.py SUPERVISOR_CHECKOUT CORPUS_DIR OUT_DIR [PER_ADDON]")
    checkout, corpus, out = (Path(a) for a in sys.argv[1:4])
    per_addon = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    module = load_options_module(checkout)
    out.mkdir(parents=True, exist_ok=True)
    schemas = {}
    cases = []
    for config_path in find_configs(corpus):
        try:
            config = read_config(config_path)
        except Exception:
            continue
        if not isinstance(config, dict):
            continue
        name, slug = config.get("name"), config.get("slug")
        schema = config.get("schema")
        options = config.get("options") or {}
        if not isinstance(name, str) or not isinstance(slug, str) or not isinstance(options, dict):
            continue
        if not isinstance(schema, dict):
            continue
        key = str(config_path.parent.relative_to(corpus))
        try:
            schema_json = orjson.loads(orjson.dumps(schema))
            json.dumps(options, default=str)
        except Exception:
            continue
        schemas[key] = {"name": name, "slug": slug, "schema": schema_json}
        rng = random.Random(slug)
        texts = [json.dumps(options, default=str)]
        texts += [mutate(rng, options) for _ in range(per_addon)]
        for text in texts:
            case = {"addon": key, "options": text}
            case.update(verdict(module, schema, name, slug, text))
            cases.append(case)
    (out / "schemas.json").write_text(json.dumps(schemas, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    with (out / "cases.jsonl").open("w") as handle:
        for case in cases:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    counts = {}
    for case in cases:
        counts[case["verdict"]] = counts.get(case["verdict"], 0) + 1
    print(f"{len(schemas)} add-ons, {len(cases)} cases: {counts}")


if __name__ == "__main__":
    main()
