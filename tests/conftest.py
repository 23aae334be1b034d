"""Shared fixtures: a folder of articles mixed with every kind of unreadable input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .browser import browser  # noqa: F401  (one Chromium for the whole session)

ARTICLES = sorted(Path("fixtures/articles").glob("*.txt"))[:6]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i, path in enumerate(ARTICLES):
        shutil.copy(path, folder / ("sub" if i % 2 else "") / path.name)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (folder / "cp1258.txt").write_bytes(b"\xd0\xa3ng \xff\xfe")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": "Kế hoạch số 64-KH/ĐU ngày 05/11/2021"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "j2"}),
        json.dumps({"id": "j1", "text": "again"}),
    ]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    return folder
