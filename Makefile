# Claims Desktop: the commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Installs the Debian packages a target needs when they are missing (silent otherwise).
SYSTEM_DEPS := PYTHON=$(PYTHON) bash .ci/system-deps.sh
# The PyInstaller bundle tests/installer checks; rebuilt by `make test` when its sources change.
BUNDLE_EXE := dist/claims-desktop/claims-desktop
BUNDLE_SOURCES := pyproject.toml installer/claims-desktop.spec \
	$(shell find desktop resources -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: demo portal test lint typecheck pytest venv clean openapi system-deps-demo system-deps-test

venv: $(STAMP)

$(STAMP): pyproject.toml
	bash .ci/make-venv.sh $(PYTHON) $(VENV) sandbox,dev
	touch $(STAMP)

system-deps-demo:
	@$(SYSTEM_DEPS) demo

system-deps-test:
	@$(SYSTEM_DEPS) test

## Run Claims Desktop against the reference portal (made-up data, demo users shown).
demo: system-deps-demo $(STAMP)
	$(PY) -m desktop --demo

## Run only the reference portal; prints its ready line (url, ca_bundle, demo users).
portal: $(STAMP)
	$(PY) -m sandbox serve --host 127.0.0.1 --port 0

## Lint, type-check and run every test (real sandbox over TLS, real Secret Service keyring,
## the installer tests against a bundle rebuilt when the sources changed).
test: system-deps-test $(STAMP) lint typecheck $(BUNDLE_EXE) pytest

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
	bash .ci/make-venv.sh $(PYTHON) $(VENV) bundle
	bash installer/linux/pie-bootloader.sh $(abspath $(PY))  # Linux: a PIE launcher (no-op elsewhere)
	touch $(BUNDLE_STAMP)

PYINSTALLER := $(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	--workpath build/pyinstaller installer/claims-desktop.spec

## Build the one-folder client bundle dist/claims-desktop/ with PyInstaller (no sandbox).
bundle: $(BUNDLE_STAMP)
	@echo "[bundle] PyInstaller: dist/claims-desktop/ (a minute or two)"
	$(PYINSTALLER)

$(BUNDLE_EXE): $(BUNDLE_STAMP) $(BUNDLE_SOURCES)
	@echo "[bundle] the sources changed since the last bundle: PyInstaller (a minute or two)"
	$(PYINSTALLER)
	touch $(BUNDLE_EXE)

## Regenerate the manual page resources/linux/claims-desktop.1 from --help (needs help2man).
man: $(STAMP)
	bash installer/linux/manpage.sh $(PY) > resources/linux/claims-desktop.1

## Build dist/claims-desktop_VERSION-REV_ARCH.deb from a fresh bundle (dpkg-deb, patchelf).
deb: bundle
	bash installer/linux/build-deb.sh dist/claims-desktop dist

## Build the Windows installer from a stand-in bundle with msitools and check its tables.
msi-check: $(STAMP)
	$(VENV)/bin/pytest tests/installer/test_msi.py -q

# --- Translations and the evidence of issue 15 -------------------------------------------
.PHONY: ts screenshots

## Regenerate resources/i18n/*.ts from desktop/ (pyside6-lupdate) and compile the .qm files.
ts: $(STAMP)
	$(PY) resources/i18n/catalogue.py

## Photograph the real app on Xvfb at 1366x768 and 1920x1080 into docs/screenshots/ (a minute).
screenshots: system-deps-test $(STAMP)
	bash .ci/with-keyring.sh $(PY) -m tests.tools.screenshots
