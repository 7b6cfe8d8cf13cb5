# Claims Desktop: the commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo portal test lint typecheck pytest venv clean openapi

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[sandbox,dev]'
	touch $(STAMP)

## Run Claims Desktop against the reference portal (made-up data, demo users shown).
demo: $(STAMP)
	$(PY) -m desktop --demo

## Run only the reference portal; prints its ready line (url, ca_bundle, demo users).
portal: $(STAMP)
	$(PY) -m sandbox serve --host 127.0.0.1 --port 0

## Lint, type-check and run every test (real sandbox over TLS, real Secret Service keyring).
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop sandbox tests installer resources

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	bash .ci/with-keyring.sh $(VENV)/bin/pytest -q

## Regenerate the committed OpenAPI document from the sandbox's code.
openapi: $(STAMP)
	$(PY) -m sandbox openapi > sandbox/openapi.json

## Benchmarks of issues 9 and 17 (a million claims, a 10,000-claim 835; minutes): tables + bench-results/bench-*.json.
bench: $(STAMP)
	$(PY) -m tests.benchmarks.bench
	$(PY) -m tests.benchmarks.bench_payments

.PHONY: bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist *.egg-info

# --- Packaging (installer/README.md) ---------------------------------------------------
.PHONY: bundle deb msi-check man
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bundle]'
	bash installer/linux/pie-bootloader.sh $(PY)  # Linux: a PIE launcher (no-op elsewhere)
	touch $(BUNDLE_STAMP)

## Build the one-folder client bundle dist/claims-desktop/ with PyInstaller (no sandbox).
bundle: $(BUNDLE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller installer/claims-desktop.spec

## Regenerate the manual page resources/linux/claims-desktop.1 from --help (needs help2man).
man: $(STAMP)
	bash installer/linux/manpage.sh $(PY) > resources/linux/claims-desktop.1

## Build dist/claims-desktop_VERSION-REV_ARCH.deb from a fresh bundle (dpkg-deb, patchelf).
deb: bundle
	bash installer/linux/build-deb.sh dist/claims-desktop dist

## Build the Windows installer from a stand-in bundle with msitools and check its tables.
msi-check: $(STAMP)
	$(VENV)/bin/pytest tests/installer/test_msi.py -q
