"""ipplan review: the page marks every item on the line the plan records, escapes what the
document and the plan say, counts right, and stands alone (structural tests, always run);
and a real browser lays the marks out in the rows the plan says (headless Chromium, skipped
when it is not installed)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipplan import api
from ipplan.cli import main
from ipplan.schema import Plan
from ipplan.views import review as rv
from ipplan.views.rows import walk
from tests.conftest import ROOT, SAMPLE_TEXTS

DEV = ROOT.parent / "shared" / "corpus" / "dev"
DEV_DOCS = sorted(p for p in DEV.glob("*") if p.suffix in (".txt", ".html", ".docx", ".pdf")) if DEV.is_dir() else []
HOSTILE = ['<script>alert("x")</script>', "[/x]", "[bold red]", '"><img src=x onerror=alert(1)>', "&amp; &lt;",
           "</div></main>", "{{7*7}}"]


# --- reading the page back -------------------------------------------------------------------


class Page(HTMLParser):
    """What a reader sees per row: the line's text, the inline marks (ref → text per line) and
    the margin notes (ref → line), plus every tag and attribute for the self-containment checks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.row: int | None = None
        self.part: str | None = None  # "tx" or "mg" while inside the row's text or margin
        self.depth = 0
        self.part_depth = 0
        self.refs: list[list[str]] = []  # data-ref stack of open spans inside the text
        self.text: dict[int, str] = defaultdict(str)
        self.marks: dict[str, dict[int, str]] = defaultdict(lambda: defaultdict(str))
        self.kinds: dict[str, set[str]] = defaultdict(set)
        self.notes: dict[str, list[int]] = defaultdict(list)
        self.note_class: dict[str, str] = {}
        self.tags: Counter[str] = Counter()
        self.attrs: list[tuple[str, str, str | None]] = []
        self.stats: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.stat: str | None = None
        self.code_row: str | None = None
        self.td = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        self.tags[tag] += 1
        self.attrs += [(tag, k, v) for k, v in attrs]
        self.depth += 1
        if tag == "div" and a.get("id", "").startswith("L") and "row" in a.get("class", "").split():
            self.row = int(a["id"][1:])
        elif tag == "div" and a.get("class") in ("tx", "mg") and self.row is not None:
            self.part, self.part_depth = a["class"], self.depth
        if self.part == "tx" and tag == "span":
            self.refs.append(a.get("data-ref", "").split())
            for r in self.refs[-1]:
                self.kinds[r].update(a.get("class", "").split())
        if self.part == "mg" and "data-ref" in a and "note" in a.get("class", "").split():
            self.notes[a["data-ref"]].append(self.row)  # type: ignore[arg-type]
            self.note_class[a["data-ref"]] = a["class"]
        if tag == "li" and "data-stat" in a:
            self.stat = a["data-stat"]
        if tag == "tr" and "data-code" in a:
            self.code_row, self.td = a["data-code"], 0
        if tag == "td" and self.code_row:
            self.td += 1

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if self.part == "tx" and tag == "span" and self.refs:
            self.refs.pop()
        if self.part and self.depth == self.part_depth:
            self.part = None
        if tag == "tr":
            self.code_row = None
        self.depth -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.part == "tx":
            self.text[self.row] += data  # type: ignore[index]
            for r in {r for refs in self.refs for r in refs}:
                self.marks[r][self.row] += data  # type: ignore[index]
        if self.stat and data.strip().isdigit():
            self.stats[self.stat], self.stat = int(data), None
        if self.code_row and self.td == 3 and data.strip().isdigit():
            self.codes[self.code_row] = int(data)


def review_of(path: Path) -> tuple[Plan, list[tuple[int, str]], str]:
    r = rv.load(str(path))
    return r.plan, r.lines, rv.render(r)


def plan_units(plan: Plan) -> list:
    return ([u for s in walk(plan.sections) for u in s.units]
            + [u for t in plan.tables for k in t.tasks for u in k.units])


# --- every item on its line, on every sample and dev document ---------------------------------


def _documents() -> list[Path]:
    return list(SAMPLE_TEXTS) + DEV_DOCS


