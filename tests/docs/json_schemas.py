#!/usr/bin/env python3
"""Runs the commands that write JSON against the test server and validates every document
against its schema in docs/schemas/ (python3-jsonschema, Debian's package).

    json_schemas.py --pum PATH --schemas DIR

A pum 1.x module and a flat directory are written to a temporary directory; two databases
(json_schemas_a, _b, _c) are created on the server the PG* variables name and dropped
at the end. Each document is checked in more than one state (before install, after, with
pending versions), so that every branch of a schema meets a real output. Exit 1 on the first
document that does not validate, with the validator's message and the document.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

DATABASES = ["json_schemas_a", "json_schemas_b", "json_schemas_c", "json_schemas_d"]


def run(pum, args, expect=0):
    result = subprocess.run([pum] + args, capture_output=True, text=True,
                            env=dict(os.environ, NO_COLOR="1"), check=False)
    if result.returncode != expect:
        sys.exit(f"pum {' '.join(args)}: exit {result.returncode}, expected {expect}\n"
                 f"{result.stderr}")
    return result.stdout


def psql(database, sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                   check=True, capture_output=True)


def check(schema, text, what):
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        sys.exit(f"{what}: not JSON: {error}\n{text}")
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        sys.exit(f"{what}: does not match its schema:\n"
                 + "\n".join(f"  at {list(e.path)}: {e.message}" for e in errors)
                 + f"\n{text}")
    print(f"ok   {what}")
    return doc


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pum", required=True)
    parser.add_argument("--schemas", required=True)
    options = parser.parse_args()
    schemas = {}
    for name in ("info", "fleet", "history", "verify", "run", "check", "role-list", "baseline"):
        with open(os.path.join(options.schemas, f"{name}.schema.json"), encoding="utf-8") as f:
            schemas[name] = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schemas[name])
    pum = options.pum
    tmp = tempfile.mkdtemp(prefix="pum-json-schemas-")
    module = os.path.join(tmp, "module")
    # A role of this test only, dropped at the end (roles belong to the whole server).
    write(os.path.join(module, ".pum.yaml"),
          "pum:\n  module: json_schemas\nroles:\n  - name: json_schemas_reader\n"
          "    permissions:\n      - type: read\n        schemas: [public]\n")
    write(os.path.join(module, "changelogs/1.0.0/01.sql"), "CREATE TABLE public.a (id int);\n")
    write(os.path.join(module, "changelogs/1.1.0/01.sql"), "CREATE TABLE public.b (id int);\n")
    flat = os.path.join(tmp, "flat")
    write(os.path.join(flat, "001_a.sql"), "CREATE TABLE {{tables.fa}} (id int);\n")
    write(os.path.join(flat, "002_b.sql"), "CREATE TABLE {{tables.fb}} (id int);\n")
    for db in DATABASES:
        psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        psql("postgres", f"CREATE DATABASE {db}")
    a = f"dbname={DATABASES[0]}"
    try:
        info = schemas["info"]
        doc = check(info, run(pum, ["-p", a, "-d", module, "info", "--json"]),
                    "pum1x info --json, no table")
        assert doc["table_exists"] is False and doc["pending"] == ["1.0.0", "1.1.0"], doc
        doc = check(schemas["run"], run(pum, ["-p", a, "-d", module, "install", "--max-version",
                                              "1.0.0", "--dry-run", "--json"]),
                    "install --dry-run --json")
        assert doc["mode"] == "dry_run" and doc["migrations"][0]["duration_ms"] is None, doc
        doc = check(schemas["run"], run(pum, ["-p", a, "-d", module, "install", "--max-version",
                                              "1.0.0", "--json"]), "install --json")
        assert doc["committed"] is True and doc["to"] == "1.0.0", doc
        assert doc["migrations"][0]["files"] == ["changelogs/1.0.0/01.sql"], doc
        doc = check(schemas["run"], run(pum, ["-p", a, "-d", module, "upgrade", "--rehearse",
                                              "--json"]), "upgrade --rehearse --json")
        assert doc["mode"] == "rehearsal" and doc["committed"] is False, doc
        assert doc["from"] == "1.0.0" and doc["to"] == "1.1.0", doc
        assert isinstance(doc["migrations"][0]["duration_ms"], int), doc
        doc = check(info, run(pum, ["-p", a, "-d", module, "info", "--json"]),
                    "pum1x info --json, 1.0.0 installed")
        assert doc["version"] == "1.0.0" and doc["pending"] == ["1.1.0"], doc
        assert doc["installed_module"] == "json_schemas" and len(doc["applied"]) == 1, doc

        doc = check(info, run(pum, ["-p", a, "-d", flat, "info", "--json", "--schema", "public"]),
                    "flat info --json, no table")
        assert [f["state"] for f in doc["files"]] == ["pending", "pending"], doc
        doc = check(schemas["run"], run(pum, ["-p", a, "-d", flat, "upgrade", "--schema", "public",
                                              "--dry-run", "--json"]), "flat upgrade --dry-run --json")
        assert [m["version"] for m in doc["migrations"]] == ["1", "2"], doc
        doc = check(schemas["run"], run(pum, ["-p", a, "-d", flat, "upgrade", "--schema", "public",
                                              "-u", "1", "--json"]), "flat upgrade --json")
        assert doc["committed"] is True and doc["to"] == "1", doc
        assert doc["migrations"][0]["files"][0].endswith("001_a.sql"), doc
        os.remove(os.path.join(flat, "001_a.sql"))
        doc = check(info, run(pum, ["-p", a, "-d", flat, "info", "--json", "--schema", "public"]),
                    "flat info --json, an applied file missing, one pending")
        states = sorted(f["state"] for f in doc["files"])
        assert states == ["missing", "pending"], doc

        flat_args = ["-p", a, "-d", flat]
        doc = check(schemas["history"], run(pum, flat_args + ["history", "--json", "--schema",
                                                               "public"]), "flat history --json")
        assert [r["filename"] for r in doc["rows"]] == ["001_a.sql"], doc
        doc = check(schemas["history"], run(pum, flat_args + ["history", "--json", "--schema",
                                                               "nowhere"]),
                    "flat history --json, no table")
        assert doc["table_exists"] is False and doc["rows"] == [], doc
        doc = check(schemas["verify"], run(pum, flat_args + ["verify", "--json", "--schema",
                                                              "public"], expect=1),
                    "flat verify --json, a recorded file missing")
        assert doc["ok"] is False and doc["problems"][0]["kind"] == "missing", doc
        write(os.path.join(flat, "001_a.sql"), "CREATE TABLE {{tables.fa}} (id bigint);\n")
        doc = check(schemas["verify"], run(pum, flat_args + ["verify", "--json", "--schema",
                                                              "public"], expect=1),
                    "flat verify --json, an applied file edited")
        assert doc["problems"][0]["kind"] == "edited", doc
        write(os.path.join(flat, "001_a.sql"), "CREATE TABLE {{tables.fa}} (id int);\n")
        doc = check(schemas["verify"], run(pum, flat_args + ["verify", "--json", "--schema",
                                                              "public"]), "flat verify --json, ok")
        assert doc["ok"] is True and doc["applied"] == 1 and doc["pending"] == 1, doc

        fleet = schemas["fleet"]
        pattern = ["--databases", "json_schemas_*", "--exclude", "json_schemas_c,json_schemas_d"]
        doc = check(fleet, run(pum, ["-p", "dbname=postgres", "-d", module, "fleet", "info",
                                     "--json"] + pattern), "fleet info --json")
        assert doc["summary"]["total"] == 2, doc
        doc = check(fleet, run(pum, ["-p", "dbname=postgres", "-d", module, "fleet", "upgrade",
                                     "--json", "-j", "1"] + pattern, expect=4),
                    "fleet upgrade --json, one target upgraded, one failing (not installed)")
        assert doc["summary"]["ok"] == 1 and doc["summary"]["failed"] == 1, doc
        assert doc["targets"][0]["from"] == "1.0.0" and doc["targets"][0]["to"] == "1.1.0", doc
        psql(DATABASES[1], "CREATE TABLE public.placeholder ()")  # not installed: install works
        doc = check(fleet, run(pum, ["-p", "dbname=postgres", "-d", module, "fleet", "install",
                                     "--json", "--databases", DATABASES[1]]),
                    "fleet install --json")
        assert doc["targets"][0]["to"] == "1.1.0", doc

        b = f"dbname={DATABASES[1]}"
        c = f"dbname={DATABASES[2]}"
        psql(DATABASES[1], "DROP TABLE public.placeholder")
        run(pum, ["-q", "-p", c, "-d", module, "install"])
        doc = check(schemas["check"], run(pum, ["-p", b, "-d", module, "check", c, "-f", "json"]),
                    "check -f json, same structure")
        assert doc["passed"] is True, doc
        psql(DATABASES[2], "CREATE TABLE public.extra (id int)")
        doc = check(schemas["check"], run(pum, ["-p", b, "-d", module, "check",
                                                c + " password=secret", "-f", "json"], expect=1),
                    "check -f json, a difference, a password in the connection")
        assert doc["total_differences"] >= 1 and "secret" not in json.dumps(doc), doc
        doc = check(fleet, run(pum, ["-p", "dbname=postgres", "-d", module, "fleet", "check",
                                     "--json", "--reference", b, "--databases",
                                     f"{DATABASES[1]},{DATABASES[2]}"], expect=1),
                    "fleet check --json, one target differs")
        assert doc["summary"]["differs"] == 1 and doc["summary"]["ok"] == 1, doc
        check(schemas["check"], json.dumps(doc["targets"][1]["report"]),
              "fleet check --json: the report of the target that differs")
        doc = check(fleet, run(pum, ["-p", "dbname=postgres", "-d", module, "fleet", "drift",
                                     "--json", "--databases", f"{DATABASES[1]},{DATABASES[2]}"],
                               expect=1),
                    "fleet drift --json, one target changed by hand")
        assert [t["status"] for t in doc["targets"]] == ["ok", "differs"], doc
        d = f"dbname={DATABASES[3]}"
        doc = check(schemas["baseline"], run(pum, ["-p", d, "-d", module, "baseline", "-b",
                                                   "1.0.0", "--create-table", "--json"]),
                    "baseline --create-table --json")
        assert doc["table_created"] is True and doc["previous"] is None, doc
        assert doc["version"] == "1.0.0" and doc["table"] == "public.pum_migrations", doc
        doc = check(schemas["baseline"], run(pum, ["-p", d, "-d", module, "baseline", "-b",
                                                   "1.1.0", "--json"]), "baseline --json")
        assert doc["table_created"] is False and doc["previous"] == "1.0.0", doc
        psql(DATABASES[3], "DROP TABLE public.pum_migrations")
        psql(DATABASES[3], "CREATE TABLE public.pum (id serial, version text, description text, "
                           "type int, script text, checksum text, installed_by text, "
                           "installed_on timestamp DEFAULT now(), execution_time int, "
                           "success bool)")
        psql(DATABASES[3], "INSERT INTO public.pum (version, description, type, script, "
                           "checksum, installed_by, execution_time, success) VALUES "
                           "('1.0.0', 'baseline', 0, '', '', 'me', 1, true)")
        doc = check(schemas["baseline"], run(pum, ["-p", d, "-d", module, "baseline",
                                                   "--from-pum0x", "public.pum", "--json"]),
                    "baseline --from-pum0x --json")
        assert doc["from_pum0x"] == "public.pum" and doc["version"] == "1.0.0", doc
        doc = check(schemas["role-list"], run(pum, ["-p", a, "-d", module, "role", "list",
                                                    "--json"]), "role list --json")
        assert doc["roles"][0]["name"] == "json_schemas_reader", doc
    finally:
        for db in DATABASES:
            psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        psql("postgres", "DROP ROLE IF EXISTS json_schemas_reader")
    print("all JSON outputs match their schemas")


if __name__ == "__main__":
    main()
