"""The cache of compiled patterns (ipplan/patterncache.py): what it builds is what
re.compile builds, a damaged or foreign file is ignored, it can be turned off, and a cold
process that reads it writes the same plan."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from ipplan import patterncache
from tests.conftest import ROOT, SAMPLE_TEXTS


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache module as in a new process, its folder an empty temporary one."""
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("IPPLAN_NO_CACHE", raising=False)
    monkeypatch.setattr(patterncache, "_entries", None)
    monkeypatch.setattr(patterncache, "_new", {})
    monkeypatch.setattr(patterncache, "_used", set())
    monkeypatch.setattr(patterncache, "_data", None)
    monkeypatch.setattr(patterncache, "_new_data", {})
    monkeypatch.setattr(patterncache, "_oversized", False)
    return tmp_path


PATTERNS = [
    (r"[\u4e00-\u9fff]{2}$", 0),
    (r"(?P<y>(?:19|20)\d{2})\s*年(?P<rest>.*)", 0),
    (r"\s*(?P<a>第 \s* [一二三] \s* 章)", re.VERBOSE),
    (r"title|biaoti", re.IGNORECASE),
    (r"[^\W\d_]+", 0),
]


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(fresh: Path) -> None:
    for pattern, flags in PATTERNS:
        assert patterncache.compile(pattern, flags) == re.compile(pattern, flags)
    patterncache.save()
    patterncache._entries, patterncache._new = None, {}  # a new process
    for pattern, flags in PATTERNS:
        built = patterncache.compile(pattern, flags)
        assert built == re.compile(pattern, flags)  # same pattern, flags and code
        assert built.groupindex == re.compile(pattern, flags).groupindex
    assert not patterncache._new  # every one came from the file
    assert patterncache.compile(PATTERNS[1][0]).match("2025年目标")["rest"] == "目标"


def test_every_pattern_of_a_parse_equals_re_compile(fresh: Path) -> None:
    """All the parser's patterns that a parse of the samples compiles (in a new process, with
    an empty cache), rebuilt from the file it writes."""
    code = "import sys; from ipplan import api; [api.parse_file_data(p) for p in sys.argv[1:]]"
    subprocess.run([sys.executable, "-c", code, *map(str, SAMPLE_TEXTS)], check=True,
                   env={**os.environ, "IPPLAN_CACHE_DIR": str(fresh)})
    entries = patterncache._load()
    assert len(entries) > 150
    for (pattern, flags), blob in entries.items():
        assert patterncache._build(pattern, marshal.loads(blob)) == re.compile(pattern, flags), pattern


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "garbage", "empty"])
def test_a_damaged_file_is_ignored(fresh: Path, damage: str) -> None:
    patterncache.compile(*PATTERNS[0])
    patterncache.save()
    path = patterncache.cache_file()
    assert path is not None and path.exists()
    data = path.read_bytes()
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data = data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:]
    elif damage == "foreign":
        body = marshal.dumps(("another-python", {(PATTERNS[0][0], 0): marshal.dumps((32, [1, 2, 3], 0, {}, (None,)))}))
        data = patterncache._MAGIC + zlib.crc32(body).to_bytes(4, "big") + body
    elif damage == "garbage":
        data = b"\x00" * 100
    else:
        data = b""
    path.write_bytes(data)
    patterncache._entries, patterncache._new = None, {}
    assert patterncache._load() == {}
    assert patterncache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_bad_code_in_an_entry_is_compiled_anew(fresh: Path) -> None:
    """sre checks the code it is given: a wrong entry raises, and the pattern is compiled."""
    pattern, flags = PATTERNS[1]
    patterncache._load()[(pattern, flags)] = marshal.dumps((32, [999, 1, 2], 1, {"y": 1}, (None, "y")))
    assert patterncache.compile(pattern, flags) == re.compile(pattern, flags)


def test_off_and_unwritable(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPPLAN_NO_CACHE", "1")
    assert patterncache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    patterncache.save()
    assert list(fresh.iterdir()) == []
    monkeypatch.delenv("IPPLAN_NO_CACHE")
    blocked = fresh / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(blocked / "sub"))
    patterncache.compile(*PATTERNS[2])
    patterncache.save()  # cannot make the folder: silent
    assert blocked.read_text() == "not a folder"


