"""The fuzz target's stand-in in the normal suite: Hypothesis draws mutations of windows
of the composed fixtures (tests/fuzz/mutate.py) and every input must pass the checks of
tests/fuzz/checks.py, bar the time bound (the long campaign, `make fuzz`, checks that;
timing a few thousand small inputs on a shared machine would only be noise)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzz.checks import check
from .fuzz.mutate import OPS, Op, fixtures, mutant

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3000"))

OP = st.tuples(st.sampled_from(OPS), st.integers(0, 2**20), st.integers(0, 2**16))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    base=st.integers(0, len(fixtures()) - 1),
    start=st.integers(0, 2**16),
    length=st.integers(1, 1500),
    ops=st.lists(OP, max_size=6),
)
def test_mutated_fixtures_pass_every_check(base: int, start: int, length: int, ops: list[Op]) -> None:
    text = mutant(base, start, length, ops)
    outcome = check(text)
    assert not outcome.failures, (outcome.failures, (base, start, length, ops))


def test_the_mutations_cover_every_op() -> None:
    text = fixtures()[0]
    for name in OPS:
        for a, b in ((0, 0), (17, 4000), (2**20, 2**16)):
            mutated = mutant(0, 0, 0, [(name, a, b)])
            assert isinstance(mutated, str)
    assert mutant(0, 0, 0, []) == text
    assert "\u2009" * 100 in mutant(0, 0, 0, [("space_run", 4, 99)])
