"""Peak memory of parsing the invoice page, one fresh process per parser.

Two views, because they see different things:

- ``tracemalloc``: what Python's allocators hand out during the parse (peak) and what the result
  still holds afterwards (retained). It does not see memory that pydantic-core's Rust code
  allocates for itself, so it flatters parsers that work in Rust.
- resident set size: how far the process's high-water mark (``VmHWM``) rises above its size
  before the parse, which counts every allocator. Measured first, in a process that has only
  imported the clients, built its parser's models on a small page and read the body.

The parent writes the body to a temporary file and runs ``python -m bench.memory CASE FILE`` for
each case; the child prints one line of JSON.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._harness import REPO_ROOT, Section, ratio

__all__ = ["CASES", "main", "run"]

CASES = ("json.loads", "ours: validate_response", "official: default")


def _status_bytes(field: str) -> int | None:
    """A ``kB`` field of ``/proc/self/status`` (Linux), in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak_rss() -> bool:
    """Start the high-water mark afresh (Linux: write 5 to ``/proc/self/clear_refs``)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def _peak_rss_rise(parse: Callable[[], Any]) -> tuple[Any, int]:
    """The parse result, and how far the resident set's high-water mark rose above its size before.

    ``ru_maxrss`` is no use here: Linux carries it over from the parent through fork and exec, so a
    child of a big parent starts with the parent's peak. ``VmHWM`` belongs to the process's own
    address space, and can be reset.
    """
    if _reset_peak_rss():
        before = _status_bytes("VmRSS")
        result = parse()
        peak = _status_bytes("VmHWM")
        if before is not None and peak is not None:
            return result, max(peak - before, 0)
    before_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = parse()
    return result, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_max) * 1024


def _measure(case: str, body_file: Path) -> dict[str, int]:
    from .parse import all_parsers, json_response, warm_up

    parse = all_parsers(strict=False)[case]
    warm_up({case: parse})
    response = json_response(body_file.read_bytes())

    gc.collect()
    result, rss_rise = _peak_rss_rise(lambda: parse(response))
    del result
    gc.collect()

    tracemalloc.start()
    result = parse(response)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return {"tracemalloc_peak": peak, "tracemalloc_retained": retained, "rss_peak_rise": rss_rise}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in CASES:
        raise SystemExit(f"usage: python -m bench.memory {{{'|'.join(CASES)}}} BODY_FILE")
    print(json.dumps(_measure(args[0], Path(args[1]))))


def run(body: bytes) -> Section:
    section = Section(
        title=f"Memory to parse the {len(body) / 1e6:.1f} MB page (one process per parser)", unit="B"
    )
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        body_file = Path(scratch) / "page.json"
        body_file.write_bytes(body)
        for case in CASES:
            completed = subprocess.run(
                [sys.executable, "-m", "bench.memory", case, str(body_file)],
                cwd=REPO_ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if completed.returncode != 0:
                raise RuntimeError(f"memory measurement of {case} failed:\n{completed.stderr}")
            measured: dict[str, int] = json.loads(completed.stdout.strip().splitlines()[-1])
            for key, value in measured.items():
                section.medians[f"{case}: {key}"] = float(value)
    medians = section.medians
    for key in ("tracemalloc_peak", "tracemalloc_retained", "rss_peak_rise"):
        floor = medians[f"json.loads: {key}"]
        for case in CASES[1:]:
            section.ratios[f"{case} / json.loads: {key}"] = ratio(medians[f"{case}: {key}"], floor)
    section.notes.append("single measurement per case (memory use is deterministic to within a few pages)")
    return section


if __name__ == "__main__":
    main()
