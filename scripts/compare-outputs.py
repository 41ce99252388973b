#!/usr/bin/env python3
"""Compares what two runs of `analytics run` produced: every marts.* and scores.* table, the text of every QBR pack
and the parts of every weekly email.

    scripts/compare-outputs.py BEFORE_ROOT AFTER_ROOT [--cli PATH_TO_analytics.dll]

Each root is a checkout whose pipeline.yaml points at its data/ (the shipped configuration). Tables are read with the
`analytics sql` of --cli (default: AFTER_ROOT's built CLI), every row ordered by all columns; PDFs with pdftotext
-layout (poppler-utils); emails with Python's email package (Subject, To, the text/plain part and the text/html part;
Date and Message-ID are left out because they are the moment of sending). Run ids and the checkout's path are masked,
doubles compared to 12 significant digits, and a PDF whose words are the same but some in another order (chart labels)
counts as the same. Prints one line per thing compared and
exits 1 when anything before the change differs after it. Tables, packs or emails only the after side has are listed
as new, not as differences.
"""
import argparse
import collections
import re
import email
import email.policy
import pathlib
import subprocess
import sys
import tempfile

VOLATILE_COLUMNS = {"run_id", "built_at", "scored_at", "trained_at", "build_id", "generated_at", "created_at", "file"}
RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{4}")


def sql(cli, root, query):
    out = subprocess.run(["dotnet", cli, "sql", "-c", str(root / "pipeline.yaml"), "--mode", "csv", "--csv-raw", query],
                         cwd=root, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{root}: {query}: {out.stderr or out.stdout}")
    # The CLI ends with a line per statement ("N rows, S s") on stderr; stdout is the CSV.
    return out.stdout


def tables(cli, root):
    text = sql(cli, root, "select table_schema || '.' || table_name from information_schema.tables "
                          "where table_schema in ('marts', 'scores') order by 1")
    return [line.strip().strip('"') for line in text.splitlines()[1:] if line.strip()]


def columns(cli, root, table):
    schema, name = table.split(".")
    text = sql(cli, root, f"select column_name, data_type from information_schema.columns where table_schema = '{schema}' "
                          f"and table_name = '{name}' order by ordinal_position")
    return dict(line.strip().replace('"', '').split(",", 1) for line in text.splitlines()[1:] if line.strip())


def table_text(cli, root, table, cols):
    # Doubles to 12 significant digits: DuckDB's parallel sums differ in the last bits from run to run.
    listed = ", ".join(f"printf('%.12g', \"{c}\")" if t in ("DOUBLE", "FLOAT") else f'"{c}"' for c, t in cols.items())
    return sql(cli, root, f"select {listed} from {table} order by all")


def normalised(text, root):
    """Run ids and the checkout's path are the run's, not the content's."""
    return RUN_ID.sub("<run id>", text.replace(str(root), "<root>") if str(root) else text)


def pdf_text(path, root):
    return normalised(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout, root)


def email_text(path, root):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    parts = [f"Subject: {message['Subject']}", f"To: {message['To']}"]
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            parts.append(f"--- {part.get_content_type()}\n{part.get_content()}")
        elif part.get_content_type() == "application/pdf":
            with tempfile.NamedTemporaryFile(suffix=".pdf") as attached:
                attached.write(part.get_content())
                attached.flush()
                parts.append(f"--- application/pdf {part.get_filename()}\n{pdf_text(pathlib.Path(attached.name), '')}")
        elif part.get_content_maintype() == "image":
            parts.append(f"--- {part.get_content_type()} {part.get_filename()} {len(part.get_content())} bytes")
    return normalised("\n".join(parts), root)


def compare_files(before_root, after_root, pattern, read, report):
    before = {p.relative_to(before_root): p for p in sorted(before_root.glob(pattern))}
    after = {p.relative_to(after_root): p for p in sorted(after_root.glob(pattern))}
    differ = 0
    for rel, path in before.items():
        if rel not in after:
            report(f"MISSING {rel}")
            differ += 1
            continue
        a, b = read(path, before_root.parent), read(after[rel], after_root.parent)
        if a == b:
            report(f"same    {rel}")
        elif collections.Counter(a.split()) == collections.Counter(b.split()):
            # The same words in another order: chart labels whose positions differ in the last bits of a float.
            report(f"same    {rel} (the same words; some in another order)")
        else:
            with tempfile.NamedTemporaryFile("w", delete=False, suffix=".before.txt") as fa, \
                 tempfile.NamedTemporaryFile("w", delete=False, suffix=".after.txt") as fb:
                fa.write(a)
                fb.write(b)
            report(f"DIFFERS {rel}: diff {fa.name} {fb.name}")
            differ += 1
    for rel in after.keys() - before.keys():
        report(f"new     {rel}")
    return differ, len(before)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=pathlib.Path)
    parser.add_argument("after", type=pathlib.Path)
    parser.add_argument("--cli", help="analytics.dll to read the warehouses with")
    args = parser.parse_args()
    before, after = args.before.resolve(), args.after.resolve()
    cli = args.cli or str(after / "pipelines/Analytics.Cli/bin/Debug/net10.0/analytics.dll")
    differ = 0
    lines = []
    report = lines.append

    before_tables, after_tables = tables(cli, before), tables(cli, after)
    for table in before_tables:
        if table not in after_tables:
            report(f"MISSING table {table}")
            differ += 1
            continue
        cols = {c: t for c, t in columns(cli, before, table).items() if c not in VOLATILE_COLUMNS}
        after_cols = columns(cli, after, table)
        missing = [c for c in cols if c not in after_cols]
        if missing:
            report(f"DIFFERS table {table}: columns gone {missing}")
            differ += 1
            continue
        a, b = table_text(cli, before, table, cols), table_text(cli, after, table, cols)
        rows = a.count("\n") - 1
        if a != b:
            with tempfile.NamedTemporaryFile("w", delete=False, suffix=".before.csv") as fa, \
                 tempfile.NamedTemporaryFile("w", delete=False, suffix=".after.csv") as fb:
                fa.write(a)
                fb.write(b)
            report(f"DIFFERS table {table} ({rows} rows before): diff {fa.name} {fb.name}")
            differ += 1
        else:
            report(f"same    table {table} ({rows} rows, {len(cols)} columns compared)")
    for table in after_tables:
        if table not in before_tables:
            report(f"new     table {table}")

    d, n_pdf = compare_files(before / "data", after / "data", "reports/qbr/**/*.pdf", pdf_text, report)
    differ += d
    d, n_eml = compare_files(before / "data", after / "data", "outbox/**/*.eml", email_text, report)
    differ += d
    print("\n".join(lines))
    print(f"{len(before_tables)} tables, {n_pdf} PDFs, {n_eml} emails compared: {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
