# Two commands do all the set-up: `make demo` and `make test` (README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow fuzz bench evaluate schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

DEMO := demo
SAMPLE := fixtures/corpus/index

# The main job on a sample: a folder of articles -> tables -> corpus.duckdb -> answers.
demo: $(STAMP)
	$(BIN)/party-reports batch $(SAMPLE) -o $(DEMO)/out --format jsonl,csv,parquet --no-progress
	$(BIN)/party-reports index $(DEMO)/out --db $(DEMO)/corpus.duckdb
	@echo "== every post held by Hoàng Văn Toàn, in order"
	$(BIN)/party-reports query $(DEMO)/corpus.duckdb "SELECT seen_on, title, article_id FROM person_titles WHERE person_key = 'hoàng văn toàn' ORDER BY seen_on, title"
	@echo "== the five most cited documents"
	$(BIN)/party-reports query $(DEMO)/corpus.duckdb "SELECT document_key, n_articles, first_seen, last_seen FROM cited_documents ORDER BY n_articles DESC, document_key LIMIT 5"
	@echo "== contradictions across articles"
	$(BIN)/party-reports query $(DEMO)/corpus.duckdb "SELECT code, message FROM corpus_findings ORDER BY code"
	$(BIN)/party-reports report $(DEMO)/corpus.duckdb -o $(DEMO)/corpus.html
	$(BIN)/party-reports show fixtures/articles/sample.txt -o $(DEMO)/sample.html
	@echo "tables: $(DEMO)/out/*.csv and *.parquet; database: $(DEMO)/corpus.duckdb"
	@echo "pages: $(DEMO)/corpus.html (the corpus), $(DEMO)/sample.html (one article, every span marked)"

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy --strict
	$(BIN)/pytest

# Only the tests marked slow (30 s or more each: a 20 MiB input under the default budget);
# `make test` runs them too.
test-slow: $(STAMP)
	$(BIN)/pytest -m slow

# The long fuzz campaign on two processes (tests/fuzz/campaign.py, benchmarks/README.md):
# `make fuzz N=1000000`; MINUTES=20 stops it after that long.
N ?= 100000
MINUTES ?=
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.campaign --n $(N) --jobs 2 $(if $(MINUTES),--minutes $(MINUTES)) --out fuzz-summary.json

evaluate: $(STAMP)
	$(BIN)/party-reports evaluate fixtures/articles

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus.py

schema: $(STAMP)
	$(BIN)/python -c "import json, party_reports; print(json.dumps(party_reports.Report.model_json_schema(), ensure_ascii=False, indent=2))" > docs/report.schema.json

clean:
	rm -rf $(DEMO) $(VENV) .mypy_cache .pytest_cache .ruff_cache
