"""Benchmarks of the generated client against the official Metronome SDK (``make bench``).

``python -m bench`` runs them all: parse speed of a large invoice page (``parse``), per-call
overhead against a loopback server (``overhead``, with ``server``), import time (``imports``) and
memory (``memory``), on deterministic data (``data``). See ``bench/README.md``.
"""
