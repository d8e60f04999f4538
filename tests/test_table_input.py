"""`ipplan batch TABLE`: a table of documents (JSON Lines, CSV, SQLite) gives the plans of
its documents, with their metadata in source.record and null meta fields filled from it;
everything batch promises holds (incremental re-runs keyed by id and content hash, atomic
outputs, one bad row never stops the others, _errors.jsonl naming the row).

tests/data/tables/notices.jsonl is a small committed table: the linyi sample, a short
notice whose text states no 文号 or date (its row has 成文日期 and 文号 columns), an HTML
fragment in an ``html`` column, an empty document and a repeated id."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import ipplan
from ipplan.batch import ERRORS, MANIFEST, run_batch
from ipplan.cli import main
from ipplan.tablesource import TableSpec, rows, safe_name
from tests.helpers import plan_dict, without_evidence

TABLE = Path(__file__).parent / "data" / "tables" / "notices.jsonl"
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def records() -> list[dict]:
    return [json.loads(line) for line in TABLE.read_text("utf-8").splitlines()]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def test_a_table_gives_one_plan_per_row_and_names_the_bad_rows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(TABLE), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.glob("*.yaml")) == ["county_2024_id_7.yaml", "linyi-2023.yaml", "page-3.yaml"]
    errors = [json.loads(line) for line in (out / ERRORS).read_text("utf-8").splitlines()]
    assert errors == [
        {"file": "empty-4", "error": "row 4: the text column is empty"},
        {"file": "page-3@row5", "error": "row 5: its id 'page-3' is also the id of row 3"},
    ]
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0
    linyi = without_evidence(load(out / "linyi-2023.yaml"))
    sample = plan_dict(ipplan.parse_file(Path(__file__).parents[1] / "samples" / "linyi-2023.txt"))
    for key in ("meta", "sections", "targets", "tables"):
        assert linyi[key] == sample[key], key
    assert linyi["source"]["path"] == "notices.jsonl#linyi-2023"
    assert linyi["source"]["record"] == {
        "table": "notices.jsonl", "id": "linyi-2023", "title": "临沂市知识产权强市建设纲要推进计划(2023-2025年)",
        "date": "2023-09-18", "doc_number": None, "issuer": None, "url": "http://www.linyi.gov.cn/info/1.html"}
    page = load(out / "page-3.yaml")
    assert page["source"]["format"] == "html" and [s["title"] for s in page["sections"]] == ["工作目标", "保障措施"]


def test_null_meta_fields_are_filled_from_the_row_and_marked() -> None:
    """The short notice states neither 文号 nor date: its row's 文号 and 成文日期 fill them,
    listed in record.filled. The linyi row's plain ``date`` (a publication date) fills
    nothing, and its title column never replaces the title the text states."""
    table = list(rows(TABLE, TableSpec(), 10**7))
    plans = {r.id: ipplan.parse_bytes(r.data) for r in table if r.data and r.number < 4}
    from ipplan.tablesource import with_record

    county = with_record(plans["county/2024?id=7"], table[1].record)
    assert (county.meta.doc_number, county.meta.issue_date) == ("某政办发〔2024〕5号", "2024-03-01")
    assert county.source.record.filled == ["doc_number", "issue_date"]
    assert county.meta.title == "某县知识产权工作要点"  # from the text, not the row
    linyi = with_record(plans["linyi-2023"], table[0].record)
    assert linyi.meta.issue_date == "2023-09-13" and linyi.source.record.filled == []
    bare = ipplan.parse_text("一、总体要求\n到2025年，全县发明专利拥有量达到500件。")
    filled = with_record(bare, {"table": "t.csv", "id": None, "title": "某县方案", "date": "2023-09-18",
                                "doc_number": "不是文号", "issuer": "某县人民政府"})
    assert (filled.meta.title, filled.meta.issuer, filled.meta.doc_number, filled.meta.issue_date) == (
        "某县方案", "某县人民政府", None, None)
    assert filled.source.record.filled == ["issuer", "title"]
    far = with_record(ipplan.parse_text("某市2023年知识产权工作要点\n一、总体要求\n到2023年，专利达到5件。"),
                      {"table": "t", "date": "1990-01-01", "date_names_issue": True})
    assert far.meta.issue_date is None  # outside validate's window around the period: left null


def test_rerun_skips_rows_whose_id_and_content_are_unchanged(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    shutil.copy(TABLE, table)
    out = tmp_path / "out"
    first = run_batch(table, out, jobs=1)
    assert (first.parsed, first.failed) == (3, 2)
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))["outputs"]
    assert sorted(manifest) == ["county_2024_id_7.yaml", "linyi-2023.yaml", "page-3.yaml"]
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}
    second = run_batch(table, out, jobs=1)
    assert (second.parsed, second.skipped, second.failed) == (0, 3, 2)
    data = records()
    data[2]["title"] = "改过的标题"  # metadata changes the plan (source.record): re-parsed
    data.insert(0, {"id": "new-0", "text": "一、总体要求\n到2025年，专利达到5件。"})  # rows shift: ids still match
    table.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), "utf-8")
    third = run_batch(table, out, jobs=1)
    assert (third.parsed, third.skipped, third.failed) == (2, 2, 2)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}.items() >= {
        k: v for k, v in mtimes.items() if k != "page-3.yaml"}.items()
    assert load(out / "page-3.yaml")["source"]["record"]["title"] == "改过的标题"
    assert run_batch(table, out, jobs=1, force=True).parsed == 4


def as_csv(path: Path, recs: list[dict], encoding: str = "utf-8-sig") -> Path:
    cols = ["id", "title", "成文日期", "文号", "url", "content"]
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in recs:
            w.writerow([r.get("id", ""), r.get("title", ""), r.get("成文日期", ""), r.get("文号", ""), r.get("url", ""),
                        r.get("text") or r.get("html") or ""])
    return path


def as_sqlite(path: Path, recs: list[dict], table: str = "documents") -> Path:
    con = sqlite3.connect(path)
    con.execute(f"CREATE TABLE {table} (rid INTEGER PRIMARY KEY, doc_id TEXT, title TEXT, 文号 TEXT, url TEXT, "
                "body BLOB)")
    con.execute("CREATE TABLE other (x)")
    for r in recs:
        body = r.get("text") or r.get("html") or ""
        con.execute(f"INSERT INTO {table} (doc_id, title, 文号, url, body) VALUES (?, ?, ?, ?, ?)",
                    (r["id"], r.get("title"), r.get("文号"), r.get("url"), body.encode("gb18030") if body.strip() else None))
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_tables_in_utf8_or_gb18030(tmp_path: Path, encoding: str) -> None:
    """A CSV as Excel writes it (UTF-8 with BOM, or GB18030 on a Chinese Windows), the
    document in a ``content`` column."""
    table = as_csv(tmp_path / "docs.csv", records()[:3], encoding)
    out = tmp_path / "out"
    summary = run_batch(table, out, jobs=1)
    assert (summary.parsed, summary.failed) == (3, 0)
    county = load(out / "county_2024_id_7.yaml")
    assert county["meta"]["doc_number"] == "某政办发〔2024〕5号" and county["meta"]["issue_date"] == "2024-03-01"


def test_sqlite_tables_columns_and_queries(tmp_path: Path) -> None:
    """SQLite: the table is named (two tables and neither called documents would be
    ambiguous), the columns too; a BLOB holds the document's bytes in any encoding
    (GB18030 here), sniffed as a file's; a query chooses rows."""
    db = as_sqlite(tmp_path / "crawl.sqlite", records()[:4], table="pages")
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "a")])
    assert result.exit_code == 2 and "holds 2 tables (other, pages); name one with --table" in result.stderr
    result = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "a"), "--table", "pages"])
    assert result.exit_code == 2 and "no text, html or content column" in result.stderr
    result = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "b"), "--table", "pages", "--text-column",
                                  "body", "--id-column", "doc_id", "-j", "1"])
    assert result.exit_code == 1  # row 4 is empty
    assert sorted(p.name for p in (tmp_path / "b").glob("*.yaml")) == [
        "county_2024_id_7.yaml", "linyi-2023.yaml", "page-3.yaml"]
    linyi = load(tmp_path / "b" / "linyi-2023.yaml")
    assert linyi["source"]["encoding"] == "gb18030" and linyi["source"]["record"]["id"] == "linyi-2023"
    result = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "c"), "--query",
                                  "SELECT doc_id AS id, body AS text FROM pages WHERE url LIKE '%example%'", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "c").glob("*.yaml")) == ["county_2024_id_7.yaml", "page-3.yaml"]
    bad = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "d"), "--query", "SELECT nope FROM pages"])
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1 and "the SQLite query failed" in bad.stderr
    write = runner.invoke(main, ["batch", str(db), "-o", str(tmp_path / "e"), "--query", "DELETE FROM pages"])
    assert write.exit_code == 1 and "the SQLite query failed" in write.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone() == (4,)


