"""What the plain (unquoted) scalars of a plan file mean: the one rule shared by ipplan's
YAML writer (``emit.py``) and its reader (``validate/load.py``).

The reader resolves plain scalars by YAML 1.2's core schema (``no`` and ``2022-06-15`` stay
strings). The writer writes a string plain only when :func:`reads_as_string` holds: when
this reader reads it back as the same string *and* so does a YAML 1.1 reader (PyYAML and
most tools people open plans with). Before this rule was shared, the writer followed
YAML 1.1 alone and wrote ``08``, ``1e5``, ``0o17`` and ``+.5`` plain, which ipplan's own
reader took for numbers.

Numbers longer than :data:`MAX_NUMBER_CHARS` are not read at all (:class:`NumberTooLong`):
no plan field needs one, and converting a 5,000-digit literal fails (Python's int limit)
or takes quadratic time.
"""

from __future__ import annotations

import re
from typing import Any

#: File names read as plan files (YAML, JSON, JSON Lines); any other file is a document.
PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")

#: Longest number literal read (sign, digits, dot and exponent included); a finite float
#: has at most 309 integer digits, and no plan field comes near either.
MAX_NUMBER_CHARS = 100

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): what ipplan reads.
NULL = re.compile(r"null|Null|NULL|~|")
BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INT = re.compile(r"[-+]?[0-9]+")
INT_BASE = re.compile(r"0o(?P<oct>[0-7]+)|0x(?P<hex>[0-9a-fA-F]+)")
FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
NAN = re.compile(r"\.(?:nan|NaN|NAN)")

# YAML 1.1 implicit types (PyYAML's resolver): bool, null, int, float, timestamp, merge,
# value. ipplan reads most of these as strings, but never writes them plain, so other
# tools read ipplan's plans as ipplan does.
YAML11_NOT_STR = re.compile(
    r"""(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N
    |~|null|Null|NULL|<<|=
    |[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*)""",
    re.VERBOSE,
)

#: First characters of the plain scalars either schema may resolve to a non-string (every
#: other plain scalar is a string in both): a fast path for the reader and the writer.
MAY_RESOLVE = frozenset("0123456789+-.~nNtTfFyYoO<=")


class NumberTooLong(ValueError):
    """A plain scalar that is a number literal longer than MAX_NUMBER_CHARS."""

    def __init__(self, chars: int) -> None:
        super().__init__(f"a number of {chars:,} characters")
        self.chars = chars


def resolve(value: str) -> Any:
    """A plain scalar by YAML 1.2's core schema. Raises NumberTooLong for an over-long number."""
    if value and value[0] not in MAY_RESOLVE:
        return value
    if NULL.fullmatch(value):
        return None
    if value in BOOL:
        return BOOL[value]
    if INT.fullmatch(value):
        _check_length(value)
        return int(value)
    if m := INT_BASE.fullmatch(value):
        _check_length(value)
        return int(m["oct"], 8) if m["oct"] else int(m["hex"], 16)
    if FLOAT.fullmatch(value):
        _check_length(value)
        return float(value)
    if INF.fullmatch(value):
        return float("-inf") if value[0] == "-" else float("inf")
    if NAN.fullmatch(value):
        return float("nan")
    return value


def _check_length(value: str) -> None:
    if len(value) > MAX_NUMBER_CHARS:
        raise NumberTooLong(len(value))


def _core_not_str(s: str) -> bool:
    return bool(NULL.fullmatch(s) or s in BOOL or INT.fullmatch(s) or INT_BASE.fullmatch(s) or FLOAT.fullmatch(s)
                or INF.fullmatch(s) or NAN.fullmatch(s))


def reads_as_string(s: str) -> bool:
    """Whether ``s``, written plain, reads back as the string ``s`` under both YAML 1.2 core
    (ipplan) and YAML 1.1 (PyYAML). Only resolution is judged here: indicators, ": ",
    " #" and line breaks are the writer's business."""
    if s and s[0] not in MAY_RESOLVE:
        return True
    return not _core_not_str(s) and not YAML11_NOT_STR.fullmatch(s)
