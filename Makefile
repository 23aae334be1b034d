# Two commands do all the set-up: `make demo` and `make test` (README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench evaluate schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/party-reports parse fixtures/articles/sample.txt

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy --strict
	$(BIN)/pytest

evaluate: $(STAMP)
	$(BIN)/party-reports evaluate fixtures/articles

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus.py

schema: $(STAMP)
	$(BIN)/python -c "import json, party_reports; print(json.dumps(party_reports.Report.model_json_schema(), ensure_ascii=False, indent=2))" > docs/report.schema.json

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
