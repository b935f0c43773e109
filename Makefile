# Innovation Instrument Finder. `make help` lists the targets.
SHELL := /bin/bash
VENV  ?= .venv
PY    := $(VENV)/bin/python
PIP   := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export ANONYMIZED_TELEMETRY=False
export GRADIO_ANALYTICS_ENABLED=False

.PHONY: help install chromium postgresql ingest run test test-fast eval lint schema serve-chroma bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install everything (torch pinned to the CPU 2.13.0)

index/.built: $(STAMP)
	$(VENV)/bin/finder ingest
	touch index/.built

ingest: $(STAMP) ## embed the letter and the cards into Chroma (only what changed)
	$(VENV)/bin/finder ingest

run: $(STAMP) ## install, build the index if missing, serve the page and the API on 127.0.0.1:7860
	@test -f index/.built || $(MAKE) --no-print-directory index/.built
	$(VENV)/bin/finder serve

chromium: ## install the system Chromium the page tests drive (Debian's package; needs root)
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	  else echo "Chromium missing: run 'sudo apt-get install -y chromium' for the page tests"; fi; }

postgresql: ## install the PostgreSQL the feedback tests start (Debian's package; needs root)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL missing: run 'sudo apt-get install -y postgresql' for the feedback tests"; fi; }

test: $(STAMP) chromium postgresql ## install what the tests need (Chromium, PostgreSQL) and run them all
	$(PY) -m pytest -q

test-fast: $(STAMP) ## the tests that load no real model and start no server
	$(PY) -m pytest -q -m "not slow and not server"

eval: $(STAMP) ## the report set in every configuration, the blind sets, the conversation and ordinary sets; writes eval/results/
	$(VENV)/bin/finder eval --set eval/questions.jsonl --compare --report eval/results
	$(VENV)/bin/finder eval --set eval/holdout.jsonl --compare --json eval/results/holdout.json \
	  | tee eval/results/holdout.txt
	$(VENV)/bin/finder eval --set eval/guard.jsonl --json eval/results/guard.json \
	  | tee eval/results/guard.txt
	for set in conversations conversations-blind5 conversations-blind6 ordinary conversations-dev \
	    conversations-dev2 conversations-dev3 conversations-dev4 ordinary-dev \
	    hostile hostile-dev; do \
	  $(VENV)/bin/finder eval --set eval/$$set.jsonl --json eval/results/$$set.json \
	    | tee eval/results/$$set.txt; done

lint: $(STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy retrieval instruments assistant eval prompts app.py app_api.py app_downloads.py app_forms.py app_pool.py app_render.py app_texts.py \
		app_layout.py cli.py

schema: $(STAMP) ## regenerate instruments/card.schema.json from the card model
	$(PY) -c "from instruments.catalog import write_schema; write_schema()"

serve-chroma: $(STAMP) ## run a Chroma server on 127.0.0.1:8000 with its data in var/chroma
	$(VENV)/bin/chroma run --path var/chroma --host 127.0.0.1 --port 8000

bench: $(STAMP) ## measure retrieval quality and latency for every retriever
	$(PY) -m eval.bench_retrieval --set eval/questions.jsonl --out eval/results/retrieval.md

clean: ## remove the index and caches (keeps .venv)
	rm -rf index var/chroma .pytest_cache .mypy_cache .ruff_cache
