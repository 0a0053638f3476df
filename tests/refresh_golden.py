"""Golden records of small specs: ``tests/golden/<case>/spec.yaml`` (with an optional
``generator.yaml`` beside it) and, in ``expected/``, the package and ``api.md`` generated from it.

``tests/test_golden_specs.py`` regenerates every case and compares the result with ``expected/``
byte for byte. When a change to the generator or the templates is meant to change the output,
refresh the records and review the diff like any other change:

    make golden                                # every case
    python tests/refresh_golden.py CASE [...]  # some of them (from the repository root)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.errors import SpecErrors  # noqa: E402
from generator.pipeline import GenerationError, Inputs, generate  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def cases() -> list[str]:
    """The name of every golden case: each directory of ``tests/golden/`` holding a ``spec.yaml``."""
    return sorted(path.parent.name for path in GOLDEN.glob("*/spec.yaml"))


def inputs(case: str) -> Inputs:
    """The case's spec and config, named in messages relative to the repository root."""
    folder = GOLDEN / case
    name = folder.relative_to(ROOT).as_posix()
    return Inputs(
        folder / "spec.yaml", folder / "generator.yaml", f"{name}/spec.yaml", f"{name}/generator.yaml"
    )


def expected_dir(case: str) -> Path:
    return GOLDEN / case / "expected"


def regenerate(case: str, out: Path) -> None:
    """Generate ``case`` into ``out`` the way ``python -m generator generate`` does (import check
    included; ``out`` is replaced as a whole)."""
    generate(inputs(case), out)


def main(argv: list[str]) -> int:
    known = cases()
    chosen = argv or known
    unknown = [name for name in chosen if name not in known]
    if unknown:
        print(f"unknown golden case(s): {', '.join(unknown)} (known: {', '.join(known)})", file=sys.stderr)
        return 2
    for case in chosen:
        try:
            regenerate(case, expected_dir(case))
        except (SpecErrors, GenerationError) as exc:
            print(f"{case}: {exc}", file=sys.stderr)
            return 1
        print(f"refreshed tests/golden/{case}/expected")
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", str(GOLDEN)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    print(changed.rstrip() or "no golden record changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
