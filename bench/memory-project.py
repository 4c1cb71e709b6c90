#!/usr/bin/env python3
"""Writes a generated pum 1.x project shaped like the largest public pum 1.x project we know
(69 changelog files, 7.5 MB of SQL, files up to 1.7 MB): several versions of a few MB each, many
files per version, realistic DDL (tables, indexes, comments, views, triggers), functions with
dollar-quoted bodies, and INSERT-heavy files, one of them larger than the others.

Usage: bench/memory-project.py DIR [--versions N] [--version-mb MB] [--big-mb MB]
  DIR            the project directory to create (.pum.yaml, changelogs/)
  --versions     number of versions (default 6)
  --version-mb   SQL per version, in MB (default 2)
  --big-mb       size of the largest file, in the first version (default 1.7)
Also writes DIR/all.sql: every changelog file in the order pum runs them (for psql -1 -f).
Deterministic: the same arguments give the same bytes.
"""
import argparse
import os
import random

MB = 1_000_000
counter = 0  # row numbers, unique over the project


def table_ddl(schema, name, rng):
    cols = [
        "id bigserial PRIMARY KEY",
        "code text NOT NULL",
        "label text",
        "value numeric(12, 3) DEFAULT 0",
        "created timestamptz NOT NULL DEFAULT now()",
        "flags integer[] DEFAULT ARRAY[]::integer[]",
        "payload jsonb",
    ]
    for k in range(rng.randint(3, 12)):
        cols.append(f"attr_{k} {rng.choice(['text', 'integer', 'boolean', 'date', 'numeric'])}")
    body = ",\n  ".join(cols)
    out = [
        f"-- {name}: generated table with {len(cols)} columns",
        f"CREATE TABLE {schema}.{name} (\n  {body}\n);",
        f"COMMENT ON TABLE {schema}.{name} IS 'generated table {name}, it''s for the benchmark';",
        f"CREATE INDEX {name}_code_idx ON {schema}.{name} (code);",
        f"CREATE UNIQUE INDEX {name}_code_label_idx ON {schema}.{name} (code, label);",
    ]
    for k in range(3):
        out.append(f"COMMENT ON COLUMN {schema}.{name}.attr_{k} IS 'attribute {k} of {name}';")
    return "\n".join(out) + "\n\n"


def function_ddl(schema, name, table, rng):
    lines = [
        f"CREATE OR REPLACE FUNCTION {schema}.{name}() RETURNS trigger",
        "LANGUAGE plpgsql AS $BODY$",
        "DECLARE",
        "  v_count integer := 0;",
        "  v_label text;",
        "BEGIN",
        "  -- keep the label in step with the code; a ';' inside the body is not a statement end",
        "  IF NEW.label IS NULL THEN",
        "    NEW.label := 'label of ' || NEW.code || ';';",
        "  END IF;",
    ]
    for k in range(rng.randint(5, 25)):
        lines.append(
            f"  SELECT count(*) INTO v_count FROM {schema}.{table} WHERE code = NEW.code || '{k}';"
        )
        lines.append(f"  IF v_count > {k} THEN v_label := $$it's {k}$$; END IF;")
    lines += [
        "  RETURN NEW;",
        "END;",
        "$BODY$;",
        f"CREATE TRIGGER {name}_trg BEFORE UPDATE ON {schema}.{table}",
        f"  FOR EACH ROW EXECUTE FUNCTION {schema}.{name}();",
        f"CREATE OR REPLACE VIEW {schema}.v_{table} AS",
        f"  SELECT t.id, t.code, upper(t.label) AS label, t.value * 2 AS double_value",
        f"  FROM {schema}.{table} t WHERE t.value > 0 /* only the positive ones; */;",
    ]
    return "\n".join(lines) + "\n\n"


def inserts(schema, table, rng, size):
    """INSERT-heavy SQL of about `size` bytes: single-row and multi-row INSERTs."""
    global counter
    out = []
    total = 0
    while total < size:
        if rng.random() < 0.5:
            rows = []
            for _ in range(rng.randint(5, 40)):
                counter += 1
                n = counter
                rows.append(
                    f"('C{n:07d}', 'row {n} of {table}, l''entrée', {rng.randint(0, 99999) / 100},"
                    f" jsonb_build_object('k', {n}, 'tag', 't{n % 97}'))"
                )
            stmt = (
                f"INSERT INTO {schema}.{table} (code, label, value, payload) VALUES\n  "
                + ",\n  ".join(rows)
                + ";\n"
            )
        else:
            counter += 1
            n = counter
            stmt = (
                f"INSERT INTO {schema}.{table} (code, label, value) VALUES "
                f"('C{n:07d}', 'single row {n}', {rng.randint(0, 9999)});\n"
            )
        out.append(stmt)
        total += len(stmt)
    return "".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--versions", type=int, default=6)
    parser.add_argument("--version-mb", type=float, default=2)
    parser.add_argument("--big-mb", type=float, default=1.7)
    args = parser.parse_args()
    rng = random.Random(13)
    os.makedirs(os.path.join(args.dir, "changelogs"), exist_ok=True)
    with open(os.path.join(args.dir, ".pum.yaml"), "w") as f:
        f.write("pum:\n  module: membench\n  minimum_version: 1.8.0\n\n"
                "changelogs_directory: changelogs\n")
    order = []
    for v in range(args.versions):
        version = f"1.{v}.0"
        vdir = os.path.join(args.dir, "changelogs", version)
        os.makedirs(vdir, exist_ok=True)
        schema = f"mb{v}"
        files = []
        ddl = [f"CREATE SCHEMA {schema};\n\n"]
        tables = [f"t{k:02d}" for k in range(rng.randint(8, 16))]
        for t in tables:
            ddl.append(table_ddl(schema, t, rng))
        files.append(("001_tables.sql", "".join(ddl)))
        funcs = [function_ddl(schema, f"f_{t}", t, rng) for t in tables]
        files.append(("002_functions.sql", "".join(funcs)))
        budget = int(args.version_mb * MB) - sum(len(c) for _, c in files)
        if v == 0:
            big = int(args.big_mb * MB)
            files.append(("003_big_data.sql", inserts(schema, tables[0], rng, big)))
            budget -= big
        k = 10
        while budget > 0:
            size = min(budget, rng.randint(60_000, 400_000))
            table = tables[k % len(tables)]
            files.append((f"{k:03d}_data_{table}.sql", inserts(schema, table, rng, size)))
            budget -= size
            k += 1
        for name, content in sorted(files):
            path = os.path.join(vdir, name)
            with open(path, "w") as f:
                f.write(content)
            order.append(path)
    with open(os.path.join(args.dir, "all.sql"), "w") as out:
        for path in order:
            with open(path) as f:
                out.write(f.read())
            out.write("\n")


if __name__ == "__main__":
    main()
