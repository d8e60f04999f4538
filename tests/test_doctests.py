import doctest

import pytest

from ipplan.parse import brackets, dates, indicators, numerals


@pytest.mark.parametrize("module", [numerals, dates, brackets, indicators], ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