@pytest.mark.parametrize("doc", _documents(), ids=lambda p: p.name)
def test_every_item_is_marked_on_its_recorded_line(doc: Path) -> None:
    plan, lines, html = review_of(doc)
    page = Page(html)
    text = dict(lines)
    assert dict(page.text) == {n: t for n, t in lines}, "the page must show every line exactly as `ipplan text`"
    for i, s in enumerate(walk(plan.sections), 1):
        assert page.notes[f"s{i}"] == [s.line], (s.id, s.title)
        assert page.marks[f"s{i}"].keys() == {s.line}
        marked = page.marks[f"s{i}"][s.line]
        assert marked in (s.label + s.title, s.title, s.label) and marked in text[s.line]
    for i, t in enumerate(plan.targets, 1):
        assert page.notes[f"t{i}"] == [t.line], t.text
        if t.text in text[t.line]:
            assert dict(page.marks[f"t{i}"]) == {t.line: t.text}
            assert "h-t" in page.kinds[f"t{i}"]
        else:  # a table cell: its value is marked in the row
            assert (t.section or "").startswith("table:")
            assert set(page.marks[f"t{i}"]) <= {t.line}
    # units: on each line, the marked names are exactly the names the plan puts on it
    want: Counter[tuple[int, str]] = Counter((u.line, u.name) for u in plan_units(plan))
    got: Counter[tuple[int, str]] = Counter(
        (line, name) for ref, by_line in page.marks.items() if ref.startswith("u") and ref[1:].isdigit()
        for line, name in by_line.items())
    assert got == want
    for n in plan.notices:
        if n.line is not None:
            assert any(ref.startswith("n") and n.line in rows for ref, rows in page.notes.items())


@pytest.mark.parametrize("doc", _documents(), ids=lambda p: p.name)
def test_summary_counts_match_the_plan(doc: Path) -> None:
    plan, lines, html = review_of(doc)
    page = Page(html)
    assert page.stats["lines"] == len(lines)
    assert page.stats["sections"] == len(list(walk(plan.sections)))
    assert page.stats["targets"] == len(plan.targets)
    assert page.stats["units"] == len(plan_units(plan))
    assert page.stats["tables"] == len(plan.tables)
    assert page.stats["notices"] == len(plan.notices)
    assert page.stats["possible misses"] == sum(n.code in ("N401", "N402") for n in plan.notices)
    assert page.codes == dict(Counter(n.code for n in plan.notices))
    nulls = re.search(r'<p class="nulls">(.*?)</p>', html)
    expected = [f for f in rv.CORE_META if getattr(plan.meta, f) in (None, [], "")]
    assert (re.findall(r"<code>(\w+)</code>", nulls[1]) if nulls else []) == expected


# --- a page made by hand: placement, escaping, notices ----------------------------------------


LINES = [
    (1, "关于印发<b>工作方案</b>的通知"),
    (2, "一、总体目标"),
    (3, "到2025年，全市每万人高价值发明专利拥有量达到15件以上。(责任单位：市市场监管局、市科技局)"),
    (4, "序号 | 主要指标 | 2023年 | 2024年 |"),
    (5, "1 | 发明专利授权量 (件) | 150 | 150 |"),
    (6, HOSTILE[0] + " " + HOSTILE[1] + " " + HOSTILE[3]),
]


def _plan(**extra) -> Plan:
    data = {
        "meta": {"title": "工作方案", "notice_title": "关于印发<b>工作方案</b>的通知", "region": "某市",
                 "lines": {"notice_title": 1}},
        "sections": [{"id": "1", "label": "一、", "ordinal": 1, "level": 1, "title": "总体目标", "line": 2,
                      "units": [{"name": "市市场监管局", "lead": True, "line": 3}, {"name": "市科技局", "line": 3}]}],
        "targets": [
            {"section": "1", "indicator": "每万人高价值发明专利拥有量", "value": 15, "unit": "件", "op": ">=",
             "year": 2025,
             "text": "每万人高价值发明专利拥有量达到15件以上", "line": 3},
            {"section": "table:1/1", "indicator": "发明专利授权量", "value": 150, "unit": "件", "year": 2023,
             "text": "发明专利授权量 (件) 2023年 150", "line": 5},
            {"section": "table:1/1", "indicator": "发明专利授权量", "value": 150, "unit": "件", "year": 2024,
             "text": "发明专利授权量 (件) 2024年 150", "line": 5},
        ],
        "tables": [{"index": 1, "header": ["序号", "主要指标", "2023年", "2024年"],
                    "rows": [["1", "发明专利授权量 (件)", "150", "150"]],
                    "kind": "targets", "line": 4}],
        "notices": [{"code": "N201", "message": "line 2: numbering gap: " + HOSTILE[0], "line": 2},
                    {"code": "N401", "message": "possible missed target: " + HOSTILE[1], "line": 6},
                    {"code": "LR01", "message": "layout repaired " + HOSTILE[3]}],
    }
    data.update(extra)
    return Plan.model_validate(data)


