import doctest

import pytest

from ipplan.parse import brackets, dates, indicators, numerals
from ipplan.parse.vocab import places
from ipplan.views import rows


@pytest.mark.parametrize("module", [numerals, dates, brackets, indicators, places, rows], ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
