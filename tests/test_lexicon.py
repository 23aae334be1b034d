"""Every lexicon table: valid TOML, NFC throughout, rows under [[entry]]."""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources
from typing import Any

import pytest
from pydantic import BaseModel

from party_reports.lexicon import LexiconError, load

TABLES = sorted(p.name for p in resources.files("party_reports.lexicon").iterdir() if p.name.endswith(".toml"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", TABLES)
def test_table_is_nfc_with_entries(name: str) -> None:
    data = tomllib.loads(resources.files("party_reports.lexicon").joinpath(name).read_text(encoding="utf-8"))
    assert data.get("entry"), f"{name} has no [[entry]] rows"
    for s in _strings(data):
        assert unicodedata.is_normalized("NFC", s), f"{name}: {s!r} is not NFC"


def test_unknown_table_is_a_clear_error() -> None:
    class Row(BaseModel):
        word: str

    with pytest.raises(LexiconError, match="no lexicon table"):
        load("no_such_table", Row)
