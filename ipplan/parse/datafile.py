"""ipplan's own data files (parse/data/*.yaml): read with libyaml when PyYAML has it, and
checked against the annotations of a record class, without pydantic.

pydantic checked them before, which put its import (~100 ms) on every cold `ipplan parse`
for a few word lists; the pure-Python YAML loader took 8 ms where libyaml takes 1.
A record is a class with annotated fields (str, int, float, bool, None, ``X | None``,
``list[X]``, ``tuple[X, Y]``, ``dict[str, X]``, another record) and optional defaults:

    >>> class Entry(Record):
    ...     id: str
    ...     variants: list[str]
    ...     unit: str | None = None
    >>> Entry.model_validate({"id": "a.b", "variants": ["x"]}).unit is None
    True
    >>> Entry.model_validate({"id": "a.b", "variants": "x"})
    Traceback (most recent call last):
    ValueError: variants: a list, not str
"""

from __future__ import annotations

import copy
import functools
import sys
import types
import typing
from importlib import resources
from typing import Any

from ipplan import patterncache

_MISSING = object()


def load_yaml(text: str) -> Any:
    """YAML text read with the safe loader: libyaml's (CSafeLoader) when present, else
    PyYAML's pure-Python one (tests/test_datafile.py checks they agree on every data file).
    What it gives for a text is kept in ipplan.patterncache: a cold parse imports no YAML."""
    return patterncache.data(text, _yaml_load)


def _yaml_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader either way


def read_yaml(name: str) -> Any:
    """parse/data/NAME, read with :func:`load_yaml`."""
    return load_yaml(resources.files("ipplan.parse.data").joinpath(name).read_text("utf-8"))


def record_config(**_: Any) -> dict[str, Any]:
    """Stands in for pydantic's ConfigDict in a record: records always forbid unknown keys."""
    return {}


class Record:
    """A record of a data file. ``model_validate(data)`` checks a mapping against the
    annotations (every key known, every field without a default given, every value of its
    type) and raises ValueError naming the first problem's place."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        return _check(cls, data, "")


@functools.cache
def _fields(cls: type[Record]) -> dict[str, tuple[Any, Any]]:
    """{name: (type, default or _MISSING)} in declaration order."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return {name: (tp, getattr(cls, name, _MISSING)) for name, tp in hints.items()
            if not name.startswith("_") and name != "model_config"}


def _check(tp: Any, value: Any, where: str) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _check(inner, value, where)
    if isinstance(tp, type) and issubclass(tp, Record):
        if not isinstance(value, dict):
            raise ValueError(f"{where or 'the file'}: a mapping, not {type(value).__name__}")
        fields = _fields(tp)
        unknown = [k for k in value if k not in fields]
        if unknown:
            raise ValueError(f"{_at(where, unknown[0])}: unknown key")
        out = {}
        for name, (ftp, default) in fields.items():
            if name in value:
                out[name] = _check(ftp, value[name], _at(where, name))
            elif default is _MISSING:
                raise ValueError(f"{_at(where, name)}: missing")
            else:
                out[name] = copy.copy(default)
        return tp(**out)
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"{where}: a list, not {type(value).__name__}")
        return [_check(args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:  # tuple[X, Y] of fixed length, or tuple[X, ...]; YAML gives a list
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{where}: a list, not {type(value).__name__}")
        items = [args[0]] * len(value) if len(args) == 2 and args[1] is Ellipsis else list(args)
        if len(items) != len(value):
            raise ValueError(f"{where}: {len(items)} items, not {len(value)}")
        return tuple(_check(tp_i, v, f"{where}[{i}]") for i, (tp_i, v) in enumerate(zip(items, value)))
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"{where}: a mapping, not {type(value).__name__}")
        return {_check(args[0], k, f"{where} key {k!r}"): _check(args[1], v, _at(where, str(k)))
                for k, v in value.items()}
    if tp is float and type(value) is int:
        return float(value)
    if type(value) is not tp:  # exact: a bool is no int, an int no str
        raise ValueError(f"{where}: {tp.__name__}, not {type(value).__name__}")
    return value


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
