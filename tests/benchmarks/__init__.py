"""Benchmarks of issue 9 (`make bench`); not collected by pytest except the smoke test."""