def _render(plan: Plan, lines=LINES, **kw) -> str:
    plan_file, document = kw.pop("plan_file", "plan.yaml"), kw.pop("document", "doc.txt")
    return rv.render(rv.ReviewInput(plan, list(lines), plan_file, document, **kw))


def test_hand_made_plan_is_marked_in_place() -> None:
    page = Page(_render(_plan()))
    assert page.marks["s1"] == {2: "一、总体目标"}
    assert page.marks["t1"] == {3: "每万人高价值发明专利拥有量达到15件以上"}
    # two targets with the same value in one table row: the first cell, then the second
    assert page.marks["t2"] == {5: "150"} and page.marks["t3"] == {5: "150"}
    assert re.search(r'data-ref="t2"[^>]*>150</span> \| <span class="h-t" data-ref="t3"', _render(_plan()))
    assert "h-ul" in page.kinds["u1"] and "h-u" in page.kinds["u2"]  # the lead unit is drawn as lead
    assert page.marks["m-notice_title"] == {1: LINES[0][1]}
    assert page.notes["n1"] == [2] and page.notes["n2"] == [6]
    assert "miss" in page.note_class["n2"]  # a possible miss is flagged as one
    assert page.stats["possible misses"] == 1


def test_hostile_strings_are_escaped_everywhere() -> None:
    hostile_plan = _plan(source={"path": HOSTILE[3]})
    hostile_plan.meta.title = HOSTILE[0]
    hostile_plan.meta.issuer = HOSTILE[1] + "\x00\ud800"
    hostile_plan.targets[0].indicator = HOSTILE[3]
    hostile_plan.sections[0].units[1].aliases = [HOSTILE[0]]
    html = _render(hostile_plan, plan_file=HOSTILE[0], document=HOSTILE[3], banners=[HOSTILE[0]])
    html.encode("utf-8")  # a lone surrogate from a plan file must not break writing the page
    page = Page(html)
    assert page.tags["script"] == 0 and page.tags["img"] == 0
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert page.text[6] == LINES[5][1]  # shown as written, as text
    assert page.text[1] == LINES[0][1]  # markup in the document is text, not markup
    assert "[/x]" in html and "&lt;script&gt;" in html
    assert not any(k.startswith("on") for _, k, _v in page.attrs)


def test_the_page_stands_alone() -> None:
    html = _render(_plan())
    page = Page(html)
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["iframe"] == 0
    assert not any(k in ("src", "href") and v and not v.startswith("#") for _t, k, v in page.attrs)
    assert "url(" not in html and "@import" not in html and "http://" not in html.split("</style>")[0]
    assert "@media print" in html


def test_items_without_a_line_are_found_by_text_and_misplaced_ones_flagged() -> None:
    plan = _plan()
    plan.targets[0].line = None  # a curated plan written before evidence fields
    plan.sections[0].line = 4  # a hand-edited line that is wrong
    plan.targets.append(plan.targets[0].model_copy(update={"text": "这句话不在文件里", "line": None}))
    page = Page(_render(plan))
    assert page.marks["t1"] == {3: "每万人高价值发明专利拥有量达到15件以上"}
    assert "by-text" in page.note_class["t1"]
    assert page.notes["s1"] == [4] and "off-line" in page.note_class["s1"]
    html = _render(plan)
    assert "1 items were not found in the text" in html and "这句话不在文件里" in html


