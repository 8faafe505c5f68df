# rollcall — `make run` serves, `make test` tests; both set up what they need first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= $(or $(ROLLCALL_DB),var/gazetteer.db)
HOST ?= 127.0.0.1
PORT ?= 50051

SHARED ?= ../shared

.PHONY: help setup sysdeps run test build eval fit bench fuzz load proto proto-check clean

help:
	@echo "make run    set up, build the curated gazetteer into $(DB), serve gRPC on $(HOST):$(PORT)"
	@echo "make test   set up and run the test suite"
	@echo "make build  (re)build the curated gazetteer into $(DB)"
	@echo "make eval   accuracy/calibration/speed table on ../shared/eval (predictions in var/eval/)"
	@echo "make bench  latency, throughput, memory and cold start on this machine"
	@echo "make proto  regenerate service/_pb from proto/ (proto-check: fail if stale)"

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

$(BIN)/rollcall: pyproject.toml $(wildcard resolvers/*.c) | sysdeps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/rollcall

build: setup
	$(BIN)/rollcall gazetteer build --db $(DB)

run: build
	exec $(BIN)/rollcall serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/mypy resolvers gazetteer service
	$(BIN)/python -m pytest -q

# Cross-script name matching on the shared dev set (see ../shared/eval/README.md).
eval: build
	$(BIN)/rollcall eval --names $(SHARED)/eval/names-dev.jsonl \
	  --gazetteer $(SHARED)/data/everypolitician-2015/gazetteer.popolo.json \
	  --predictions var/eval/names-dev.predictions.jsonl \
	  --attendees $(SHARED)/eval/attendees-dev.jsonl --seeds $(SHARED)/seeds --db $(DB)

# Speed and memory on this machine (a benchmark, not a test).
bench: setup
	$(BIN)/rollcall bench --shared $(SHARED)

# 10,000 hostile inputs through a real server on a free port (never INTERNAL, never a crash).
fuzz: build
	@set -e; $(BIN)/rollcall serve --db $(DB) --port 50999 2> var/fuzz-server.log & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 3; $(BIN)/python -m service.fuzz 127.0.0.1:50999 10000 1

# 8 concurrent clients for 60 s mixing the three calls, while the served gazetteer is
# replaced every 10 s (the server re-reads it); fails on any error or any non-atomic switch.
load: build
	@set -e; cp $(DB) var/load.db; \
	  ROLLCALL_RELOAD_INTERVAL=1 $(BIN)/rollcall serve --db var/load.db --port 50998 2> var/load-server.log & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 3; \
	  $(BIN)/python -m service.load 127.0.0.1:50998 8 60 $(SHARED)/seeds/002_e7706126799bb1c7.txt \
	    --swap-db var/load.db --swap-every 10; \
	  echo "server: $$(grep -c reloaded var/load-server.log) reloads logged"

# Refit resolvers/params.json on the dev set (person-grouped cross-validation).
fit: setup
	$(BIN)/rollcall fit --names $(SHARED)/eval/names-dev.jsonl \
	  --gazetteer $(SHARED)/data/everypolitician-2015/gazetteer.popolo.json

proto: setup
	$(BIN)/python -m grpc_tools.protoc -Iservice/_pb=proto --python_out=. \
	  --grpc_python_out=. --pyi_out=. proto/rollcall/v1/rollcall.proto

proto-check: proto
	git diff --exit-code -- service/_pb

clean:
	rm -rf $(VENV) var .pytest_cache
