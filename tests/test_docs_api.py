"""docs/api.md shows every public function in an example (pytest runs the examples).

Functions of the corpus layer (`party_reports.corpus.*`, e.g. ``parse_many``) are
documented in docs/corpus.md instead.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import party_reports

API_DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def _functions() -> list[str]:
    names = []
    for name in party_reports.__all__:
        value = getattr(party_reports, name)
        if inspect.isfunction(value) and not value.__module__.startswith("party_reports.corpus"):
            names.append(name)
    return names


def test_every_public_function_has_a_running_example() -> None:
    lines = API_DOC.read_text(encoding="utf-8").splitlines()
    calls = "\n".join(line for line in lines if line.lstrip().startswith((">>>", "...")))
    assert len(_functions()) >= 10
    missing = [name for name in _functions() if f"party_reports.{name}(" not in calls]
    assert missing == [], f"no example in docs/api.md calls {missing}"


def test_every_public_function_is_in_the_table() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    assert [name for name in _functions() if f"| `{name}(" not in text] == []
