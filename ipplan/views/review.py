"""`ipplan review`: the document's numbered text (the lines `ipplan text` prints) with every
item of its plan marked on its line and every notice flagged in the margin, so that checking
a plan before curating it means reading one page instead of searching the source by hand.

One self-contained HTML page: inline CSS, no script, nothing from the network, so it opens
from disk and prints. Every string from the document or the plan is escaped (both are
untrusted). Items that carry no ``line`` (plan files written before evidence fields, or
edited by hand) are looked up by their text and shown as such; items found nowhere are
listed at the top, because a curated item the document does not contain needs a look too.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ipplan import __version__
from ipplan.errors import IpplanError, ReadError, UsageError
from ipplan.planfile import PLAN_SUFFIXES
from ipplan.schema import Plan

#: Core meta fields: listed as "left null" when empty. The GB/T 9704 additions are shown only when set.
CORE_META = ("title", "notice_title", "doc_number", "issuer", "issue_date", "addressees", "region", "period")
#: Meta fields ipplan derives rather than copies (region from an issuer or title, period from a phrase):
#: without a recorded line they are not searched for.
DERIVED_META = ("region", "period", "doc_type")
#: Inline marks drawn per line at most (a hostile line with 100,000 quantities keeps its notes, not its marks).
MAX_MARKS_PER_LINE = 300
#: Items without a line are searched for by text; after this many misses the rest are not searched.
MAX_SEARCH_MISSES = 500
#: The text searches together scan at most this many times the text's characters (Placer),
#: and never less than MIN_SEARCH_BUDGET characters.
SEARCH_BUDGET_FACTOR = 200
MIN_SEARCH_BUDGET = 50_000_000

# Characters that have no business in an HTML text node: C0/C1 controls (but tab and newline)
# and lone surrogates (which cannot even be written as UTF-8).
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_PREFIX = re.compile(r"^line (?P<n>\d+): ")


def e(value: object) -> str:
    """Escaped text ('' for None); control characters and lone surrogates become U+FFFD."""
    if value is None:
        return ""
    return escape(_BAD_CHARS.sub("\ufffd", str(value)), quote=True)


# --- input ----------------------------------------------------------------------------


@dataclass
class ReviewInput:
    """A plan and the numbered lines of its document."""

    plan: Plan
    lines: list[tuple[int, str]]
    plan_file: str | None  # the plan file given, or None when the plan was parsed from the document
    document: str  # the document whose lines are shown
    banners: list[str] = field(default_factory=list)  # warnings shown above the summary


def load(path: str, *, source: str | None = None, against: str | None = None, encoding: str | None = None,
         max_bytes: int | None = None) -> ReviewInput:
    """A document (parsed here) or a plan file with its source document.

    A plan file's document is ``source`` if given; else, with ``against`` (a folder), the one
    `ipplan validate --against` would compare it with; else the one find_source finds beside
    the plan file or through the batch manifest. Nothing else is read: a plan file (which may
    come from a pull request) cannot make review show a file it names.
    """
    from ipplan import api
    from ipplan.parse import readers

    limit = max_bytes or readers.MAX_BYTES
    p = Path(path)
    if path != "-" and p.is_dir():
        raise ReadError("is a directory (review takes one document or plan file)", path)
    if path != "-" and p.suffix.lower() in PLAN_SUFFIXES:
        from ipplan.views.load import load_file

        if not p.exists():
            raise ReadError("no such file", path)
        plans = load_file(p)
        if len(plans) != 1:
            raise UsageError(f"holds {len(plans)} plans; review takes one (give a .yaml or .json plan file)", path)
        plan = plans[0]
        found = Source(source) if source else find_source(plan, p, against)
        raw = readers.read_path(found.path, max_bytes=limit)
        if found.sha256:
            import hashlib

            if hashlib.sha256(raw.data).hexdigest() != found.sha256:
                raise ReadError(f"{found.path}, the document the batch manifest names, is not the one this plan was "
                                "made from (its SHA-256 differs); give --source DOCUMENT or --against SOURCE_DIR",
                                path)
        doc = readers.decode(raw, encoding)
        banners = []
        if plan.source.sha256 and doc.sha256 and plan.source.sha256 != doc.sha256:
            banners.append(f"The document {found.path} is not the one this plan was made from (its SHA-256 differs "
                           "from source.sha256): lines may not match.")
        return ReviewInput(plan, api.text_of(doc)[1], path, found.path, banners)
    if source or against:
        raise UsageError(f"--{'source' if source else 'against'} is for plan files; this is a document", path)
    doc = readers.decode(readers.read_path(path, max_bytes=limit), encoding)
    try:
        plan = api.to_model(api.build_plan(doc))
    except IpplanError as exc:
        exc.path = exc.path or path
        raise
    return ReviewInput(plan, api.text_of(doc)[1], None, "<stdin>" if path == "-" else path)


@dataclass(frozen=True)
class Source:
    """A plan's document, and the SHA-256 it must have to be shown (for one found through a
    batch manifest, which is as untrusted as the plan)."""

    path: str
    sha256: str | None = None


#: Folders above a plan file searched for the batch manifest of the run that wrote it.
MANIFEST_DEPTH = 32
#: Largest batch manifest read (one of 100,000 plans is about 20 MB).
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def find_source(plan: Plan, plan_path: Path, against: str | None = None) -> Source:
    """The plan's source document, never a file the plan names outside where it may look:

    1. with ``against``: under that folder, as `ipplan validate --against` finds it;
    2. else beside the plan: ``source.path`` inside the plan file's folder, the file of that
       name there, or the document with the plan file's stem there (an absolute path, ``..``
       or a link leading out of the folder is not followed);
    3. else through the manifest of the `ipplan batch` run that wrote the plan (in its folder
       or above): the input it records, inside the input folder it records, and only if its
       SHA-256 is the one the plan (or the manifest) records — a file whose exact content the
       plan's author already knew, so a forged manifest discloses nothing.
    """
    from ipplan.validate.against import SourceFinder

    data = plan.model_dump(include={"source"})
    if against:
        root = Path(against)
        if not root.is_dir():
            raise ReadError("not a folder (--against takes the folder of the source documents)", against)
        found, tried = SourceFinder(root).find(str(plan_path), data)
        if found is None:
            looked = ", ".join(os.path.join(against, t) for t in tried)
            raise ReadError(f"source document not found: looked for {looked} (give --source DOCUMENT)", str(plan_path))
        return Source(str(found))
    folder = plan_path.parent
    beside = SourceFinder(folder, recursive=False)
    found, tried = beside.find(str(plan_path), data)
    if found is not None:  # (named as the plan file is: relative to the same place)
        return Source(os.path.join(folder, found.relative_to(beside.root)))
    looked = [_looked(folder, t) for t in tried]
    via_manifest = _from_manifest(plan, plan_path)
    if isinstance(via_manifest, Source):
        return via_manifest
    looked += via_manifest
    if not plan.source.path and not via_manifest:
        raise ReadError("the plan names no source document (source.path is null) and none is beside it; "
                        "give --source DOCUMENT or --against SOURCE_DIR", str(plan_path))
    raise ReadError(f"source document not found: looked for {', '.join(looked)} "
                    "(give --source DOCUMENT or --against SOURCE_DIR)", str(plan_path))


def _looked(folder: Path, rel: str) -> str:
    """A path tried beside the plan, said as not read when it leads out of the plan's folder."""
    path = os.path.join(folder, rel)
    if os.path.isabs(rel) or not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder)):
        return f"{rel} (outside the plan's folder: not read)"
    return path


