from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_TEXTS = sorted(SAMPLES.glob("*.txt"))


def pytest_configure(config: pytest.Config) -> None:
    """The tests' compiled patterns (ipplan/patterncache.py) in a folder of their own, not the
    user's cache; the CLI processes they start inherit it."""
    if "IPPLAN_CACHE_DIR" not in os.environ:
        os.environ["IPPLAN_CACHE_DIR"] = config._ipplan_cache = tempfile.mkdtemp(prefix="ipplan-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if getattr(config, "_ipplan_cache", None):
        shutil.rmtree(config._ipplan_cache, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="print the diff of golden files instead of failing (never rewrites them)")


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
