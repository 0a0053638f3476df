"""What a long generation is doing: each phase and how long it took, on stderr.

Shown on a terminal and with ``--verbose``; silent otherwise (in CI logs and tests), so that the
command's output stays what scripts expect.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Times phases; prints ``phase ... 1.23 s`` lines when ``enabled``. ``times`` keeps them all."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream
        self.times: dict[str, float] = {}
        self._started = time.perf_counter()

    @classmethod
    def for_terminal(cls, verbose: bool) -> Progress:
        """On when asked for, or when stderr is a terminal."""
        return cls(verbose or sys.stderr.isatty(), sys.stderr)

    def note(self, text: str) -> None:
        if self.enabled:
            print(f"  {text}", file=self.stream or sys.stderr, flush=True)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        stream = self.stream or sys.stderr
        if self.enabled:
            print(f"  {name:<10} ...", end="", file=stream, flush=True)
        start = time.perf_counter()
        try:
            yield
        finally:
            taken = time.perf_counter() - start
            self.times[name] = self.times.get(name, 0.0) + taken
            if self.enabled:
                print(f" {taken:6.2f} s", file=stream, flush=True)

    def total(self) -> float:
        return time.perf_counter() - self._started
