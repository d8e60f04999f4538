"""ipplan's data files: libyaml and PyYAML's pure-Python loader read each the same, and a
record class checks what it reads."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from ipplan.parse import datafile
from ipplan.parse.datafile import Record

DATA = sorted(p.name for p in resources.files("ipplan.parse.data").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", DATA)
def test_both_loaders_read_a_data_file_alike(name: str) -> None:
    assert hasattr(yaml, "CSafeLoader"), "PyYAML without libyaml: the fast loader is not tested here"
    text = resources.files("ipplan.parse.data").joinpath(name).read_text("utf-8")
    assert datafile.read_yaml(name) == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_pure_python_loader_is_the_fallback(monkeypatch) -> None:
    monkeypatch.setenv("IPPLAN_NO_CACHE", "1")  # loaded, not taken from ipplan.patterncache
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert datafile.load_yaml("a: [1, x]") == {"a": [1, "x"]}


def test_the_loader_is_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        datafile.load_yaml("!!python/object/apply:os.system ['true']")


class Inner(Record):
    name: str
    lead: bool = False


class Outer(Record):
    words: list[str]
    counts: dict[str, int]
    ratio: float
    inner: Inner
    items: list[Inner]
    note: str | None = None
    tags: list[str] = []
    pairs: list[tuple[str, list[str]]] = []
    rest: tuple[int, ...] = ()


def test_a_record_reads_its_fields() -> None:
    got = Outer.model_validate({"words": ["a"], "counts": {"x": 1}, "ratio": 2, "inner": {"name": "n"},
                                "items": [{"name": "m", "lead": True}]})
    assert got.words == ["a"] and got.counts == {"x": 1} and got.ratio == 2.0 and type(got.ratio) is float
    assert got.inner == Inner(name="n", lead=False) and got.items[0].lead is True
    assert got.note is None and got.tags == [] and got.tags is not Outer.tags  # defaults are copied
    got = Outer.model_validate({**_GOOD, "pairs": [["annual", ["每年"]]], "rest": [1, 2, 3]})
    assert got.pairs == [("annual", ["每年"])] and got.rest == (1, 2, 3)


_GOOD = {"words": [], "counts": {}, "ratio": 1.5, "inner": {"name": "n"}, "items": []}


@pytest.mark.parametrize(("change", "message"), [
    ({"words": "a"}, "words: a list, not str"),
    ({"words": ["a", 1]}, r"words\[1\]: str, not int"),
    ({"counts": {"x": "1"}}, "counts.x: int, not str"),
    ({"counts": {"x": True}}, "counts.x: int, not bool"),  # a bool is no number
    ({"counts": {1: 1}}, "counts key 1: str, not int"),
    ({"ratio": "1.5"}, "ratio: float, not str"),
    ({"inner": {"name": "n", "colour": 1}}, "inner.colour: unknown key"),
    ({"inner": {}}, "inner.name: missing"),
    ({"items": [{"name": None}]}, r"items\[0\].name: str, not NoneType"),
    ({"note": 5}, "note: str, not int"),
    ({"pairs": [["annual"]]}, r"pairs\[0\]: 2 items, not 1"),
    ({"pairs": [["annual", "每年"]]}, r"pairs\[0\]\[1\]: a list, not str"),
    ({"rest": [1, "2"]}, r"rest\[1\]: int, not str"),
])
def test_a_record_names_the_first_problem(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Outer.model_validate({**_GOOD, **change})


def test_a_record_needs_a_mapping() -> None:
    with pytest.raises(ValueError, match="the file: a mapping, not list"):
        Outer.model_validate([])
