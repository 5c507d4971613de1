# masweep — `make test` and `make <scenario>-<figure>` work on a fresh Debian machine with the Swift
# toolchain: both install the native libraries they need first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
DEBIAN_PACKAGES := libopenblas-dev liblapacke-dev libglpk-dev gnuplot-nox
RELEASE_BIN := .build/release/masweep
EXPERIMENTS := $(sort $(wildcard experiments/*/*.yaml))
# experiments/ee/fig4.yaml → ee-fig4
FIGURES := $(foreach f,$(EXPERIMENTS),$(notdir $(patsubst %/,%,$(dir $(f))))-$(basename $(notdir $(f))))
# Parallelism belongs to the sweep scheduler. BLAS is pinned to one thread by the LinearAlgebra module
# itself (first call in any process), so nothing here depends on OPENBLAS_NUM_THREADS.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help deps build test test-slurm bench figs list clean $(FIGURES)

help:
	@echo "make test          install missing Debian packages, build, run all tests"
	@echo "make <figure>      reproduce one figure, e.g. make ee-fig4 (targets: make list)"
	@echo "make figs          reproduce every figure"
	@echo "make test-slurm    sharded run on a real one-node Slurm cluster (installs slurm-wlm, munge)"
	@echo "make bench         release benchmarks with side-by-side ratios"
	@echo "make build         release build of bin masweep ($(RELEASE_BIN))"
	@echo "make deps          apt-get install what is missing of: $(DEBIAN_PACKAGES)"

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product masweep

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Measurements side by side in one run (release); not a test, never fails on a number.
bench: deps
	$(SWIFT) build -c release --product masweep-bench
	.build/release/masweep-bench

# A one-node Slurm cluster on localhost runs a sharded experiment; the merge must equal a local run.
test-slurm: build
	scripts/test-slurm.sh

list:
	@echo $(FIGURES) | tr ' ' '\n'

figs: $(FIGURES)

# One target per experiment file: make ee-fig4 runs experiments/ee/fig4.yaml.
# Each writes the CSVs and manifests, then plots every CSV it wrote (PNG + SVG beside it).
define FIGURE_RULE
$(1): build
	@set -o pipefail; $(RELEASE_BIN) run $(2) | tee /dev/stderr | sed -n 's/^wrote //p' | xargs -r $(RELEASE_BIN) plot
endef
$(foreach f,$(EXPERIMENTS),$(eval $(call FIGURE_RULE,$(notdir $(patsubst %/,%,$(dir $(f))))-$(basename $(notdir $(f))),$(f))))

clean:
	rm -rf .build
