"""The folded keys of the index (corpus/keys.py), from the case table fixtures/corpus/index/keys.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from party_reports.corpus.keys import fold, party_body, split_post

TABLE: dict[str, Any] = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "index" / "keys.toml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("text", "key"), [(t, g["key"]) for g in TABLE["same"] for t in g["texts"]], ids=lambda v: repr(v)
)
def test_spellings_of_one_name_fold_to_one_key(text: str, key: str) -> None:
    assert fold(text) == key
    assert fold(key) == key  # a key is its own key


@pytest.mark.parametrize(("a", "b"), TABLE["different"], ids=lambda v: v)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@pytest.mark.parametrize(("name", "body"), TABLE["bodies"].items(), ids=lambda v: v)
def test_party_body(name: str, body: str) -> None:
    assert party_body(name) == (body or None)


@pytest.mark.parametrize(("title", "post"), TABLE["posts"].items(), ids=lambda v: str(v))
def test_split_post(title: str, post: list[str]) -> None:
    assert split_post(title) == (tuple(post) if post else None)
