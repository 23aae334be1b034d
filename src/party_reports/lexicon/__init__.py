"""Word tables as TOML data files, loaded once and validated.

Each table is ``lexicon/<name>.toml`` holding ``[[entry]]`` rows.  The extractor that
reads a table defines its row model (a Pydantic model), so the schema sits beside the
code that relies on it::

    class KindRow(BaseModel):
        word: str
        code: str | None = None

    KINDS = load("document_kinds", KindRow)

Strings are checked to be NFC; duplicate keys (the row's first field) are rejected.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel

Row = TypeVar("Row", bound=BaseModel)


class LexiconError(ValueError):
    """A lexicon table is malformed: bad schema, non-NFC text or a duplicate key."""


@cache
def raw(name: str) -> dict[str, Any]:
    """The parsed TOML of ``lexicon/<name>.toml``."""
    path = resources.files(__package__).joinpath(f"{name}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"no lexicon table named {name!r}") from exc


def _check_nfc(name: str, value: Any) -> None:
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            raise LexiconError(f"{name}: {value!r} is not NFC")
    elif isinstance(value, list):
        for item in value:
            _check_nfc(name, item)
    elif isinstance(value, dict):
        for item in value.values():
            _check_nfc(name, item)


@cache
def _load(name: str, model: type[BaseModel]) -> tuple[BaseModel, ...]:
    rows = raw(name).get("entry", [])
    _check_nfc(name, rows)
    try:
        parsed = tuple(model.model_validate(row) for row in rows)
    except ValueError as exc:
        raise LexiconError(f"{name}: {exc}") from exc
    key = next(iter(model.model_fields), None)
    if key is not None:
        seen: set[Any] = set()
        for row in parsed:
            value = getattr(row, key)
            if value in seen:
                raise LexiconError(f"{name}: duplicate {key} {value!r}")
            seen.add(value)
    return parsed


def load(name: str, model: type[Row]) -> tuple[Row, ...]:
    """The rows of ``lexicon/<name>.toml`` validated as `model`, cached."""
    return _load(name, model)  # type: ignore[return-value]
