"""The corpus of real OpenAPI documents `make corpus` runs (see run.py)."""
