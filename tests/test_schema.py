"""The shipped JSON Schema is current, and reports validate against the contract's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import party_reports
from party_reports import Report

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"


def test_shipped_schema_is_current() -> None:
    shipped = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert shipped == Report.model_json_schema(), "run `make schema` and commit docs/report.schema.json"


def test_contract_fields_present() -> None:
    props = Report.model_json_schema()["properties"]
    for key in ("metadata", "dates", "documents", "officials", "quotas", "counts", "organisations", "findings"):
        assert key in props
    defs = Report.model_json_schema()["$defs"]
    assert {"title", "category", "published_at", "view_count", "authors"} <= set(defs["Metadata"]["properties"])
    assert {"text", "start", "end", "value", "granularity"} <= set(defs["DateMention"]["properties"])
    assert {"kind", "number"} <= set(defs["DocumentRef"]["properties"])
    assert {"name", "titles"} <= set(defs["Official"]["properties"])
    assert {"achieved", "target", "stated_percent", "computed_percent", "unit"} <= set(defs["Quota"]["properties"])
    assert {"value", "unit"} <= set(defs["Count"]["properties"])
    assert {"name", "level"} <= set(defs["Organisation"]["properties"])
    assert {"code", "severity", "message", "spans"} <= set(defs["Finding"]["properties"])


def test_report_json_round_trips() -> None:
    text = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021"
    report = party_reports.parse(text)
    again = Report.model_validate_json(report.model_dump_json(), context={"source": text})
    assert again == report


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside this clone")
def test_seed_reports_validate_against_the_shipped_schema() -> None:
    """Each seed's report, as JSON, has the shipped schema's top-level shape and validates back."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        data = json.loads(party_reports.parse(text).model_dump_json())
        assert set(data) == set(schema["properties"]), path.name
        assert set(schema.get("required", [])) <= set(data)
        Report.model_validate(data, context={"source": text})
