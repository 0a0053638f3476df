"""Timing, statistics and environment helpers shared by the benchmarks.

Every benchmark compares alternatives on the same input in the same process, interleaving their
samples (A, B, C, A, B, C, ...) so that a slow phase of the machine hits all of them alike. Before
each sample the garbage collector runs a full collection; during the sample it runs as usual (as in
an application, so collecting the objects a parser creates is part of its cost) unless a benchmark
asks for it to be paused, which it then does for every case alike.
"""

from __future__ import annotations

import gc
import importlib
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = [
    "GENERATED",
    "REPO_ROOT",
    "Target",
    "load_generated",
    "load_official",
    "machine_info",
    "median",
    "ratio",
    "time_interleaved",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
GENERATED = REPO_ROOT / "generated"

OFFICIAL_DIST = "metronome-sdk"
OFFICIAL_PACKAGE = "metronome"
GENERATED_PACKAGE = "metronome_client"


def load_generated(module: str = "") -> ModuleType:
    """Import ``metronome_client`` (or one of its modules) from ``generated/``.

    Imported by name at run time so that type-checking ``bench`` does not need ``generated/`` on
    the type checker's path.
    """
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module(f"{GENERATED_PACKAGE}{module}")


def load_official(module: str = "") -> ModuleType:
    """Import the official SDK (or one of its modules); explains how to install it if it is missing."""
    try:
        return importlib.import_module(f"{OFFICIAL_PACKAGE}{module}")
    except ModuleNotFoundError as exc:
        if exc.name != OFFICIAL_PACKAGE:
            raise
        raise SystemExit(
            f"The baseline SDK is not installed: run `make bench` (it installs requirements/bench.txt), "
            f"or pip install the {OFFICIAL_DIST} version pinned there."
        ) from exc


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else float("inf")


def time_interleaved(
    cases: Mapping[str, Callable[[], object]],
    rounds: int | Mapping[str, int],
    *,
    inner: int = 1,
    gc_enabled: bool = True,
) -> dict[str, list[float]]:
    """Seconds per call of each case: ``rounds`` samples each (or per case), taken in turn.

    A full collection runs before every sample; with ``gc_enabled=False`` the collector is then
    switched off until the sample ends (``timeit``'s convention), otherwise it runs as usual.
    With ``inner`` > 1 every call in a sample is timed on its own and all of them are returned, so
    a median per call can be taken over many calls (``perf_counter`` costs well under a microsecond).
    """
    wanted = {name: rounds if isinstance(rounds, int) else rounds[name] for name in cases}
    samples: dict[str, list[float]] = {name: [] for name in cases}
    clock = time.perf_counter
    for round_number in range(max(wanted.values(), default=0)):
        for name, case in cases.items():
            if round_number >= wanted[name]:
                continue
            gc.collect()
            if not gc_enabled:
                gc.disable()
            try:
                taken = samples[name]
                for _ in range(inner):
                    start = clock()
                    result = case()
                    taken.append(clock() - start)
                    # Dropping the result is not part of the sample.
                    del result
            finally:
                gc.enable()
    return samples


@dataclass
class Target:
    """One pass/fail goal: ``value`` must be at most ``limit`` (at least, with ``at_least``)."""

    name: str
    value: float
    limit: float
    at_least: bool = False
    unit: str = "x"
    """How ``value`` and ``limit`` read: a ratio (``x``), or seconds or megabytes."""

    @property
    def passed(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    @property
    def rule(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.limit:g}{'' if self.unit == 'x' else self.unit}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 4),
            "rule": self.rule,
            "passed": self.passed,
        }


@dataclass
class Section:
    """What one benchmark reports: medians (seconds or bytes), ratios, targets and notes."""

    title: str
    unit: str
    medians: dict[str, float] = field(default_factory=dict)
    ratios: dict[str, float] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    info_targets: list[Target] = field(default_factory=list)
    """Shown with PASS/FAIL but not gating the exit status."""
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit": self.unit,
            "medians": {k: _round(v) for k, v in self.medians.items()},
            "ratios": {k: round(v, 3) for k, v in self.ratios.items()},
            "targets": [t.as_dict() for t in self.targets],
            "informational_targets": [t.as_dict() for t in self.info_targets],
            "notes": list(self.notes),
            **self.extra,
        }


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_info() -> dict[str, Any]:
    """What the numbers depend on; no host names or paths."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "packages": {
            name: _version(name)
            for name in (
                "pydantic",
                "pydantic-core",
                "httpx",
                "httpcore",
                "h11",
                OFFICIAL_DIST,
                "openapi-python-client",
                "black",
            )
        },
    }
