"""The README's set-up commands stay true: CI runs exactly its test command."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = text.split("```sh\n")[1:3]
    return [b.split("```")[0].strip() for b in blocks]


def test_ci_runs_the_readme_test_command() -> None:
    install_and_parse, test = _commands()
    assert "ipplan parse samples/" in install_and_parse
    assert "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert ci[-1] == test


def test_the_readme_sample_exists() -> None:
    install_and_parse, _ = _commands()
    assert (ROOT / install_and_parse.split()[-1]).exists()