def _from_manifest(plan: Plan, plan_path: Path) -> Source | list[str]:
    """The document the batch manifest records for this plan file (see find_source), or what
    was tried."""
    import json

    from ipplan.batch import MANIFEST
    from ipplan.validate.against import SourceFinder

    plan_real = Path(os.path.realpath(plan_path))
    for folder in list(plan_real.parents)[:MANIFEST_DEPTH]:
        manifest = folder / MANIFEST
        try:
            if not manifest.is_file() or manifest.stat().st_size > MAX_MANIFEST_BYTES:
                continue
            data = json.loads(manifest.read_bytes())
        except (OSError, ValueError, RecursionError):
            continue
        outputs = data.get("outputs") if isinstance(data, dict) else None
        entry = outputs.get(plan_real.relative_to(folder).as_posix()) if isinstance(outputs, dict) else None
        if not isinstance(entry, dict):
            continue
        input_dir, rel, sha = data.get("input_dir"), entry.get("input"), plan.source.sha256 or entry.get("sha256")
        if not (isinstance(input_dir, str) and isinstance(rel, str) and isinstance(sha, str)):
            return [f"{manifest} (it records no input folder or SHA-256 for this plan)"]
        found = SourceFinder(Path(input_dir), recursive=False)._inside(Path(input_dir) / rel)
        if found is None:
            return [f"{os.path.join(input_dir, rel)} (named by {manifest})"]
        return Source(str(found), sha)
    return []


# --- placing items on lines --------------------------------------------------------------


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # css class: s (section heading), t (target), u (unit), ul (lead unit), m (meta)
    ref: str  # item reference shared by the mark and its note: s3, t12, u40, m-title
    tag: str = ""  # small label drawn after the mark (CSS ::after, not part of the text)


@dataclass
class Row:
    marks: list[Mark] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (order, html)
    flags: set[str] = field(default_factory=set)


@dataclass
class Placed:
    line: int | None
    start: int = -1
    end: int = -1
    how: str = "none"  # exact: on its recorded line · line: recorded line, text not on it · text: found by text