def test_saves_merge_with_another_process(fresh: Path) -> None:
    patterncache.compile(*PATTERNS[0])
    patterncache.save()
    patterncache._entries, patterncache._new = None, {}
    other = patterncache._load()
    other.pop((PATTERNS[0][0], PATTERNS[0][1]))  # this process read the file before the other wrote
    patterncache._entries = {}
    patterncache.compile(*PATTERNS[1])
    patterncache.save()
    patterncache._entries = None
    assert {(PATTERNS[0][0], 0), (PATTERNS[1][0], 0)} <= set(patterncache._load())


def test_a_cold_parse_with_the_cache_writes_the_same_plan(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("IPPLAN_NO_CACHE",)}
    env["IPPLAN_CACHE_DIR"] = str(tmp_path / "cache")
    sample = str(ROOT / "samples" / "wenzhou-2022.txt")
    outs = []
    for extra in ({"IPPLAN_NO_CACHE": "1"}, {}, {}):  # off; writes the file; reads it
        r = subprocess.run([sys.executable, "-m", "ipplan", "parse", sample, "-f", "json"], env={**env, **extra},
                           capture_output=True, check=True)
        outs.append(r.stdout)
        if not extra:
            assert list((tmp_path / "cache").glob("patterns-*.marshal"))
    assert outs[0] == outs[1] == outs[2]


def test_data_files_from_the_cache(fresh: Path) -> None:
    """A data file's data comes back as YAML gives it, a copy each time; a text that gives
    what marshal cannot keep (a date) is loaded each time; another text is another entry."""
    from importlib import resources

    import yaml

    from ipplan.parse import datafile

    text = resources.files("ipplan.parse.data").joinpath("targets.yaml").read_text("utf-8")
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    assert datafile.load_yaml(text) == expected
    datafile.load_yaml("when: 2024-01-02")
    patterncache.save()
    patterncache._data = None  # a new process
    calls = []

    def counting(t: str):
        calls.append(t)
        return datafile._yaml_load(t)

    first = patterncache.data(text, counting)
    assert first == expected and not calls
    first["verbs"].append("x")
    assert patterncache.data(text, counting) == expected  # the caller's change stays its own
    assert patterncache.data(text + "\n# changed\n", counting) == expected and len(calls) == 1
    import datetime

    assert patterncache.data("when: 2024-01-02", counting) == {"when": datetime.date(2024, 1, 2)}
    assert len(calls) == 2


def test_a_file_grown_too_large_keeps_only_what_is_used(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stale patterns (of earlier versions) do not pile up: past REWRITE_BYTES the next save
    keeps what its process used and what it compiled, nothing else."""
    for pattern, flags in PATTERNS[:3]:
        patterncache.compile(pattern, flags)
    patterncache.save()
    patterncache._entries, patterncache._new, patterncache._used = None, {}, set()
    monkeypatch.setattr(patterncache, "REWRITE_BYTES", 1)  # the file now holds more than this
    patterncache.compile(*PATTERNS[0])  # used, from the file
    patterncache.compile(*PATTERNS[3])  # new
    patterncache.save()
    patterncache._entries = None
    assert set(patterncache._load()) == {(PATTERNS[0][0], 0), (PATTERNS[3][0], re.IGNORECASE)}


def test_a_file_too_large_is_rewritten_even_when_nothing_is_new(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS[:3]:
        patterncache.compile(pattern, flags)
    patterncache.save()
    patterncache._entries, patterncache._new, patterncache._used = None, {}, set()
    monkeypatch.setattr(patterncache, "REWRITE_BYTES", 1)
    patterncache.compile(*PATTERNS[1])  # from the file; nothing new
    patterncache.save()
    patterncache._entries = None
    monkeypatch.setattr(patterncache, "REWRITE_BYTES", 2**30)
    assert set(patterncache._load()) == {(PATTERNS[1][0], 0)}
