"""Run every benchmark, print medians, ratios and targets, and write ``bench/results/latest.json``.

Exits with status 1 when a target is missed (informational targets never fail the run).
``python -m bench --quick`` takes fewer samples, for trying things out; its numbers are rougher.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from . import generation, imports, memory, overhead, parse, validation
from ._harness import REPO_ROOT, Section, Target, machine_info
from .data import invoice_page_bytes

RESULTS = REPO_ROOT / "bench" / "results" / "latest.json"
BENCHMARKS = ("parse", "drift", "overhead", "imports", "memory", "generation", "validation")


def _format(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 1e6:9.1f} MB"
    if value >= 1.0:
        return f"{value:9.3f} s "
    if value >= 1e-3:
        return f"{value * 1e3:9.2f} ms"
    return f"{value * 1e6:9.1f} us"


def _verdict(target: Target) -> str:
    return "PASS" if target.passed else "FAIL"


def _margin(target: Target) -> str:
    """By how much a target is met or missed, as a share of its limit."""
    if target.limit == 0:
        return "no limit"
    share = (target.value - target.limit) / abs(target.limit) * (-1 if target.at_least else 1)
    return f"{'misses' if share > 0 else 'meets'} it by {abs(share) * 100:.0f}%"


def print_section(section: Section) -> None:
    width = max([len(name) for name in [*section.medians, *section.ratios]] + [40])
    print(f"\n== {section.title}")
    label = "medians" if section.unit == "s" else "values"
    print(f"  {label}:")
    for name, value in section.medians.items():
        print(f"    {name:<{width}}  {_format(value, section.unit)}")
    if section.ratios:
        print("  ratios:")
        for name, value in section.ratios.items():
            print(f"    {name:<{width}}  {value:9.2f}x")
    for heading, targets in (("targets", section.targets), ("informational", section.info_targets)):
        if targets:
            print(f"  {heading}:")
            for target in targets:
                print(
                    f"    {_verdict(target)}  {target.name:<{width - 2}}  {target.value:7.2f}{target.unit}  "
                    f"(need {target.rule}, {_margin(target)})"
                )
    for note in section.notes:
        print(f"  note: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer samples (rough numbers)")
    parser.add_argument("--only", choices=BENCHMARKS, action="append", help="run just these benchmarks")
    parser.add_argument(
        "--no-github", action="store_true", help="generation: only our spec (GitHub's takes minutes)"
    )
    parser.add_argument(
        "--github-rounds",
        type=int,
        default=1,
        help="generation: samples per case on GitHub's spec (default 1)",
    )
    parser.add_argument(
        "--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(REPO_ROOT)}"
    )
    args = parser.parse_args(argv)
    selected = tuple(args.only or BENCHMARKS)
    quick: bool = args.quick

    started = time.perf_counter()
    machine = machine_info()
    print("Benchmarks: ours (generated/metronome_client) vs the official metronome-sdk")
    print(
        f"python {machine['python']} ({machine['implementation']}), {machine['platform']}, "
        f"cpu_count={machine['cpu_count']}, usable={machine['usable_cpus']}"
    )
    print("packages: " + ", ".join(f"{k} {v}" for k, v in machine["packages"].items()))

    body = b""
    if "parse" in selected or "memory" in selected:
        body = invoice_page_bytes()
        print(f"invoice page: 500 invoices x 20 line items, {len(body):,} bytes")

    runners: dict[str, Callable[[], Section | list[Section]]] = {
        "parse": lambda: (
            parse.run(body, rounds=5, extra_rounds=3, paused_official_rounds=1, stream_rounds=3)
            if quick
            else parse.run(body)
        ),
        "drift": lambda: parse.run_drift(rounds=5, official_rounds=2) if quick else parse.run_drift(),
        "overhead": lambda: overhead.run(batches=5) if quick else overhead.run(),
        "imports": lambda: imports.run(rounds=5, first_call_rounds=3) if quick else imports.run(),
        "memory": lambda: memory.run(body),
        "generation": lambda: (
            generation.run(rounds=3, warm_rounds=3, github=not args.no_github)
            if quick
            else generation.run(github=not args.no_github, github_rounds=args.github_rounds)
        ),
        "validation": lambda: (
            validation.run(rounds=3, github=not args.no_github, child_rounds=3)
            if quick
            else validation.run(github=not args.no_github, github_rounds=args.github_rounds)
        ),
    }
    sections: dict[str, Section] = {}
    for name in selected:
        section_started = time.perf_counter()
        produced = runners[name]()
        for index, section in enumerate(produced if isinstance(produced, list) else [produced]):
            key = name if index == 0 else f"{name}-{index}"
            sections[key] = section
            print_section(section)
        print(f"  ({time.perf_counter() - section_started:.0f} s)")

    targets = [target for section in sections.values() for target in section.targets]
    passed = all(target.passed for target in targets)
    elapsed = time.perf_counter() - started
    print("\n== Targets")
    for target in targets:
        print(
            f"  {_verdict(target)}  {target.name}: {target.value:.2f}{target.unit} "
            f"(need {target.rule}, {_margin(target)})"
        )
    print(f"\n{'ALL TARGETS MET' if passed else 'TARGET MISSED'} ({elapsed:.0f} s)")

    if not args.no_write:
        record: dict[str, Any] = {
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "machine": machine,
            "quick": quick,
            "invoice_page": {
                "invoices": 500,
                "line_items_per_invoice": 20,
                "bytes": len(body),
                "sha256": hashlib.sha256(body).hexdigest() if body else None,
            },
            "sections": {name: section.as_dict() for name, section in sections.items()},
            "targets": [target.as_dict() for target in targets],
            "passed": passed,
            "elapsed_s": round(elapsed, 1),
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO_ROOT)}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
