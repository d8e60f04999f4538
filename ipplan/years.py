"""The years a plan may name, around its period: one home for the parser, which keeps its
plans inside them (``ipplan.api``, stage "years"), and ``ipplan validate`` (rule P110), which
checks them. A leaf module: it imports nothing of ipplan."""

from __future__ import annotations

#: Years a target or milestone may name: this far before the period's start / after its end.
TARGET_YEARS_AROUND_PERIOD = (5, 35)  # long-range goals: a 2016–2020 plan may name 到2050年
#: Years the plan may be issued in: this far before the period's start / after its end.
ISSUE_YEARS_AROUND_PERIOD = (2, 1)
#: Any year at all (a plan without a period is checked against this only).
ABSOLUTE_YEARS = (1949, 2100)


def year_window(period: tuple[int, int] | None, around: tuple[int, int]) -> tuple[int, int, str]:
    """(first year, last year, what they are measured from) for a plan of ``period``.

    >>> year_window((2021, 2025), TARGET_YEARS_AROUND_PERIOD)
    (2016, 2060, 'the plan period 2021–2025')
    >>> year_window(None, ISSUE_YEARS_AROUND_PERIOD)
    (1949, 2100, 'a plan without a period')
    """
    lo, hi = ABSOLUTE_YEARS
    if period is None:
        return lo, hi, "a plan without a period"
    return max(lo, period[0] - around[0]), min(hi, period[1] + around[1]), f"the plan period {period[0]}–{period[1]}"
