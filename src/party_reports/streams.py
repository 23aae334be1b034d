"""The command line's own standard streams, read and written so that they fail in one line.

Standard input or output may be closed (``<&-``, ``>&-``: Python then has ``None`` for
them), full (``>/dev/full``) or a pipe whose reader has gone (``| head -c1``).  Reading
and writing go through `read_stdin`, `stdin_bytes` and `write_stdout`, which turn each of
these into a `StreamError` (a one-line message; `cli.main` prints it and exits 2) or a
`BrokenPipe` (`cli.main` exits `EXIT_BROKEN_PIPE` and prints nothing, as Unix tools do).
"""

from __future__ import annotations

import os
import sys
from typing import IO

# 128 + SIGPIPE (13): the status a shell shows for a Unix tool that a broken pipe ended.
EXIT_BROKEN_PIPE = 141


class StreamError(Exception):
    """Standard input or output cannot be used; the message is one line."""


class BrokenPipe(Exception):
    """The reader of standard output has gone: stop quietly."""


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def stdin_bytes() -> IO[bytes]:
    """Standard input as a byte stream, or `StreamError` when it is closed."""
    stream = sys.stdin
    if stream is None:
        raise StreamError("standard input is closed")
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    if buffer is None:
        raise StreamError("standard input is not a byte stream")
    return buffer


def read_stdin() -> bytes:
    """All of standard input, or `StreamError` saying why it cannot be read."""
    buffer = stdin_bytes()
    try:
        return buffer.read()
    except OSError as exc:
        raise StreamError(f"cannot read standard input ({_reason(exc)})") from None
    except ValueError:  # a stream Python has already closed
        raise StreamError("standard input is closed") from None


def write_stdout(text: str) -> None:
    """Write `text` as UTF-8 to standard output whatever the locale says (JSON is UTF-8).

    A closed, full or unwritable output is a `StreamError`; a broken pipe is `BrokenPipe`.
    A partial write (a pipe's reader that leaves after a few bytes) is continued, so the
    rest of the text is written or its failure is seen.
    """
    stream = sys.stdout
    if stream is None:
        raise StreamError("standard output is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # replaced by a text-only stream (tests)
            stream.write(text)
            stream.flush()
            return
        stream.flush()
        data = memoryview(text.encode("utf-8", errors="replace"))
        while data:  # a big write into a pipe can be partial, and the rest is not an error
            written = buffer.write(data)
            data = data[len(data) if written is None else written :]
        buffer.flush()
    except BrokenPipeError:
        raise BrokenPipe from None
    except OSError as exc:
        raise StreamError(f"cannot write standard output ({_reason(exc)})") from None
    except ValueError:  # a stream Python has already closed
        raise StreamError("standard output is closed") from None


def discard_stdout() -> None:
    """Point standard output at /dev/null so that the interpreter's last flush of a broken
    or full stream does not print an "Exception ignored" message on the way out."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    except OSError:
        pass
    finally:
        os.close(devnull)