class Placer:
    """Finds items on their recorded line, or by their text when they have none.

    The text search runs on one index of the text: the lines joined by newlines, with the
    offset each line starts at (a match is mapped back to its line by bisection). A search
    starts at the line of the item placed before (items come in document order, so it
    usually finds its match close by) and then wraps to the top; each costs the characters
    it scans, paid from SEARCH_BUDGET_FACTOR × the text's length, so however a plan orders
    its items, review stays linear in the text (a 150,000-line document with 10,600 targets
    without a line took 63 s when every search walked the lines in Python)."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.text = dict(lines)
        self.order = [n for n, _ in lines]
        self.joined = "\n".join(t for _, t in lines)
        self.starts: list[int] = []
        offset = 0
        for _, t in lines:
            self.starts.append(offset)
            offset += len(t) + 1
        self.budget = max(SEARCH_BUDGET_FACTOR * len(self.joined), MIN_SEARCH_BUDGET)
        self.misses = 0
        self.exhausted = False  # the search budget ran out: later items were not searched

    def place(self, line: int | None, needles: list[str], after: int = 0, loose: int = 0) -> Placed:
        """On ``line`` any needle will do; a search uses all but the ``loose`` last ones (a bare
        outline label such as "1." would match anywhere)."""
        needles = [n for n in needles if n]
        if line is not None and line in self.text:
            for needle in needles:
                i = self.text[line].find(needle)
                if i >= 0:
                    return Placed(line, i, i + len(needle), "exact")
            return Placed(line, how="line")
        return self.search(needles[:len(needles) - loose], after)

    def search(self, needles: list[str], after: int = 0) -> Placed:
        """The first line from ``after`` on holding a needle (earlier lines after the later
        ones), trying the needles in turn."""
        if not needles or not self.order or self.misses >= MAX_SEARCH_MISSES or self.budget <= 0:
            self.exhausted = self.exhausted or self.budget <= 0 or self.misses >= MAX_SEARCH_MISSES
            return Placed(None)
        start = self.starts[bisect_left(self.order, after)] if after and after <= self.order[-1] else 0
        joined = self.joined
        for needle in needles:
            if "\n" in needle:
                continue  # (lines hold none: it cannot be on one line)
            i = joined.find(needle, start)
            self.budget -= (i - start if i >= 0 else len(joined) - start) + len(needle)
            if i < 0 and start:
                i = joined.find(needle, 0, start - 1)
                self.budget -= i if i >= 0 else start
            if i >= 0:
                k = bisect_right(self.starts, i) - 1
                col = i - self.starts[k]
                return Placed(self.order[k], col, col + len(needle), "text")
        self.misses += 1
        return Placed(None)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _date_cn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


@dataclass
class Review:
    """Every row's marks and notes, and what the summary needs."""

    rows: dict[int, Row]
    unplaced: list[tuple[str, str]]  # (kind, description) of items found nowhere
    by_text: int = 0
    off_line: int = 0
    notices: list = field(default_factory=list)  # the plan's notices (or its warnings, coded)
    doc_notices: list = field(default_factory=list)  # those tied to no line of the text
    meta_at: dict[str, int] = field(default_factory=dict)  # meta field → the line it is shown on
    search_stopped: bool = False  # items without a line were left unsearched (Placer's limits)


def build(plan: Plan, lines: list[tuple[int, str]]) -> Review:
    """Place every section, target, unit, table, task, meta field and notice on its line."""
    b = _Builder(plan, lines)
    b.sections()
    b.meta()
    b.targets()
    b.units()
    b.tables()
    b.notices()
    b.review.search_stopped = b.placer.exhausted
    return b.review


