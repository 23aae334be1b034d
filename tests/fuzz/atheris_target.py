"""The atheris entry point (coverage-guided; atheris is optional and not installed by
default): ``pip install atheris`` then ``python -m tests.fuzz.atheris_target [-runs=N]
[corpus_dir]`` (libFuzzer's flags).  The bytes atheris mutates pick a fixture, a window
and the ops of tests/fuzz/mutate.py, so coverage guidance steers the same mutations the
campaign draws at random; a failing input raises and libFuzzer saves it."""

from __future__ import annotations

import importlib
import sys
from typing import Any

from .checks import check
from .mutate import OPS, Op, fixtures, mutant


def recipe(fdp: Any) -> tuple[int, int, int, list[Op]]:
    """A fixture, a window and ops from atheris's `FuzzedDataProvider`."""
    base = fdp.ConsumeIntInRange(0, len(fixtures()) - 1)
    start = fdp.ConsumeIntInRange(0, 2**16)
    length = fdp.ConsumeIntInRange(0, 3000)
    ops: list[Op] = []
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        name = OPS[fdp.ConsumeIntInRange(0, len(OPS) - 1)]
        ops.append((name, fdp.ConsumeIntInRange(0, 2**20), fdp.ConsumeIntInRange(0, 2**16)))
    return base, start, length, ops


def main() -> None:
    """Run atheris on `check` (the time bound left to the campaign: coverage runs are slow)."""
    atheris = importlib.import_module("atheris")

    def test_one_input(data: bytes) -> None:
        found = recipe(atheris.FuzzedDataProvider(data))
        outcome = check(mutant(*found))
        if outcome.failures:
            raise AssertionError(f"{outcome.failures} replay: {list(found)}")

    with atheris.instrument_imports():
        importlib.import_module("party_reports")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
