# The two commands a new machine needs (see README):
#   make demo   build and install textsift in .venv, then run the main job on the sample corpus
#   make test   install dev and reference packages, then every check and test
#   make docs   the HTML documentation in build/docs
# Needs Python >= 3.10 and a Rust toolchain (rustup).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv install-dev lint rust-test py-test docs bench fuzz fuzz-cmin clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

demo: venv
	$(BIN)/python -m pip install --quiet .
	$(BIN)/textsift report --sample

install-dev: venv
	$(BIN)/python -m pip install --quiet -e ".[test]"

lint: install-dev
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(BIN)/ruff check python bench
	$(BIN)/ruff format --check python bench
	$(BIN)/mypy
	$(BIN)/python -m mypy.stubtest textsift._textsift
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

rust-test:
	cargo test --workspace

py-test: install-dev
	$(BIN)/python -m pytest

# HTML docs (pdoc API reference + docs/*.md) into build/docs; built by `make test` so they cannot rot.
docs: install-dev
	$(BIN)/python -W error::UserWarning docs/build.py build/docs

test: lint rust-test py-test docs

bench: install-dev
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/suite.py --readme
	$(BIN)/python bench/eval_keywords.py
	$(BIN)/python bench/eval_vader_corrected.py

# Fuzzing (needs a nightly toolchain for libFuzzer; CI only replays the corpus, on stable, in
# `cargo test`). Each target runs FUZZ_SECONDS, one after the other, niced; new inputs land in
# fuzz/corpus/<target>/ and crashes in fuzz/artifacts/<target>/. `make fuzz-cmin` then keeps only
# the inputs that add coverage, before committing the corpus.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= tokenize sentences normalize stem vader afinn lexicon yake rake textrank tfidf keyness
FUZZ_FLAGS := -O -a -s none --features libfuzzer

fuzz:
	rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
	cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	set -e; for t in $(FUZZ_TARGETS); do \
		echo "== fuzzing $$t for $(FUZZ_SECONDS)s"; \
		nice -n 10 cargo +nightly fuzz run $(FUZZ_FLAGS) $$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1; \
	done

fuzz-cmin:
	set -e; for t in $(FUZZ_TARGETS); do \
		nice -n 10 cargo +nightly fuzz cmin $(FUZZ_FLAGS) $$t -- -max_len=4096; \
	done

clean:
	rm -rf $(VENV) target python/textsift/*.so
