import doctest

import pytest

from ipplan.parse import brackets, datafile, dates, indicators, numerals


@pytest.mark.parametrize("module", [numerals, dates, brackets, indicators, datafile], ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
