"""docs/api.md shows every public function in an example (pytest runs the examples)."""

from __future__ import annotations

import inspect
from pathlib import Path

import party_reports

API_DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def test_every_public_function_has_a_running_example() -> None:
    lines = API_DOC.read_text(encoding="utf-8").splitlines()
    calls = "\n".join(line for line in lines if line.lstrip().startswith((">>>", "...")))
    functions = [name for name in party_reports.__all__ if inspect.isfunction(getattr(party_reports, name))]
    assert len(functions) >= 10
    missing = [name for name in functions if f"party_reports.{name}(" not in calls]
    assert missing == [], f"no example in docs/api.md calls {missing}"


def test_every_public_function_is_in_the_table() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    for name in party_reports.__all__:
        if inspect.isfunction(getattr(party_reports, name)):
            assert f"| `{name}(" in text, name
