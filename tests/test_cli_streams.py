"""The CLI's own streams, run for real in a subprocess: standard input closed, standard
output closed, full (/dev/full) or a pipe whose reader has gone.  Each ends in one line on
standard error and a non-zero exit, never a traceback; a broken pipe is silent, exit 141."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from party_reports.streams import EXIT_BROKEN_PIPE

ARTICLE = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021 của Đảng ủy Khối; có 1.234 đảng viên.\n"
CLI = [sys.executable, "-m", "party_reports"]


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*CLI, *args], check=False, timeout=120, **kwargs)


def _closed(fd: int) -> Any:
    """A `preexec_fn` that closes `fd` in the child, as the shell's `<&-` / `>&-` do."""

    def close() -> None:
        os.close(fd)

    return close


def _one_line(done: subprocess.CompletedProcess[bytes], *words: str) -> None:
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("party-reports: "), err
    for word in words:
        assert word in err, err


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("streams") / "bai.txt"
    path.write_text(ARTICLE * 40, encoding="utf-8")
    return path


@pytest.fixture()
def broken_pipe() -> Iterator[int]:
    """The write end of a pipe whose read end is already closed (the reader has gone)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    yield write_end
    os.close(write_end)


def test_parse_with_stdin_closed() -> None:
    done = _run(["parse", "-"], stdin=None, stdout=subprocess.PIPE, preexec_fn=_closed(0))
    assert done.returncode == 2
    _one_line(done, "standard input is closed")


def test_parse_with_stdout_closed(article: Path) -> None:
    done = _run(["parse", str(article)], stdout=None, preexec_fn=_closed(1))
    assert done.returncode == 2
    _one_line(done, "standard output is closed")


def test_parse_to_a_full_device(article: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = _run(["parse", str(article)], stdout=full)
    assert done.returncode == 2
    _one_line(done, "cannot write standard output", "No space left")


def test_parse_into_a_broken_pipe_is_silent(article: Path, broken_pipe: int) -> None:
    done = _run(["parse", str(article)], stdout=broken_pipe)
    assert done.returncode == EXIT_BROKEN_PIPE
    assert done.stderr == b""


def test_parse_from_stdin_into_a_broken_pipe(broken_pipe: int) -> None:
    done = _run(["parse", "-"], stdin=None, input=ARTICLE.encode("utf-8"), stdout=broken_pipe)
    assert done.returncode == EXIT_BROKEN_PIPE
    assert done.stderr == b""


def test_head_c1_reads_one_byte(article: Path) -> None:
    # The shell case `party-reports parse FILE | head -c1`, with an output bigger than a pipe.
    big = article.with_name("big.txt")
    big.write_text(ARTICLE * 4000, encoding="utf-8")
    done = subprocess.run(
        f"{' '.join(CLI)} parse {big} | head -c1; echo \" $?\" \"${{PIPESTATUS[0]}}\"",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.stdout.decode().split() == ["{", "0", str(EXIT_BROKEN_PIPE)]
    assert done.stderr == b""


def test_batch_from_closed_stdin(tmp_path: Path) -> None:
    done = _run(["batch", "-", "-o", str(tmp_path / "out"), "--no-progress"], stdin=None, preexec_fn=_closed(0))
    assert done.returncode == 2
    _one_line(done, "standard input is closed")


def test_show_from_closed_stdin(tmp_path: Path) -> None:
    done = _run(["show", "-", "-o", str(tmp_path / "a.html")], stdin=None, preexec_fn=_closed(0))
    assert done.returncode == 2
    _one_line(done, "standard input is closed")
    assert not (tmp_path / "a.html").exists()


def test_evaluate_into_full_and_broken_outputs(broken_pipe: int) -> None:
    folder = str(Path(__file__).parent.parent / "fixtures" / "articles")
    with open("/dev/full", "wb") as full:
        done = _run(["evaluate", folder], stdout=full)
    assert done.returncode == 2
    _one_line(done, "No space left")
    assert _run(["evaluate", folder], stdout=broken_pipe).returncode == EXIT_BROKEN_PIPE


def test_query_into_closed_full_and_broken_outputs(tmp_path: Path, broken_pipe: int) -> None:
    pytest.importorskip("duckdb")
    import duckdb

    db = tmp_path / "corpus.duckdb"
    duckdb.connect(str(db)).close()
    sql = "SELECT range AS n FROM range(50000)"
    done = _run(["query", str(db), sql], stdout=None, preexec_fn=_closed(1))
    assert done.returncode == 2, done.stderr
    _one_line(done, "standard output is closed")
    with open("/dev/full", "wb") as full:
        done = _run(["query", str(db), sql, "--format", "csv"], stdout=full)
    assert done.returncode == 2
    _one_line(done, "No space left")
    done = _run(["query", str(db), sql, "--format", "json"], stdout=broken_pipe)
    assert (done.returncode, done.stderr) == (EXIT_BROKEN_PIPE, b"")
