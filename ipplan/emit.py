"""Plan → YAML or JSON text, in schema key order; shared by the CLI and the tests.

YAML is written by a small emitter specialised for plan data (dicts, lists, str, int,
float, bool, None): PyYAML's representers cost ~20 ms per 30 KB plan even with libyaml,
which made YAML output slower than parsing. A string is written plain when it reads back
as the same string by ``ipplan.planfile.reads_as_string`` (the rule ipplan's reader
resolves plain scalars by, YAML 1.2 core, and YAML 1.1 for other tools), as a literal
block when it spans lines, and JSON-quoted (valid YAML) otherwise; `tests/test_emit.py`
checks the round trip with ipplan's own loader and with PyYAML.
"""

from __future__ import annotations

import functools
import json
import re
from json.encoder import encode_basestring as _encode_basestring
from typing import Any

from ipplan.planfile import reads_as_string
from ipplan.schema import Plan

FORMATS = ("yaml", "json")

# Plain scalars must not start with an indicator, contain ": " or " #", end with ":" or
# a space, hold characters YAML treats as breaks, or resolve to another type.
_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_UNSAFE = re.compile(r": |\s#|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[:\s]$")
_SPECIAL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _scalar(v: Any) -> str:
    if type(v) is str:
        return _str(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):  # never in a plan (finite by schema)
            return ".nan" if v != v else ".inf" if v > 0 else "-.inf"
        r = repr(v)  # YAML 1.1 floats need a dot: 1e-09 would read back as a string
        return r.replace("e", ".0e", 1) if "e" in r and "." not in r else r
    return _str(str(v))


def _str(s: str) -> str:
    return _short_str(s) if len(s) <= 24 else _plain_or_quoted(s)


# Short values (ids, labels, units, ops, kinds, unit names) repeat within and across plans;
# long texts do not, so only short ones are cached.
@functools.lru_cache(maxsize=4096)
def _short_str(s: str) -> str:
    return _plain_or_quoted(s)


def _plain_or_quoted(s: str) -> str:
    if s and s[0] not in _UNSAFE_START and not _UNSAFE.search(s) and reads_as_string(s):
        return s
    return _quoted(s)


def _quoted(s: str) -> str:
    out = _encode_basestring(s)  # what json.dumps(s, ensure_ascii=False) returns, minus its overhead
    return _SPECIAL.sub(lambda m: f"\\u{ord(m.group()):04x}", out) if _SPECIAL.search(out) else out


def _block(s: str, indent: str) -> str | None:
    """A literal block for multi-line text, when it round-trips exactly."""
    lines = s.split("\n")
    if any(not ln or ln != ln.strip() or _SPECIAL.search(ln) for ln in lines):
        return None
    return "|-\n" + "\n".join(indent + ln for ln in lines)


def _emit(value: Any, indent: str, out: list[str]) -> None:
    """Append the lines of a mapping or sequence body at ``indent``. Lines go straight into
    ``out`` (a nested "- " item patches its first line) so deep outlines are not copied."""
    if isinstance(value, dict):
        for key, v in value.items():
            t = type(v)
            if t is str:
                block = _block(v, indent + "  ") if "\n" in v else None
                out.append(f"{indent}{key}: {block or _str(v)}")
            elif t is dict or t is list:
                if not v:
                    out.append(f"{indent}{key}: {'{}' if t is dict else '[]'}")
                else:
                    out.append(f"{indent}{key}:")
                    _emit(v, indent + "  " if t is dict else indent, out)  # sequences sit at the key's indent
            else:
                out.append(f"{indent}{key}: {_scalar(v)}")
    else:
        for item in value:
            t = type(item)
            if (t is dict or t is list) and item:  # nested body starts on the "- " line
                first = len(out)
                _emit(item, indent + "  ", out)
                out[first] = indent + "- " + out[first][len(indent) + 2 :]
            elif t is str:
                block = _block(item, indent + "  ") if "\n" in item else None
                out.append(f"{indent}- {block or _str(item)}")
            elif t is dict or t is list:
                out.append(f"{indent}- {'{}' if t is dict else '[]'}")
            else:
                out.append(f"{indent}- {_scalar(item)}")


def plan_data(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json")


def to_yaml(plan: Plan | dict[str, Any]) -> str:
    data = plan if isinstance(plan, dict) else plan_data(plan)
    if not data:
        return "{}\n"
    out: list[str] = []
    _emit(data, "", out)
    return "\n".join(out) + "\n"


def to_json(plan: Plan | dict[str, Any]) -> str:
    if isinstance(plan, Plan):
        # pydantic's Rust serializer: ~6× faster than json.dumps(indent=2), which falls back
        # to the pure-Python encoder when indenting; same bytes for plan data (tests check).
        return plan.model_dump_json(indent=2) + "\n"
    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def dump(plan: Plan, fmt: str) -> str:
    return to_json(plan) if fmt == "json" else to_yaml(plan)