class _Builder:
    """One pass per kind of item, in the order their notes appear in a row's margin."""

    def __init__(self, plan: Plan, lines: list[tuple[int, str]]) -> None:
        from ipplan.views.rows import walk

        self.plan = plan
        self.placer = Placer(lines)
        self.review = Review(rows={n: Row() for n, _ in lines}, unplaced=[])
        self.walked = list(walk(plan.sections))
        self.owner_line: dict[int, int] = {}  # id(section) → the line of its heading

    def note(self, placed: Placed, order: int, html: str, ref: str) -> None:
        row = self.review.rows[placed.line]  # type: ignore[index]
        how = {"text": " by-text", "line": " off-line"}.get(placed.how, "")
        title = {"text": ' title="no line in the plan: found by its text"',
                 "line": ' title="its text is not on this line"'}.get(placed.how, "")
        row.notes.append((order, f'<div class="note k-{ref.rstrip("0123456789")}{how}" data-ref="{e(ref)}"'
                                 f"{title}>{html}</div>"))
        if placed.how == "text":
            self.review.by_text += 1

    def mark(self, placed: Placed, kind: str, ref: str, tag: str = "") -> None:
        if placed.start >= 0:
            self.review.rows[placed.line].marks.append(  # type: ignore[index]
                Mark(placed.start, placed.end, kind, ref, tag))

    def sections(self) -> None:
        after = 0
        for i, s in enumerate(self.walked, 1):
            needles = [s.label + s.title, s.title, s.label] if s.title else [s.label]
            placed = self.placer.place(s.line, needles, after, loose=1 if s.title else 0)
            if placed.line is None:
                self.review.unplaced.append(("section", f"{s.id} {s.label}{s.title}"))
                continue
            after = self.owner_line[id(s)] = placed.line
            self.review.off_line += placed.how == "line"
            self.mark(placed, "s", f"s{i}", s.id)
            deadline = f" · {e(s.deadline)}" if s.deadline else ""
            self.note(placed, 0, f'<span class="badge b-s">§ {e(s.id)}</span> '
                                 f'<span class="muted">level {s.level}{deadline}</span>', f"s{i}")

    def meta(self) -> None:
        meta = self.plan.meta
        for name in type(meta).model_fields:
            value = getattr(meta, name)
            if name == "lines" or value in (None, [], {}, ""):
                continue
            shown, needles = _meta_needles(name, value)
            line = meta.lines.get(name)
            if line is not None:
                placed = self.placer.place(line, needles)
            elif name in DERIVED_META:  # not printed as such: searching would mark a chance mention
                continue
            else:
                placed = self.placer.search(needles)
            if placed.line is None and name == "title":  # a title printed over several lines
                placed = _title_start(self.placer, value)
            if placed.line is None:
                continue  # meta values are often normalized (a date, a region): not an error
            if placed.how == "line":  # recorded there but written differently (a date, a region): no mark
                placed = Placed(placed.line, how="exact")
            self.review.meta_at[name] = placed.line
            ref = f"m-{name}"
            self.mark(placed, "m", ref, name)
            if isinstance(value, list) and placed.start >= 0:  # every item of a list field on that line
                text = self.placer.text[placed.line]
                for item in value[1:]:
                    if (j := text.find(item)) >= 0:
                        self.mark(Placed(placed.line, j, j + len(item)), "m", ref)
            self.note(placed, 1, f'<span class="badge b-m">meta</span> <b>{e(name)}</b> {e(shown)}', ref)

    def targets(self) -> None:
        after = 0
        cells: Counter[tuple[int, str]] = Counter()
        for i, t in enumerate(self.plan.targets, 1):
            in_table = bool(t.section and t.section.startswith("table:"))
            placed = self.placer.place(t.line, [t.text], after)
            if placed.line is None and in_table:  # a cell's text is composed: find its row by the indicator
                found = self.placer.search([t.indicator], after)
                placed = Placed(found.line, how=found.how)
            if placed.line is None:
                self.review.unplaced.append(("target", f"{t.indicator} {t.value:g} {t.unit or ''} ({t.text[:40]})"))
                continue
            after = placed.line
            if in_table and placed.start < 0:  # a table cell: mark the k-th cell holding its value
                placed = _cell(self.placer.text[placed.line], placed, _num(t.value), cells)
            self.review.off_line += placed.how == "line"
            self.mark(placed, "t", f"t{i}", f"T{i}")
            self.note(placed, 2, _target_note(i, t), f"t{i}")

    def units(self) -> None:
        groups: list[tuple[str, list, int | None, int | None]] = []  # (owner, units, line, owner's line)
        for s in self.walked:
            for line, units in _by_line(s.units):
                groups.append((f"§ {s.id}", units, line, self.owner_line.get(id(s))))
        for table in self.plan.tables:
            for k in table.tasks:
                for line, units in _by_line(k.units):
                    groups.append((f"table {table.index} row {k.row}", units, k.line if line is None else line, None))
        n = 0
        for g, (owner, units, line, near) in enumerate(groups, 1):
            first = None
            for u, placed in zip(units, _place_units(self.placer, units, line, near)):
                n += 1
                if placed.line is None:
                    self.review.unplaced.append(("unit", f"{u.name} ({owner})"))
                    continue
                first = first or placed
                self.review.off_line += placed.how == "line"
                self.mark(placed, "ul" if u.lead else "u", f"u{n}", "★" if u.lead else "")
            if first is not None:
                self.note(first, 3, f'<span class="badge b-u">units</span> <span class="muted">{e(owner)}</span> '
                                    + "、".join(_unit_html(u) for u in units), f"g{g}")

    def tables(self) -> None:
        for table in self.plan.tables:
            placed = self.placer.place(table.line, [" | ".join(table.header)] if table.header else [])
            if placed.line is None:
                self.review.unplaced.append(("table", f"table {table.index} {table.title or ''}"))
                continue
            placed = Placed(placed.line, how="text" if placed.how == "text" else "exact")  # the row: no mark
            self.review.rows[placed.line].flags.add("table")
            size = f"{len(table.rows)} rows × {len(table.header)} columns"
            self.note(placed, 4, f'<span class="badge b-tb">table {table.index}</span> {e(table.kind)} · {size}'
                                 + (f' · <span class="muted">{e(table.title)}</span>' if table.title else "")
                                 + (f" · {len(table.tasks)} tasks" if table.tasks else ""), f"tb{table.index}")
            for k in table.tasks:
                if k.line in self.review.rows:
                    self.review.rows[k.line].flags.add("task")

    def notices(self) -> None:
        """A plan written before notices had codes has only its warnings: those are shown
        as notices N004, on the line their "line N:" prefix names."""
        review = self.review
        review.notices = list(self.plan.notices) or [_uncoded(w) for w in self.plan.warnings]
        for i, n in enumerate(review.notices, 1):
            if n.line not in review.rows:
                review.doc_notices.append(n)
                continue
            kind = notice_class(n.code)
            message = e(_LINE_PREFIX.sub("", n.message))
            review.rows[n.line].flags.add(kind)
            review.rows[n.line].notes.append((5, f'<div class="note k-n {kind}" data-ref="n{i}">'
                                                 f'<span class="badge b-{kind}">{e(n.code)}</span> '
                                                 f'<b>{e(notice_name(n.code))}</b> <span class="msg">{message}</span></div>'))