def test_table_options_and_inputs_that_are_not_tables(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(TABLE), "-o", str(tmp_path / "o"), "--text-column", "body"])
    assert result.exit_code == 2 and "has no column 'body' (--text-column" in result.stderr
    (tmp_path / "in").mkdir()
    result = runner.invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--id-column", "x"])
    assert result.exit_code == 2 and "are for a TABLE input" in result.stderr
    (tmp_path / "notes.txt").write_text("x")
    result = runner.invoke(main, ["batch", str(tmp_path / "notes.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a folder or a table of documents" in result.stderr
    (tmp_path / "bad.jsonl").write_text("<html>not json</html>\n")
    result = runner.invoke(main, ["batch", str(tmp_path / "bad.jsonl"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "not a JSON Lines table: line 1" in result.stderr


@pytest.mark.parametrize(("value", "name"), [
    ("d001", "d001"), ("http://www.gov.cn/zhengce/content/2019-01/21/content_5359620.htm",
                       "www.gov.cn_zhengce_content_2019-01_21_content_5359620.htm"),
    ("../../etc/passwd", "etc_passwd"), (".hidden", "hidden"), ("_manifest", "manifest"), ("国办发〔2018〕128号",
                                                                                           "国办发_2018_128号"),
    ("", "row"), ("/", "row"),
])
def test_ids_become_safe_file_names(value: str, name: str) -> None:
    assert safe_name(value) == name
    long = safe_name("x" * 500)
    assert len(long) == 100 and long.startswith("x" * 91 + "~")


def _dev_records() -> list[dict]:
    out = []
    for path in sorted(DEV.glob("d0*")):
        data = path.read_bytes()
        if path.suffix == ".docx":
            continue  # a Word file is no column of a crawler's table (a BLOB column could hold it: see sqlite)
        out.append({"id": path.stem, "url": f"http://example.gov.cn/{path.name}",
                    "html" if path.suffix == ".html" else "text": data.decode("utf-8")})
    return out


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not here")
def test_dev_documents_repacked_as_tables_give_the_folders_plans(tmp_path: Path) -> None:
    """The dev documents (taken out of crawler tables) put back into a JSONL and a SQLite
    table of records (with the Word file as a BLOB) give the same plans through the table
    input as through the folder, source aside."""
    folder = run_batch(DEV, tmp_path / "folder", jobs=2, fmt="json")
    assert folder.failed == 0
    recs = _dev_records()
    table = tmp_path / "dev.jsonl"
    table.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    db = tmp_path / "dev.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE documents (id TEXT, url TEXT, content BLOB)")
    for path in sorted(DEV.glob("d0*")):
        con.execute("INSERT INTO documents VALUES (?, ?, ?)", (path.stem, f"http://x/{path.name}", path.read_bytes()))
    con.commit()
    con.close()
    for source, count in ((table, len(recs)), (db, len(list(DEV.glob("d0*"))))):
        out = tmp_path / source.suffix[1:]
        summary = run_batch(source, out, jobs=2, fmt="json")
        assert (summary.parsed, summary.failed) == (count, 0)
        for plan_file in (p for p in out.glob("*.json") if not p.name.startswith("_")):
            got = json.loads(plan_file.read_text("utf-8"))
            want = json.loads((tmp_path / "folder" / plan_file.name).read_text("utf-8"))
            assert got["source"]["record"]["id"] == plan_file.stem
            for key in ("meta", "sections", "targets", "tables", "warnings", "notices"):
                assert got.get(key) == want.get(key), (plan_file.name, key)


def test_ids_whose_names_clash_keep_a_hash_of_their_id(tmp_path: Path) -> None:
    """a/b and a_b (and A_B, on a file system that ignores case) would share a_b.yaml: each
    keeps a short hash of its own id, whatever order the rows come in; a row without an id
    (nor url) is named by its number."""
    recs = [{"id": "a/b", "text": "一、总体要求\n到2025年，专利达到5件。"},
            {"id": "a_b", "text": "一、总体要求\n到2025年，专利达到6件。"},
            {"id": "A_B", "text": "一、总体要求\n到2025年，专利达到7件。"}]
    names = []
    for n, order in enumerate((recs, recs[::-1])):
        table = tmp_path / "t.jsonl"
        table.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in order), "utf-8")
        assert run_batch(table, tmp_path / f"out{n}", jobs=1).parsed == 3
        names.append({load(p)["targets"][0]["value"]: p.name for p in (tmp_path / f"out{n}").glob("*.yaml")})
    assert names[0] == names[1]
    assert [names[0][v].split("~")[0] for v in (5, 6, 7)] == ["a_b", "a_b", "A_B"]
    assert len(set(names[0].values())) == 3 and all("~" in n for n in names[0].values())
    table.write_text(json.dumps(recs[0], ensure_ascii=False) + "\n"
                     + json.dumps({"title": "无编号", "text": "一、总体要求"}, ensure_ascii=False) + "\n", "utf-8")
    run_batch(table, tmp_path / "out2", jobs=1)
    assert sorted(p.name for p in (tmp_path / "out2").glob("*.yaml")) == ["a_b.yaml", "row-2.yaml"]
    result = CliRunner().invoke(main, ["batch", str(TABLE), "-o", str(tmp_path / "o"), "--glob", "*.txt"])
    assert result.exit_code == 2 and "--glob is for a folder" in result.stderr


def test_a_damaged_csv_row_fails_alone(tmp_path: Path) -> None:
    table = as_csv(tmp_path / "docs.csv", records()[:3], "utf-8")
    data = table.read_bytes()
    lines = data.split(b"\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(b"page-3"))
    lines[at] = lines[at].replace("工作目标".encode(), b"\x00\xff")  # a NUL and a byte that is not UTF-8
    table.write_bytes(b"\n".join(lines))
    summary = run_batch(table, tmp_path / "out", jobs=1)
    assert summary.parsed == 2 and summary.failed == 1
    assert summary.failures[0][0] == "page-3" and summary.failures[0][1].startswith("row 3: ")


def test_an_over_long_record_fails_alone(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    big = json.dumps({"id": "big", "text": "一、总体要求\n" + "知" * 400_000}, ensure_ascii=False)
    table.write_text(big + "\n" + json.dumps(records()[1], ensure_ascii=False) + "\n", "utf-8")
    summary = run_batch(table, tmp_path / "out", jobs=1, max_bytes=100_000)
    assert (summary.parsed, summary.failed) == (1, 1)
    assert summary.failures[0][1] == "row 1: the record is over 200,000 bytes; not read"