def test_overlapping_marks_never_break_nesting() -> None:
    marks = [rv.Mark(0, 6, "t", "t1", "T1"), rv.Mark(3, 9, "u", "u1"), rv.Mark(3, 6, "s", "s1", "1")]
    html = rv._marked("一二三四五六七八九十", marks)
    page = Page(f'<div class="row" id="L1"><div class="tx">{html}</div></div>')
    assert page.text[1] == "一二三四五六七八九十"
    assert page.marks["t1"] == {1: "一二三四五六"} and page.marks["u1"] == {1: "四五六七八九"}
    assert page.marks["s1"] == {1: "四五六"}


def test_deterministic() -> None:
    assert _render(_plan()) == _render(_plan())


def test_sixty_kilobyte_document_renders_quickly(tmp_path: Path) -> None:
    text = "\n".join(p.read_text("utf-8") for p in SAMPLE_TEXTS[:3] + SAMPLE_TEXTS[4:])
    doc = tmp_path / "big.txt"
    doc.write_text(text, "utf-8")
    assert len(text.encode("utf-8")) > 60_000
    r = rv.load(str(doc))
    start = time.perf_counter()
    html = rv.render(r)
    assert time.perf_counter() - start < 3  # ~0.1 s on the 2-core machine
    assert html.count('class="row') == len(r.lines)


# --- the command ----------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_document(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    res = run("review", str(SAMPLE_TEXTS[0]), "-o", str(out))
    assert res.exit_code == 0, res.output
    page = Page(out.read_text("utf-8"))
    assert page.stats["lines"] == len(api.text_file(SAMPLE_TEXTS[0]))


def test_cli_plan_file_reads_its_source_beside_it(tmp_path: Path) -> None:
    """Issue 22: the document right beside the plan is found from any working folder, though
    source.path was recorded relative to the folder the plan was made in."""
    doc = tmp_path / "notices" / "a.txt"
    doc.parent.mkdir()
    doc.write_bytes(SAMPLE_TEXTS[0].read_bytes())
    plan = api.parse_file(doc)
    plan.source.path = "notices/a.txt"  # as `cd tmp; ipplan parse notices/a.txt -o notices/a.json` records it
    plan_file = tmp_path / "notices" / "a.json"
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    out = tmp_path / "r.html"
    res = run("review", str(plan_file), "-o", str(out))
    assert res.exit_code == 0, res.output
    page = Page(out.read_text("utf-8"))
    assert page.stats["targets"] == len(plan.targets)
    assert page.notes["t1"] == [plan.targets[0].line]
    # the curated file's own items are shown, not a fresh parse
    plan.targets = plan.targets[:1]
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    assert Page(rv.render(rv.load(str(plan_file)))).stats["targets"] == 1


def test_cli_sample_plan_files_without_evidence(tmp_path: Path) -> None:
    yaml_plan = SAMPLE_TEXTS[0].with_suffix(".yaml")
    cwd = os.getcwd()
    os.chdir(ROOT)  # the sample's source.path is relative to the repository root
    try:
        res = run("review", str(yaml_plan.relative_to(ROOT)), "-o", str(tmp_path / "r.html"))
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "found by their text" in html and "not found in the text" not in html


def _fails(args: list[str], *needles: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "ipplan", *args], capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in proc.stderr


def test_cli_missing_source_says_where_it_looked(tmp_path: Path) -> None:
    plan = Plan.model_validate({"source": {"path": "gone/doc.txt"}})
    plan_file = tmp_path / "p.json"
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    _fails(["review", str(plan_file), "-o", str(tmp_path / "r.html")], str(plan_file),
           str(tmp_path / "gone" / "doc.txt"), "gone/doc.txt", "--source")
    assert not (tmp_path / "r.html").exists()


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    _fails(["review", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "r.html")], "nope.txt", "no such file")
    _fails(["review", str(tmp_path), "-o", str(tmp_path / "r.html")], str(tmp_path), "one document or plan file")
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: &x 1\nb: *x\n", "utf-8")
    _fails(["review", str(bad), "-o", str(tmp_path / "r.html")], "bad.yaml")
    nosrc = tmp_path / "nosrc.json"
    nosrc.write_text(Plan().model_dump_json(), "utf-8")
    _fails(["review", str(nosrc), "-o", str(tmp_path / "r.html")], "source.path")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _fails(["review", str(empty), "-o", str(tmp_path / "r.html")], "empty")
    _fails(["review", str(SAMPLE_TEXTS[0]), "--source", str(SAMPLE_TEXTS[0]), "-o", str(tmp_path / "r.html")],
           "--source")


