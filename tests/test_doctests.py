import doctest

import pytest

from ipplan import years
from ipplan.parse import brackets, datafile, dates, header, indicators, numerals, rules
from ipplan.parse.vocab import places
from ipplan.views import rows


@pytest.mark.parametrize("module", [numerals, dates, brackets, indicators, header, years, rules, places, rows,
                                    datafile],
                         ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
