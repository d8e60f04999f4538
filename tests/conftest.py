from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_TEXTS = sorted(SAMPLES.glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="print the diff of golden files instead of failing (never rewrites them)")


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