def _meta_needles(name: str, value) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """How a meta value is shown, and the strings it may be printed as."""
    if name == "period":
        return f"{value.start}–{value.end}", [f"{value.start}{d}{value.end}" for d in "—–-－~至"]
    if name.endswith("date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, [value, _date_cn(value)]
    if isinstance(value, list):
        return "、".join(value), list(value)
    return str(value), [str(value)]


def _unit_html(u) -> str:  # type: ignore[no-untyped-def]
    aliases = f'<span class="muted">〔{e("、".join(u.aliases))}〕</span>' if u.aliases else ""
    lead = "<sup>lead</sup>" if u.lead else ""
    return f'<span class="uname{" lead" if u.lead else ""}">{e(u.name)}{aliases}{lead}</span>'


def _uncoded(warning: str):  # type: ignore[no-untyped-def]
    from ipplan.parse.vocab.notices import NoticeRef

    m = _LINE_PREFIX.match(warning)
    return NoticeRef("N004", warning, int(m["n"]) if m else None)


def _by_line(units: list) -> list[tuple[int | None, list]]:
    out: dict[int | None, list] = {}
    for u in units:
        out.setdefault(u.line, []).append(u)
    return list(out.items())


def _place_units(placer: Placer, units: list, line: int | None, near: int | None) -> list[Placed]:
    """Names of one clause, matched right to left so that they land in the clause (at the end of
    its line) rather than on an earlier mention of the same organ."""
    if line is None or line not in placer.text:
        line = _clause_line(placer, units, near)
        how = "text"
    else:
        how = "exact"
    if line is None:
        return [Placed(None) for _ in units]
    text = placer.text[line]
    out: list[Placed] = []
    end = len(text)
    for u in reversed(units):
        j = text.rfind(u.name, 0, end)
        if j < 0:
            j = text.rfind(u.name)
        if j < 0:
            out.append(Placed(line, how="line" if how == "exact" else how))
            continue
        out.append(Placed(line, j, j + len(u.name), how))
        end = j
    out.reverse()
    return out


def _clause_line(placer: Placer, units: list, near: int | None) -> int | None:
    """The first line from ``near`` holding every name of a clause (else its first name)."""
    names = [u.name for u in units]
    start = near or 0
    first = bisect_left(placer.order, start)
    window = placer.order[first:first + 40]
    for n in window:
        if all(name in placer.text[n] for name in names):
            return n
    found = placer.search(names[:1], start)
    return found.line


def _title_start(placer: Placer, title: str) -> Placed:
    """A title printed over two or more lines: the line its first part is on."""
    for n in placer.order:
        text = placer.text[n].strip()
        if len(text) >= 4 and title.startswith(text):
            i = placer.text[n].find(text)
            return Placed(n, i, i + len(text), "text")
    return Placed(None)


def _cell(text: str, placed: Placed, value: str, seen: Counter) -> Placed:
    """The k-th table cell of a row holding ``value`` (k counts the row's earlier targets with it)."""
    k = seen[(placed.line, value)]
    seen[(placed.line, value)] += 1
    hits = [m.start(1) for m in re.finditer(rf"(?:^|\|)\s*({re.escape(value)})\s*(?=\||$)", text)]
    how = "text" if placed.how == "text" else "exact"  # a composed text is not expected on the line
    if k < len(hits):
        return Placed(placed.line, hits[k], hits[k] + len(value), how)
    return Placed(placed.line, how=how)  # the row is right; the cell is written differently


def _target_note(i: int, t) -> str:
    value = _num(t.value) + (f"–{_num(t.value_max)}" if t.value_max is not None else "")
    fields = [("value", value), ("unit", t.unit or "—"), ("op", t.op), ("year", t.year if t.year is not None else "—"),
              ("kind", t.kind)]
    kv = "".join(f'<span class="kv"><i>{k}</i>{e(v)}</span>' for k, v in fields)
    more = ""
    if t.milestones:
        steps = ", ".join(f"{m.year}: {_num(m.value)}" for m in t.milestones)
        more += f'<div class="muted">milestones: {e(steps)}</div>'
    ind = f' <span class="muted">{e(t.indicator_id)}</span>' if t.indicator_id else ""
    return (f'<span class="badge b-t">T{i}</span> <b class="ind">{e(t.indicator)}</b>{ind}'
            f'<div class="kvs">{kv}</div>{more}')


def notice_class(code: str) -> str:
    """miss (a possible missed item), repair (layout repaired) or warn."""
    return "miss" if code.startswith("N4") else "repair" if code.startswith("LR") else "warn"


def notice_name(code: str) -> str:
    from ipplan.parse.vocab.notices import NOTICE_NAMES

    if code in NOTICE_NAMES:
        return NOTICE_NAMES[code].replace("-", " ")
    if code.startswith("LR"):
        from ipplan.parse.repair import REPAIR_RULES

        return next((r.summary for r in REPAIR_RULES if r.code == code), "layout repair")
    return "notice"


# --- the page ------------------------------------------------------------------------------

CSS = """
:root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f6f8fa;--accent:#0b5cad;
 --sec:#0b5cad;--sec-bg:#e6f0fb;--tgt:#fff0bd;--tgt-b:#c98a00;--unit:#dcf2e3;--unit-b:#2d8a57;
 --meta:#efe6fb;--meta-b:#7a4fb0;--warn:#c2372c;--warn-bg:#fdecea;--miss:#b55d00;--miss-bg:#fff3e0;
 --repair:#5c6b7a;--repair-bg:#eef1f4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;line-height:1.55;
 font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC",
 "Source Han Sans SC","Microsoft YaHei",sans-serif}
.wrap{max-width:1440px;margin:0 auto;padding:0 24px}
header.top{border-bottom:1px solid var(--line);background:var(--bg);padding:20px 0 16px}
header.top .kicker{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:0}
header.top h1{font-size:22px;line-height:1.35;margin:4px 0 6px;font-weight:650}
header.top .src{color:var(--muted);font-size:13px;margin:0;word-break:break-all}
.banner{margin:14px 0 0;padding:8px 12px;border-left:4px solid var(--warn);background:var(--warn-bg);font-size:14px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0 4px;padding:0;list-style:none}
.stats li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:108px}
.stats b{display:block;font-size:22px;line-height:1.2;font-variant-numeric:tabular-nums}
.stats span{font-size:12px;color:var(--muted)}
.stats li.alert{border-color:#e9b5b0}.stats li.alert b{color:var(--warn)}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px 28px;margin:14px 0 0}
.panels h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 6px;
 font-weight:600}
table.small{border-collapse:collapse;font-size:13px;width:100%}
table.small th,table.small td{text-align:left;padding:3px 8px 3px 0;border-bottom:1px solid var(--line);
 vertical-align:top}
table.small th{font-weight:600;color:var(--muted);white-space:nowrap}
table.small td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.panels p,.panels ul{font-size:13px;margin:4px 0}.panels ul{padding-left:18px}
.nulls code{background:var(--warn-bg);color:var(--warn);border-radius:4px;padding:0 5px;margin-right:4px;font-size:12px}
.ok{color:#1a7f37}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.bar{position:sticky;top:0;z-index:2;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);
 font-size:13px;padding:7px 0;backdrop-filter:blur(4px)}
.bar .wrap{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center}
.bar label{margin-left:auto;cursor:pointer;user-select:none;color:var(--muted)}
.key{display:inline-flex;align-items:center;gap:6px;color:var(--muted)}
.key i{font-style:normal;color:var(--ink);padding:0 4px;border-radius:3px}
.doc{margin:10px auto 40px}
.row{display:grid;grid-template-columns:3.6em minmax(0,1fr) minmax(260px,36%);column-gap:16px;
 border-bottom:1px solid #eef1f4;padding:3px 0}
.row:target{background:#fffbe6}
.row .ln{color:#8c959f;text-align:right;font:12px/1.9 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
 border-right:3px solid transparent;padding-right:8px;user-select:none}
.row.warn .ln{border-right-color:var(--warn);color:var(--warn)}
.row.miss .ln{border-right-color:var(--miss);color:var(--miss)}
.row.repair .ln{border-right-color:#9aa7b4}
.row .tx{white-space:pre-wrap;overflow-wrap:anywhere;padding:2px 0}
.row.table .tx,.row.task .tx{font-size:14px;color:#333}
.row .mg{font-size:12.5px;line-height:1.45;display:flex;flex-direction:column;gap:4px;padding:3px 0}
.row.blank .tx{color:#bbb}
span.h-s{color:var(--sec);font-weight:650}
span.h-s[data-tag]::before{content:attr(data-tag);font:600 10.5px/1 ui-monospace,Menlo,Consolas,monospace;
 color:var(--sec);background:var(--sec-bg);border:1px solid #b9d3f0;border-radius:3px;padding:1px 4px;margin-right:5px;
 vertical-align:2px}
span.h-t{background:var(--tgt);box-shadow:inset 0 -2px 0 var(--tgt-b)}
span.h-u{background:var(--unit);box-shadow:inset 0 -2px 0 var(--unit-b)}
span.h-ul{background:var(--unit);box-shadow:inset 0 -2px 0 var(--unit-b);font-weight:650}
span.h-m{background:var(--meta);box-shadow:inset 0 -2px 0 var(--meta-b)}
span.h-t.h-u,span.h-t.h-ul{background:linear-gradient(var(--tgt),var(--unit))}
span[data-end]::after{content:attr(data-end);font:600 9.5px/1 ui-monospace,Menlo,Consolas,monospace;
 vertical-align:super;
 margin-left:2px;color:var(--tgt-b)}
span.h-u[data-end]::after,span.h-ul[data-end]::after{color:var(--unit-b)}
span.h-m[data-end]::after{color:var(--meta-b)}
.note{border-left:3px solid var(--line);padding:2px 0 2px 8px;background:#fff}
.note.k-s{border-left-color:var(--sec)}.note.k-t{border-left-color:var(--tgt-b)}
.note.k-g{border-left-color:var(--unit-b)}.note.k-m{border-left-color:var(--meta-b)}
.note.k-tb{border-left-color:#8c959f}
.note.k-n.warn{border-left-color:var(--warn);background:var(--warn-bg)}
.note.k-n.miss{border-left-color:var(--miss);background:var(--miss-bg)}
.note.k-n.repair{border-left-color:var(--repair);background:var(--repair-bg)}
.note.by-text{border-left-style:dashed}
.note.by-text::after{content:"found by text (no line in the plan)";display:block;color:var(--muted);font-size:11px}
.note.off-line{outline:1px dashed var(--warn)}
.note.off-line::after{content:"its text is not on this line";display:block;color:var(--warn);font-size:11px}
.badge{display:inline-block;font:600 10.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
 border-radius:3px;padding:0 5px;color:#fff;background:#8c959f;white-space:nowrap}
.badge.b-s{background:var(--sec)}.badge.b-t{background:var(--tgt-b)}.badge.b-u{background:var(--unit-b)}
.badge.b-m{background:var(--meta-b)}.badge.b-warn{background:var(--warn)}.badge.b-miss{background:var(--miss)}
.badge.b-repair{background:var(--repair)}
.kvs{display:flex;flex-wrap:wrap;gap:2px 10px;margin-top:1px}
.kv i{font-style:normal;color:var(--muted);font-size:10.5px;margin-right:3px}
.kv{font-variant-numeric:tabular-nums}
.uname.lead{font-weight:650}.uname sup{font-size:9px;color:var(--unit-b);margin-left:1px}
.muted{color:var(--muted)}
.msg{color:#333}
#only{margin-right:4px;vertical-align:-2px}
body:has(#only:checked) .row:not(.x){display:none}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding:12px 0 30px}
@media screen and (max-width:900px){.row{grid-template-columns:3em minmax(0,1fr)}.row .mg{grid-column:2}}
@media print{
 @page{size:A4;margin:14mm 12mm}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{font-size:9.5pt;line-height:1.45}
 .wrap{max-width:none;padding:0}
 .bar label,#only{display:none}
 .bar{position:static;backdrop-filter:none;border:0;padding:4px 0}
 header.top{background:none;padding:0 0 8px}
 .stats li{padding:4px 10px}.stats b{font-size:14pt}
 .row{grid-template-columns:2.8em minmax(0,1fr) 34%;break-inside:avoid;padding:1px 0}
 .row .mg{font-size:8pt}
 .panels{break-inside:avoid-page}
 a{color:inherit}
}
"""


def render(r: ReviewInput) -> str:
    """The whole page as a string (deterministic: no dates, no random ids)."""
    plan = r.plan
    review = build(plan, r.lines)
    title = plan.meta.title or plan.meta.notice_title or Path(r.document).name
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ipplan review">',
        f"<title>Review · {e(title)}</title><style>{CSS}</style></head><body>",
        _header(r, review, title),
        _bar(),
        '<main class="doc wrap" id="text">',
        *(_row(n, text, review.rows[n]) for n, text in r.lines),
        "</main>",
        f'<footer><div class="wrap">ipplan {e(__version__)} · line numbers are those of '
        f"<code>ipplan text {e(r.document)}</code></div></footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(r: ReviewInput, review: Review, title: str) -> str:
    from ipplan.views.rows import walk

    plan = r.plan
    src = plan.source
    sections = list(walk(plan.sections))
    units = sum(len(s.units) for s in sections) + sum(len(k.units) for t in plan.tables for k in t.tasks)
    tasks = sum(len(t.tasks) for t in plan.tables)
    by_code = Counter(n.code for n in review.notices)
    misses = sum(v for k, v in by_code.items() if k.startswith("N4"))
    stats = [("lines", len(r.lines), ""), ("sections", len(sections), ""), ("targets", len(plan.targets), ""),
             ("units", units, ""), ("tables", len(plan.tables), f" · {tasks} tasks" if tasks else ""),
             ("notices", len(review.notices), ""), ("possible misses", misses, "")]
    alert = ' class="alert"'
    cards = "".join(f'<li{alert if k == "possible misses" and v else ""} data-stat="{k}">'
                    f"<b>{v}</b><span>{k}{e(extra)}</span></li>" for k, v, extra in stats)
    about = " · ".join(e(x) for x in (r.document, src.format, src.encoding, src.script,
                                       src.sha256[:12] if src.sha256 else None) if x)
    plan_file = f"plan {e(r.plan_file)} · " if r.plan_file else ""
    banners = "".join(f'<p class="banner">{e(b)}</p>' for b in r.banners)
    return (f'<header class="top"><div class="wrap"><p class="kicker">ipplan review</p><h1>{e(title)}</h1>'
            f'<p class="src">{plan_file}document {about}</p>{banners}'
            f'<ul class="stats">{cards}</ul>'
            f'<div class="panels">{_notice_panel(review, by_code)}{_meta_panel(plan, review)}'
            f"{_placement_panel(review)}</div></div></header>")


def _notice_panel(review: Review, by_code: Counter) -> str:
    if not review.notices:
        return ('<section id="notices"><h2>Notices</h2>'
                '<p class="ok">No notices: the parser doubted nothing.</p></section>')
    lines: dict[str, list[int]] = {}
    for n in review.notices:
        if n.line is not None and n.line in review.rows:
            lines.setdefault(n.code, []).append(n.line)
    body = []
    for code in sorted(by_code):
        where = lines.get(code, [])
        links = ", ".join(f'<a href="#L{ln}">{ln}</a>' for ln in where[:12]) + (" …" if len(where) > 12 else "")
        body.append(f'<tr data-code="{e(code)}"><td><span class="badge b-{notice_class(code)}">{e(code)}</span></td>'
                    f'<td>{e(notice_name(code))}</td><td class="num">{by_code[code]}</td><td>{links}</td></tr>')
    doc_level = ""
    if review.doc_notices:
        doc_level = ("<p class=\"muted\">Not tied to a line:</p><ul>"
                     + "".join(f"<li><b>{e(n.code)}</b> {e(_LINE_PREFIX.sub('', n.message))}</li>"
                               for n in review.doc_notices[:50]) + "</ul>")
    return (f'<section id="notices"><h2>Notices by code</h2><table class="small"><thead><tr><th>code</th><th>what</th>'
            f'<th>count</th><th>lines</th></tr></thead><tbody>{"".join(body)}</tbody></table>{doc_level}</section>')


def _meta_panel(plan: Plan, review: Review) -> str:
    meta = plan.meta
    rows, nulls = [], []
    for name in type(meta).model_fields:
        if name == "lines":
            continue
        value = getattr(meta, name)
        if value in (None, [], {}, ""):
            if name in CORE_META:
                nulls.append(name)
            continue
        shown = _meta_needles(name, value)[0]
        line = review.meta_at.get(name)
        where = f'<a href="#L{line}">{line}</a>' if line else '<span class="muted">—</span>'
        rows.append(f'<tr data-field="{name}"><th>{name}</th><td>{e(shown)}</td><td class="num">{where}</td></tr>')
    null_html = ('<p class="nulls">Left null: ' + "".join(f"<code>{n}</code>" for n in nulls) + "</p>") if nulls \
        else '<p class="ok">Every core field is filled.</p>'
    return (f'<section id="meta"><h2>Meta fields</h2><table class="small"><tbody>{"".join(rows)}</tbody></table>'
            f"{null_html}</section>")


def _placement_panel(review: Review) -> str:
    items = []
    if review.by_text:
        items.append(f"<li>{review.by_text} items carry no line in the plan and were found by their text "
                     "(dashed notes).</li>")
    if review.off_line:
        items.append(f"<li>{review.off_line} items are not on the line the plan records (dotted notes).</li>")
    if review.unplaced:
        shown = "".join(f"<li><b>{e(kind)}</b> {e(text)}</li>" for kind, text in review.unplaced[:100])
        more = f"<li>… and {len(review.unplaced) - 100} more</li>" if len(review.unplaced) > 100 else ""
        items.append(f"<li>{len(review.unplaced)} items were not found in the text:<ul>{shown}{more}</ul></li>")
    if review.search_stopped:
        items.append(f"<li>The search by text stopped early (after {MAX_SEARCH_MISSES} items found nowhere, or "
                     f"{SEARCH_BUDGET_FACTOR} times the text scanned): some of those items were not searched.</li>")
    body = f"<ul>{''.join(items)}</ul>" if items else '<p class="ok">Every item is on the line the plan records.</p>'
    return f'<section id="placement"><h2>Evidence</h2>{body}</section>'


def _bar() -> str:
    keys = [("s", "section heading"), ("t", "target"), ("u", "unit"), ("ul", "lead unit"), ("m", "meta field")]
    legend = "".join(f'<span class="key"><span class="h-{k}">{name}</span></span>' for k, name in keys)
    flags = ('<span class="key"><span class="badge b-warn">N…</span>notice</span>'
             '<span class="key"><span class="badge b-miss">N4…</span>possible miss</span>'
             '<span class="key"><span class="badge b-repair">LR…</span>layout repair</span>')
    return (f'<div class="bar"><div class="wrap">{legend}{flags}'
            '<label><input type="checkbox" id="only">only lines with items or notices</label></div></div>')


def _row(n: int, text: str, row: Row) -> str:
    classes = ["row"] + sorted(row.flags)
    if row.marks or row.notes:
        classes.append("x")
    if not text.strip():
        classes.append("blank")
    notes = "".join(html for _, html in sorted(row.notes, key=lambda x: x[0]))
    return (f'<div class="{" ".join(classes)}" id="L{n}"><a class="ln" href="#L{n}">{n}</a>'
            f'<div class="tx">{_marked(text, row.marks)}</div><div class="mg">{notes}</div></div>')


def _marked(text: str, marks: list[Mark]) -> str:
    """The line with its marks as spans; overlapping marks are cut into segments, each carrying
    every mark over it (``data-ref``), so nesting never breaks."""
    if not marks:
        return e(text)
    marks = sorted(marks, key=lambda m: (m.start, -m.end))[:MAX_MARKS_PER_LINE]
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out = []
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = e(text[a:b])
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(sorted({"h-" + m.kind for m in active}))
        refs = " ".join(dict.fromkeys(m.ref for m in active))
        first = "".join(f" {m.tag}" for m in active if m.start == a and m.kind == "s" and m.tag).strip()
        end = " ".join(m.tag for m in active if m.end == b and m.tag and m.kind != "s")
        attrs = f' data-tag="{e(first)}"' if first else ""
        attrs += f' data-end="{e(end)}"' if end else ""
        out.append(f'<span class="{kinds}" data-ref="{e(refs)}"{attrs}>{piece}</span>')
    return "".join(out)