def test_cli_source_option_and_stdout(tmp_path: Path) -> None:
    plan = api.parse_file(SAMPLE_TEXTS[1])
    plan.source.path = None
    plan_file = tmp_path / "p.json"
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    res = run("review", str(plan_file), "--source", str(SAMPLE_TEXTS[1]), "-o", "-")
    assert res.exit_code == 0
    assert res.output.startswith("<!DOCTYPE html>")


def test_changed_source_is_flagged(tmp_path: Path) -> None:
    plan = api.parse_file(SAMPLE_TEXTS[0])
    doc = tmp_path / "doc.txt"
    doc.write_text(SAMPLE_TEXTS[0].read_text("utf-8") + "\n补充一行。\n", "utf-8")
    plan.source.path = str(doc)
    plan_file = tmp_path / "p.json"
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    assert "SHA-256 differs" in rv.render(rv.load(str(plan_file)))


def test_review_imports_stay_off_the_start_up_path() -> None:
    code = ("import sys, ipplan.cli; "
            "print(any(m.startswith(('ipplan.views.review', 'ipplan.api')) for m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr


# --- in a real browser ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: Appended to a copy of the page (the page itself has no script): for every inline mark and
#: every margin note, the number printed in the row its box lies in, found by layout.
PROBE = """<script>
addEventListener('load', () => {
  const rows = [...document.querySelectorAll('.row')]
    .map(r => [r.getBoundingClientRect(), r.querySelector('.ln').textContent]);
  const rowAt = (el) => { const b = el.getBoundingClientRect(); const y = b.top + b.height / 2;
    const hit = rows.find(([r]) => y >= r.top && y <= r.bottom); return hit ? +hit[1] : null; };
  const out = {marks: {}, notes: {}, hidden: 0, ms: performance.now()};
  for (const el of document.querySelectorAll('.tx [data-ref]')) {
    if (!el.getClientRects().length) { out.hidden++; continue; }
    for (const ref of el.dataset.ref.split(' ')) (out.marks[ref] ||= []).push(rowAt(el)); }
  for (const el of document.querySelectorAll('.note[data-ref]')) (out.notes[el.dataset.ref] ||= []).push(rowAt(el));
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def _browser_layout(html: str, tmp: Path) -> dict:
    page = tmp / "page.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), "utf-8")
    profile = tempfile.mkdtemp(dir=tmp)
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--no-first-run", f"--user-data-dir={profile}", "--window-size=1400,1000",
                           "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, re.S)
    assert found, proc.stderr[-2000:]
    from html import unescape

    return json.loads(unescape(found[1]))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("doc", ([SAMPLE_TEXTS[0], SAMPLE_TEXTS[-1]] + DEV_DOCS[4:5]), ids=lambda p: p.name)
def test_browser_lays_out_every_mark_in_its_row(doc: Path, tmp_path: Path) -> None:
    plan, _lines, html = review_of(doc)
    layout = _browser_layout(html, tmp_path)
    assert layout["hidden"] == 0
    for i, s in enumerate(walk(plan.sections), 1):
        assert set(layout["marks"][f"s{i}"]) == {s.line} and layout["notes"][f"s{i}"] == [s.line]
    for i, t in enumerate(plan.targets, 1):
        assert layout["notes"][f"t{i}"] == [t.line]
        assert set(layout["marks"].get(f"t{i}", [t.line])) == {t.line}
    units = [u.line for u in plan_units(plan)]
    assert sorted(r for ref, rows in layout["marks"].items() if ref[0] == "u" for r in set(rows)) == sorted(units)
    assert layout["ms"] < 5000  # page load to layout, well under a second on the 2-core machine


def test_curation_workflow_parse_review_correct(tmp_path: Path) -> None:
    """batch → review (the document found under --against, as validate finds it) → correct →
    review again shows the correction on its line."""
    notices = tmp_path / "notices"
    notices.mkdir()
    (notices / "a.txt").write_bytes(SAMPLE_TEXTS[0].read_bytes())
    plans = tmp_path / "plans"
    from ipplan.batch import run_batch

    run_batch(notices, plans, fmt="json", jobs=1)
    plan_file = plans / "a.json"
    data = json.loads(plan_file.read_text("utf-8"))
    assert data["source"]["path"].endswith("a.txt")
    data["targets"][1]["value"] = 9999  # the analyst corrects a value
    plan_file.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "r.html"
    res = run("review", str(plan_file), "--against", str(notices), "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text("utf-8")
    note = re.search(r'<div class="note k-t" data-ref="t2".*?</div></div>', html)
    assert note and "<i>value</i>9999" in note[0]
    assert Page(html).notes["t2"] == [data["targets"][1]["line"]]


def test_a_plan_written_by_batch_finds_its_document_through_the_manifest(tmp_path: Path) -> None:
    """Issue 22: plans made by batch needed --against; the run's manifest records the input
    folder and each plan's input, so review finds the document from any working folder."""
    from ipplan.batch import MANIFEST, run_batch

    notices = tmp_path / "notices"
    (notices / "city").mkdir(parents=True)
    (notices / "a.txt").write_bytes(SAMPLE_TEXTS[0].read_bytes())
    (notices / "city" / "b.txt").write_bytes(SAMPLE_TEXTS[1].read_bytes())
    plans = tmp_path / "plans"
    run_batch(notices, plans, jobs=1)
    assert json.loads((plans / MANIFEST).read_text("utf-8"))["input_dir"] == str(notices.resolve())
    pairs = ((plans / "a.yaml", notices / "a.txt"), (plans / "city" / "b.yaml", notices / "city" / "b.txt"))
    for plan_file, doc in pairs:
        out = tmp_path / "r.html"
        res = run("review", str(plan_file), "-o", str(out))
        assert res.exit_code == 0, res.output
        page = Page(out.read_text("utf-8"))
        assert page.stats["lines"] == len(api.text_file(doc)) and str(doc.resolve()) in out.read_text("utf-8")
    (notices / "a.txt").write_text(SAMPLE_TEXTS[0].read_text("utf-8") + "\n补充。\n", "utf-8")  # changed since
    res = run("review", str(plans / "a.yaml"), "-o", str(tmp_path / "r2.html"))
    assert res.exit_code == 1 and "SHA-256 differs" in res.output and "--against" in res.output
    again = run("review", str(plans / "a.yaml"), "--against", str(notices), "-o", str(tmp_path / "r2.html"))
    assert again.exit_code == 0


def test_a_plan_with_only_warnings_shows_them_as_notices() -> None:
    """Nothing maps English wording to codes: an old plan's warnings are N004 notices, each
    on the line its "line N:" prefix names."""
    plan = _plan(notices=[], warnings=["line 2: numbering gap: （三） after （一）", "no numbered outline found"])
    page = Page(_render(plan))
    assert page.codes == {"N004": 2} and page.stats["notices"] == 2
    assert page.notes["n1"] == [2]


def test_meta_fields_on_their_recorded_lines() -> None:
    plan = _plan()
    plan.meta.issue_date = "2023-05-06"
    plan.meta.lines = {"notice_title": 1, "issue_date": 7, "region": 3}
    lines = LINES + [(7, "2023年5月6日")]
    page = Page(_render(plan, lines))
    assert page.marks["m-issue_date"] == {7: "2023年5月6日"}  # the ISO date found as printed
    assert page.notes["m-region"] == [3] and "m-region" not in page.marks  # derived: noted, not marked
    assert "off-line" not in page.note_class["m-region"]
    html = _render(plan, lines)
    assert re.search(r'<tr data-field="issue_date"><th>issue_date</th><td>2023-05-06</td><td class="num">'
                     r'<a href="#L7">7</a>', html)
