"""Table writers: CSV (UTF-8 with a BOM, so spreadsheets read Vietnamese right) and Parquet.

Each writer writes to `NAME.ext.part` and renames to `NAME.ext` only in `close()`, so a run
stopped half-way never leaves a half-written table under its real name.  Parquet goes
through `pyarrow` (the `corpus` extra), in row groups of `CHUNK` rows, so memory stays
flat however many articles pass.
"""

from __future__ import annotations

import csv
import operator
import os
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from .tables import COLUMNS, ColumnType, Row

CHUNK = 5000
FORMATS = ("jsonl", "csv", "parquet")


class TableWriter(Protocol):
    def write(self, row: Row) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


def _csv_cell(kind: ColumnType, value: Any) -> Any:
    if kind == "list":
        return "; ".join(value)
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# The csv module writes None as an empty cell and str, int and float as they are, so
# only list, date and bool columns need `_csv_cell`.
_CELL_KINDS = frozenset({"list", "date", "bool"})


class CsvWriter:
    """One CSV table: a header row, then one line per row; lists joined with '; '."""

    def __init__(self, path: Path, table: str, *, bom: bool = True) -> None:
        self.path, self.columns = path, COLUMNS[table]
        self._tmp = path.with_name(path.name + ".part")
        self._file = self._tmp.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="")
        self._csv = csv.writer(self._file)
        self._csv.writerow([name for name, _ in self.columns])
        self._cells = operator.itemgetter(*(name for name, _ in self.columns))
        self._fix = [(i, kind) for i, (_, kind) in enumerate(self.columns) if kind in _CELL_KINDS]

    def write(self, row: Row) -> None:
        cells = list(self._cells(row))
        for i, kind in self._fix:
            cells[i] = _csv_cell(kind, cells[i])
        self._csv.writerow(cells)

    def close(self) -> None:
        self._file.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._file.close()
        self._tmp.unlink(missing_ok=True)


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table, from `COLUMNS`."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


class ParquetWriter:
    """One Parquet table written in row groups of `CHUNK` rows (an empty table keeps its schema)."""

    def __init__(self, path: Path, table: str) -> None:
        import pyarrow.parquet as pq

        self.path, self.table = path, table
        self.schema = arrow_schema(table)
        self._tmp = path.with_name(path.name + ".part")
        self._writer = pq.ParquetWriter(self._tmp, self.schema)
        self._rows: list[Row] = []

    def write(self, row: Row) -> None:
        self._rows.append(row)
        if len(self._rows) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)


def require_pyarrow() -> None:
    """Raise a clear error naming the extra when pyarrow is missing."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise RuntimeError("Parquet output needs pyarrow: pip install 'party_reports[corpus]'") from None


def open_writers(
    out_dir: Path, formats: set[str], *, bom: bool = True, part: int | None = None
) -> dict[str, list[TableWriter]]:
    """A writer per table and table format (CSV and/or Parquet) under `out_dir`.

    With `part`, each table is one partition file, `out_dir/NAME/part-NNNNN.ext`, the
    layout the Dask engine writes and `read_parquet('OUT/NAME/*.parquet')` reads.
    """
    writers: dict[str, list[TableWriter]] = {table: [] for table in COLUMNS}
    for table in COLUMNS:
        for ext in ("csv", "parquet"):
            if ext not in formats:
                continue
            path = out_dir / f"{table}.{ext}"
            if part is not None:
                path = out_dir / table / part_name(part, ext)
                path.parent.mkdir(parents=True, exist_ok=True)
            if ext == "csv":
                writers[table].append(CsvWriter(path, table, bom=bom))
            else:
                writers[table].append(ParquetWriter(path, table))
    return writers


def part_name(part: int, ext: str) -> str:
    """The file name of partition `part` (zero-padded, so names sort in run order)."""
    return f"part-{part:05d}.{ext}"
