# rollcall — `make run` serves, `make test` tests; both set up what they need first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= $(or $(ROLLCALL_DB),var/gazetteer.db)
HOST ?= $(or $(ROLLCALL_HOST),127.0.0.1)
PORT ?= $(or $(ROLLCALL_PORT),50051)
HTTP_PORT ?= $(or $(ROLLCALL_HTTP_PORT),8080)

SHARED ?= ../shared

.PHONY: help setup sysdeps run test typecheck build eval fit bench fuzz load proto proto-check clean

help:
	@echo "make run        set up, build the curated gazetteer into $(DB), serve gRPC on $(HOST):$(PORT), HTTP on $(HTTP_PORT)"
	@echo "make test       set up and run the test suite (with the type check)"
	@echo "make setup      create .venv and install rollcall with its dependencies"
	@echo "make build      (re)build the curated gazetteer into $(DB), keeping its Popolo imports"
	@echo "make eval       accuracy/calibration/speed table on $(SHARED)/eval (predictions in var/eval/)"
	@echo "make fit        refit the matcher's parameters (resolvers/params.json) on the dev names"
	@echo "make bench      latency, throughput, memory and cold start on this machine (15-20 min)"
	@echo "make fuzz       10,000 hostile inputs through a real server, over gRPC and over HTTP"
	@echo "make load       8 clients for 60 s while the gazetteer is swapped every 10 s"
	@echo "make typecheck  mypy over the three packages"
	@echo "make proto      regenerate service/_pb from proto/ (proto-check: fail if stale)"
	@echo "make clean      remove .venv, var/ and caches"

# PyICU compiles against the system ICU (headers, pkg-config), and rollcall's scoring loop
# is C (resolvers/_fastscore.c): both need a C/C++ compiler and the Python headers.
PYTHON_H := $(shell $(PYTHON) -c "import os, sysconfig; print(int(os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))))" 2>/dev/null)
sysdeps:
	@if ! pkg-config --exists icu-uc 2>/dev/null || ! command -v g++ >/dev/null || [ "$(PYTHON_H)" != 1 ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing ICU headers, pkg-config, a C/C++ compiler and the Python headers (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config gcc g++ python3-dev; \
	  else \
	    echo "rollcall needs the ICU headers, pkg-config, a C/C++ compiler and the Python headers. Run:"; \
	    echo "  sudo apt-get install -y libicu-dev pkg-config gcc g++ python3-dev"; \
	    exit 1; \
	  fi; \
	fi

# setuptools warns that ext-modules in pyproject.toml are experimental (they are how the C
# modules are declared without a setup.py) and that an install is editable: both known.
QUIET_SETUPTOOLS := ignore:`[tool.setuptools.ext-modules]`,ignore:Editable installation

$(BIN)/rollcall: pyproject.toml $(wildcard resolvers/*.c resolvers/*.h) | sysdeps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	PYTHONWARNINGS='$(QUIET_SETUPTOOLS)' $(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/rollcall

build: setup
	$(BIN)/rollcall gazetteer build --db $(DB)

run: build
	exec $(BIN)/rollcall serve --db $(DB) --host $(HOST) --port $(PORT) --http-port $(HTTP_PORT)

# mypy reads the folders under their installed names (rollcall.resolvers, ...) through a
# tree of links in var/, as it cannot follow the editable install's name mapping.
typecheck: setup
	mkdir -p var/typecheck/rollcall
	for p in resolvers gazetteer service; do ln -sfn $(CURDIR)/$$p var/typecheck/rollcall/$$p; done
	cd var/typecheck && $(CURDIR)/$(BIN)/mypy --config-file $(CURDIR)/pyproject.toml \
	  -p rollcall.resolvers -p rollcall.gazetteer -p rollcall.service

test: setup typecheck
	$(BIN)/python -m pytest -q

# Cross-script name matching and article attendees on the shared dev sets (../shared/eval/README.md).
eval: build
	$(BIN)/rollcall eval --names $(SHARED)/eval/names-dev.jsonl \
	  --gazetteer $(SHARED)/data/everypolitician-2015/gazetteer.popolo.json \
	  --predictions var/eval/names-dev.predictions.jsonl --nobody-on $(DB) \
	  --news-names service/lab/data/rare-script-names.jsonl \
	  --attendees $(SHARED)/eval/attendees-dev.jsonl --seeds $(SHARED)/seeds \
	  --articles $(SHARED)/eval/articles-dev.jsonl --scorer $(SHARED)/eval/score_attendees.py \
	  --article-predictions var/eval --db $(DB)

# Speed and memory on this machine (a benchmark, not a test).
bench: setup
	$(BIN)/rollcall bench --shared $(SHARED)

# 10,000 hostile inputs through a real server's gRPC API (never INTERNAL, never a crash), and
# 10,000 through its Reconciliation API (never a 500).
fuzz: build
	@set -e; $(BIN)/rollcall serve --db $(DB) --port 50999 --http-port 50998 2> var/fuzz-server.log & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 3; $(BIN)/python -m rollcall.service.lab.fuzz 127.0.0.1:50999 10000 1; \
	  $(BIN)/python -m rollcall.service.lab.fuzz_http 127.0.0.1 50998 10000 1

# 8 concurrent clients for 60 s mixing the three calls, while the served gazetteer is
# replaced every 10 s (the server re-reads it); fails on any error or any non-atomic switch.
load: build
	@set -e; cp $(DB) var/load.db; \
	  ROLLCALL_RELOAD_INTERVAL=1 $(BIN)/rollcall serve --db var/load.db --port 50998 --http-port 0 2> var/load-server.log & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 3; \
	  $(BIN)/python -m rollcall.service.lab.load 127.0.0.1:50998 8 60 $(SHARED)/seeds/002_e7706126799bb1c7.txt \
	    --swap-db var/load.db --swap-every 10; \
	  echo "server: $$(grep -c reloaded var/load-server.log) reloads logged"

# Refit resolvers/params.json on the dev set (person-grouped cross-validation); the made-up
# names are matched against the curated gazetteer too, whose few people leave a weak match
# with no close runner-up.
fit: build
	$(BIN)/rollcall fit --names $(SHARED)/eval/names-dev.jsonl \
	  --gazetteer $(SHARED)/data/everypolitician-2015/gazetteer.popolo.json --nobody-on $(DB)

# The generated modules live in service/_pb and import each other as rollcall.service._pb...
# (the installed name): protoc writes them under that path in var/, then they are moved.
proto: setup
	rm -rf var/proto && mkdir -p var/proto
	$(BIN)/python -m grpc_tools.protoc -Irollcall/service/_pb=proto --python_out=var/proto \
	  --grpc_python_out=var/proto --pyi_out=var/proto proto/rollcall/v1/rollcall.proto
	cp var/proto/rollcall/service/_pb/rollcall/v1/*.py* service/_pb/rollcall/v1/

proto-check: proto
	git diff --exit-code -- service/_pb

clean:
	rm -rf $(VENV) var .pytest_cache
