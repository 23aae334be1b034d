"""Writing a finished HTML page for the `show` and `report` commands."""

from __future__ import annotations

import sys
from pathlib import Path


def write_page(out: Path, page: str) -> int:
    """Write `page` to `out` whole (through `OUT.part`, renamed when done); the exit status.

    A failed write leaves neither a half page nor the `.part` file, and says why in one line.
    """
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        print(f"party-reports: {out}: cannot write ({exc.strerror})", file=sys.stderr)
        return 2
    print(f"party-reports: wrote {out} ({len(page.encode('utf-8')) // 1024} KiB)", file=sys.stderr)
    return 0
