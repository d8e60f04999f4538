"""Plan data → YAML or JSON text, in schema key order; shared by the CLI, batch and the tests.

Both writers take plan data as ``api.build_plan`` makes it (``model_dump(mode="json")``
of the Plan, built without pydantic), or a ``Plan``, which they dump first.

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
import re
from collections.abc import Callable
from json.encoder import encode_basestring as _encode_basestring
from typing import TYPE_CHECKING, Any

from ipplan.planfile import reads_as_string

if TYPE_CHECKING:
    from ipplan.schema import Plan

FORMATS = ("yaml", "json")

# Plain scalars must not start with an indicator, contain ": " or " #", end with ":" or
# a space, hold characters YAML treats as breaks, or resolve to another type.
_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_UNSAFE = re.compile(r": |\s#|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[:\s]$")
_SPECIAL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _scalar(v: Any, text: Callable[[str], str] | None = None, real: Callable[[float], str] | None = None) -> str:
    """A scalar as YAML writes it, or as JSON does with ``text`` and ``real`` (their strings and
    floats); null, booleans and integers read the same in both."""
    if type(v) is str:
        return (text or _str)(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return (real or _yaml_float)(v)
    return (text or _str)(str(v))


def _yaml_float(v: float) -> str:
    if v != v or v in (float("inf"), float("-inf")):  # never in a plan (finite by schema)
        return ".nan" if v != v else ".inf" if v > 0 else "-.inf"
    r = repr(v)  # YAML 1.1 floats need a dot: 1e-09 would read back as a string
    return r.replace("e", ".0e", 1) if "e" in r and "." not in r else r


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


def plan_data(plan: Plan | dict[str, Any]) -> dict[str, Any]:
    """A plan's data in schema form (plan data is returned as it is)."""
    return plan if isinstance(plan, dict) else plan.model_dump(mode="json")


def to_yaml(plan: Plan | dict[str, Any]) -> str:
    data = plan_data(plan)
    if not data:
        return "{}\n"
    out: list[str] = []
    _emit(data, "", out)
    return "\n".join(out) + "\n"


# --- JSON -------------------------------------------------------------------------------
# The bytes pydantic's serializer (serde_json) wrote before plans were written from their
# data: `indent=2` pretty printing (or compact for jsonl), strings as json.dumps(...,
# ensure_ascii=False) escapes them, and floats in the shortest form that reads back, laid
# out as Rust's ryu does (0.00001 and 1e-6 where Python writes 1e-05 and 1e-06; 1e+16 as
# Python). json.dumps(indent=2) falls back to the pure-Python encoder and spells floats the
# Python way; tests/test_emit.py checks every byte against pydantic_core.to_json.

def _json_float(v: float) -> str:
    if v != v or v in (float("inf"), float("-inf")):  # never in a plan (finite by schema)
        return "null"
    sign = "-" if str(v)[0] == "-" else ""
    mant, _, exp = repr(abs(v)).partition("e")  # Python's shortest round-trip digits, as Rust's
    whole, _, frac = mant.partition(".")
    digits = (whole + frac).lstrip("0")
    point = len(whole) + int(exp or 0) - (len(whole + frac) - len(digits))  # value = 0.<digits> × 10^point
    digits = digits.rstrip("0")
    n = len(digits)
    if not digits:
        return sign + "0.0"
    if n <= point <= 16:  # 1234e7 -> 12340000000.0
        return f"{sign}{digits}{'0' * (point - n)}.0"
    if 0 < point <= 16:  # 12.34
        return f"{sign}{digits[:point]}.{digits[point:]}"
    if -5 < point <= 0:  # 0.001234
        return f"{sign}0.{'0' * -point}{digits}"
    return f"{sign}{digits[0]}{'.' + digits[1:] if n > 1 else ''}e{point - 1:+d}"  # 1e+30, 1.234e-7


def _json_scalar(v: Any) -> str:
    return _scalar(v, _encode_basestring, _json_float)


def _json_pretty(value: Any, indent: str, out: list[str]) -> None:
    """Append ``value`` to ``out`` as indented JSON (its first line continues the current one)."""
    t = type(value)
    if t is dict:
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        first = True
        for k, v in value.items():
            out.append(("" if first else ",\n") + inner + _encode_basestring(k) + ": ")
            first = False
            if type(v) is dict or type(v) is list:
                _json_pretty(v, inner, out)
            else:
                out.append(_json_scalar(v))
        out.append("\n" + indent + "}")
    elif t is list:
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[\n")
        first = True
        for v in value:
            out.append(("" if first else ",\n") + inner)
            first = False
            if type(v) is dict or type(v) is list:
                _json_pretty(v, inner, out)
            else:
                out.append(_json_scalar(v))
        out.append("\n" + indent + "]")
    else:
        out.append(_json_scalar(value))


def _json_compact(value: Any, out: list[str]) -> None:
    t = type(value)
    if t is dict:
        out.append("{")
        first = True
        for k, v in value.items():
            out.append(("" if first else ",") + _encode_basestring(k) + ":")
            first = False
            _json_compact(v, out)
        out.append("}")
    elif t is list:
        out.append("[")
        first = True
        for v in value:
            if not first:
                out.append(",")
            first = False
            _json_compact(v, out)
        out.append("]")
    else:
        out.append(_json_scalar(value))


def to_json(plan: Plan | dict[str, Any]) -> str:
    """The plan as JSON, indented by two spaces, with a final newline."""
    out: list[str] = []
    _json_pretty(plan_data(plan), "", out)
    return "".join(out) + "\n"


def to_jsonl(plan: Plan | dict[str, Any]) -> str:
    """The plan as one line of JSON, with a final newline (`ipplan batch --format jsonl`)."""
    out: list[str] = []
    _json_compact(plan_data(plan), out)
    return "".join(out) + "\n"


def dump(plan: Plan | dict[str, Any], fmt: str) -> str:
    return to_json(plan) if fmt == "json" else to_yaml(plan)
