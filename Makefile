.PHONY: run test setup lint

run:
	scripts/run

test:
	scripts/test

setup:
	scripts/setup

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/ruff format --check src tests bench
	.venv/bin/mypy
