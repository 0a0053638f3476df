"""Generation: ours against openapi-python-client, on our spec and on GitHub's published spec.

Every sample is a fresh process, timed from start to exit (wall time), with its CPU time and the
peak resident set of the largest process of its tree (``os.wait4``'s ``ru_maxrss``, which covers
the children it waited for: our import check, opc's ruff). Cases take turns, as elsewhere.

Cases, each on our spec and on GitHub's:

- ``cold``: into a fresh directory with an empty cache (ours) / as it always runs (opc). "Cold" is
  about the spec: nothing of it is cached. Each tool's own compiled code is as installed: its
  modules' bytecode (``.pyc``, which pip writes at installation) and, for ours, its compiled
  templates (Jinja's bytecode in ``templates/__pycache__``, written by the first run as Python
  writes ``.pyc`` files). One untimed run of each tool before the samples writes them, and the
  samples run without ``PYTHONDONTWRITEBYTECODE``, which some machines set (it would leave ours,
  run from the checkout, compiling its modules and templates on every start).
- ``unchanged``: ``make generate`` in a project whose ``generated/`` is current, cache warm.
- ``edit``: ``make generate`` after a one-line change of an operation's description (a new
  text every time, so every sample is a real change), cache warm.
- ``structural edit``: ``make generate`` after a new value in the first ``enum`` under ``paths``
  (new every time): what the client accepts changes, so the checks, the build and the modules
  that show it run again. No target; reported beside the description edit.

opc has no incremental path: its ``cold`` run is what it does every time. GitHub's spec comes from
the npm package ``@octokit/openapi`` at a pinned version, checked against a pinned SHA-256, fetched
once with ``npm pack`` (npm's configured registry) into ``.cache/bench/``, and used as published:
both generators get the same, unmodified document.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._harness import REPO_ROOT, Section, Target, median, ratio

__all__ = ["run", "github_spec", "GITHUB_PACKAGE", "GITHUB_VERSION", "GITHUB_SHA256"]

OPC_VERSION = "0.29.1"
GITHUB_PACKAGE = "@octokit/openapi"
GITHUB_VERSION = "23.0.2"
GITHUB_SHA256 = "71a18407dd5e8464f4e0525daf03deabbe65abd9287d6adc7b5d98f516cd0d0c"
"""Of the package tarball ``npm pack`` writes."""
GITHUB_MEMBER = "package/generated/api.github.com.json"
CACHE = REPO_ROOT / ".cache" / "bench"
VENV_BIN = Path(sys.executable).parent


@dataclass
class Sample:
    wall: float
    cpu: float
    peak: int
    """Bytes."""


def _measure(command: list[str], *, cwd: Path, env: dict[str, str]) -> Sample:
    """Run ``command`` to its end: wall time, CPU time (its own and its children's), peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = output.decode("utf-8", "replace")[-3000:]
        raise SystemExit(f"{' '.join(command[:4])}... failed with exit {process.returncode}:\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


def _environment(cache: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # each tool with its bytecode, as installed
    if cache is not None:
        env["SDKGEN_CACHE_DIR"] = str(cache)
    return env


def github_spec() -> Path:
    """GitHub's spec from the pinned npm package (fetched once, checked), as published."""
    target = CACHE / f"github-{GITHUB_VERSION}" / "api.github.com.json"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tarball = target.parent / f"octokit-openapi-{GITHUB_VERSION}.tgz"
    if not tarball.is_file():
        if shutil.which("npm") is None:
            raise SystemExit("the generation benchmark needs npm to fetch GitHub's spec (npm pack)")
        subprocess.run(
            ["npm", "pack", f"{GITHUB_PACKAGE}@{GITHUB_VERSION}", "--pack-destination", str(target.parent)],
            check=True,
            capture_output=True,
        )
    found = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if found != GITHUB_SHA256:
        tarball.unlink()
        raise SystemExit(f"{tarball.name}: sha256 {found}, expected {GITHUB_SHA256}; removed it")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(GITHUB_MEMBER)
        if member is None:
            raise SystemExit(f"{tarball.name} has no {GITHUB_MEMBER}")
        data = member.read()
    temporary = target.with_suffix(".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target


def _project(root: Path, spec: Path, config: Path | None) -> Path:
    """A client project for ``make generate``: the spec copied in, our toolchain linked."""
    root.mkdir(parents=True)
    (root / "spec").mkdir()
    shutil.copyfile(spec, root / "spec" / "openapi.yaml")
    if config is not None:
        shutil.copyfile(config, root / "spec" / "generator.yaml")
    for name in ("Makefile", "generator", "templates", "requirements", ".venv"):
        (root / name).symlink_to(REPO_ROOT / name)
    return root


class _Edits:
    """Change one line of an operation's description, to a new text each time."""

    def __init__(self, spec: Path) -> None:
        self.spec = spec
        self.count = 0
        self.original = spec.read_text(encoding="utf-8")

    def apply(self) -> None:
        self.count += 1
        # A text never used before, so that no cached run of the whole spec can answer it.
        self.spec.write_text(
            _edited(self.original, f"Edited ({self.count}, {time.time_ns()}). "), encoding="utf-8"
        )

    def apply_structural(self) -> None:
        """A new value in the first ``enum`` under ``paths``: a change of what the client accepts
        (the checks, the build and the modules that show it run again), new every time."""
        self.count += 1
        self.spec.write_text(
            _with_enum_value(self.original, f"edited-{self.count}-{time.time_ns()}"), encoding="utf-8"
        )


def _edited(text: str, prefix: str) -> str:
    """``text`` with ``prefix`` put in front of one operation's description: one line changes.

    JSON: the first described operation with the most common first tag (in GitHub's spec one of
    ``repos``, the largest module, so the most to format again); YAML: the first line of the first
    block-scalar ``description:`` after the middle of ``paths:``."""
    if text.lstrip().startswith("{"):
        from generator.errors import join_pointer
        from generator.loader import iter_operations, json_positions

        data = json.loads(text)
        operations = [op for op in iter_operations(data) if isinstance(op.operation.get("description"), str)]
        tags = [str((op.operation.get("tags") or [""])[0]) for op in operations]
        common = max(sorted(set(tags)), key=tags.count)
        chosen = operations[tags.index(common)]
        line, column = json_positions(text)[chosen.pointer + join_pointer("description")]
        offset = sum(len(row) for row in text.splitlines(keepends=True)[: line - 1]) + column - 1
        marker = '"description": "'
        assert text.startswith(marker, offset), text[offset : offset + 40]
        start = offset + len(marker)
        return text[:start] + prefix + text[start:]
    paths = text.index("\npaths:")
    middle = (paths + text.index("\ncomponents:")) // 2 if "\ncomponents:" in text[paths:] else paths
    pattern = re.compile(r"^\s+description: [>|]-?\n(\s+)", re.MULTILINE)
    found = pattern.search(text, middle) or pattern.search(text, paths)
    if found is None:
        raise SystemExit("no block-scalar description under paths to edit")
    return text[: found.end()] + prefix + text[found.end() :]


def _with_enum_value(text: str, value: str) -> str:
    """``text`` with ``value`` first in the first ``enum`` after ``paths`` (JSON or block YAML)."""
    if text.lstrip().startswith("{"):
        at = text.index('"enum": [', text.index('"paths"')) + len('"enum": [')
        return text[:at] + json.dumps(value) + ", " + text[at:]
    found = re.compile(r"^\s+enum:\n(\s+)- ", re.MULTILINE).search(text, text.index("\npaths:"))
    if found is None:
        raise SystemExit("no block-sequence enum under paths to add a value to")
    at = found.start(1)
    return text[:at] + found.group(1) + "- " + value + "\n" + text[at:]


def _ours_cold(spec: Path, config: Path | None, work: Path) -> Callable[[], Sample]:
    counter = [0]

    def sample() -> Sample:
        counter[0] += 1
        out = work / f"ours-cold-{counter[0]}"
        cache = work / f"cache-cold-{counter[0]}"
        command = [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out)]
        if config is not None:
            command += ["--config", str(config)]
        try:
            return _measure(command, cwd=REPO_ROOT, env=_environment(cache))
        finally:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)

    return sample


def _opc_cold(spec: Path, work: Path) -> Callable[[], Sample]:
    counter = [0]

    def sample() -> Sample:
        counter[0] += 1
        out = work / f"opc-{counter[0]}"
        command = [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
        ]
        try:
            return _measure(command, cwd=work, env=_environment())
        finally:
            shutil.rmtree(out, ignore_errors=True)

    return sample


def _make_generate(project: Path, cache: Path) -> Callable[[], Sample]:
    def sample() -> Sample:
        # GitHub's spec has warnings (examples that do not match their schemas...): not strict.
        return _measure(["make", "-s", "generate", "STRICT="], cwd=project, env=_environment(cache))

    return sample


def _interleave(cases: dict[str, Callable[[], Sample]], rounds: dict[str, int]) -> dict[str, list[Sample]]:
    results: dict[str, list[Sample]] = {name: [] for name in cases}
    for round_number in range(max(rounds.values())):
        for name, case in cases.items():
            if round_number < rounds[name]:
                results[name].append(case())
    return results


def _spec_cases(
    label: str,
    spec: Path,
    config: Path | None,
    work: Path,
    *,
    cold_rounds: int,
    warm_rounds: int,
    opc_rounds: int,
) -> dict[str, list[Sample]]:
    """Cold (ours, opc interleaved), then unchanged and edited ``make generate`` (ours, warm)."""
    print(f"  {label}: cold runs ({cold_rounds} ours, {opc_rounds} opc) ...", flush=True)
    results = _interleave(
        {"ours cold": _ours_cold(spec, config, work), "opc": _opc_cold(spec, work)},
        {"ours cold": cold_rounds, "opc": opc_rounds},
    )
    project = _project(work / f"{label}-project", spec, config)
    cache = work / f"{label}-cache"
    make = _make_generate(project, cache)
    make()  # fills the cache and writes generated/
    edits = _Edits(project / "spec" / "openapi.yaml")
    make_edit = _make_generate(project, cache)

    def edited() -> Sample:
        edits.apply()
        return make_edit()

    edits.apply()
    make_edit()  # the first edit of a description also fills the cache's text-independent entries
    edits.spec.write_text(edits.original, encoding="utf-8")
    make()
    print(f"  {label}: unchanged and one-edit runs ({warm_rounds} each) ...", flush=True)
    unchanged: list[Sample] = []
    edited_samples: list[Sample] = []
    structural: list[Sample] = []
    for _ in range(warm_rounds):
        edited_samples.append(edited())
        make()  # now current again after that edit
        unchanged.append(make())
        edits.apply_structural()
        structural.append(make_edit())
    edits.spec.write_text(edits.original, encoding="utf-8")
    results["ours unchanged (make generate)"] = unchanged
    results["ours one edit (make generate)"] = edited_samples
    results["ours one structural edit (make generate)"] = structural
    return results


def _summarise(prefix: str, results: dict[str, list[Sample]], section: Section) -> dict[str, float]:
    walls: dict[str, float] = {}
    for name, samples in results.items():
        walls[name] = median([s.wall for s in samples])
        section.medians[f"{prefix} {name}: wall"] = walls[name]
        section.medians[f"{prefix} {name}: cpu"] = median([s.cpu for s in samples])
        section.extra.setdefault("samples", {})[f"{prefix} {name}"] = [
            {"wall": round(s.wall, 3), "cpu": round(s.cpu, 3), "peak_mb": round(s.peak / 1e6, 1)}
            for s in samples
        ]
    return walls


def run(
    *, rounds: int = 5, warm_rounds: int = 5, github_rounds: int = 1, github: bool = True
) -> list[Section]:
    section = Section(title=f"generation: ours vs openapi-python-client {OPC_VERSION}", unit="s")
    memory = Section(title="generation: peak memory (largest process of the run)", unit="B")
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as name:
        work = Path(name)
        # Untimed: each tool's bytecode (and our compiled templates) written, as after installing.
        warm_up = work / "warm-up"
        warm_up.mkdir()
        _ours_cold(REPO_ROOT / "spec" / "openapi.yaml", REPO_ROOT / "spec" / "generator.yaml", warm_up)()
        _opc_cold(REPO_ROOT / "spec" / "openapi.yaml", warm_up)()
        ours = _spec_cases(
            "our-spec",
            REPO_ROOT / "spec" / "openapi.yaml",
            REPO_ROOT / "spec" / "generator.yaml",
            work,
            cold_rounds=rounds,
            warm_rounds=warm_rounds,
            opc_rounds=rounds,
        )
        walls = _summarise("our spec:", ours, section)
        cold_ratio = ratio(walls["ours cold"], walls["opc"])
        section.ratios["our spec: ours cold / opc"] = cold_ratio
        section.targets.append(Target("our spec: cold, ours / opc (wall)", cold_ratio, 0.5))
        section.targets.append(
            Target(
                "our spec: make generate, unchanged", walls["ours unchanged (make generate)"], 1.0, unit=" s"
            )
        )
        section.targets.append(
            Target(
                "our spec: make generate, one edit", walls["ours one edit (make generate)"], 2.0, unit=" s"
            )
        )
        section.ratios["our spec: one edit / opc"] = ratio(
            walls["ours one edit (make generate)"], walls["opc"]
        )
        section.ratios["our spec: one structural edit / opc"] = ratio(
            walls["ours one structural edit (make generate)"], walls["opc"]
        )
        if github:
            spec = github_spec()
            print(
                f"  GitHub spec: {spec.stat().st_size / 1e6:.1f} MB ({GITHUB_PACKAGE} {GITHUB_VERSION})",
                flush=True,
            )
            results = _spec_cases(
                "github",
                spec,
                None,
                work,
                cold_rounds=github_rounds,
                warm_rounds=max(1, github_rounds),
                opc_rounds=github_rounds,
            )
            gh = _summarise("GitHub:", results, section)
            gh_ratio = ratio(gh["ours cold"], gh["opc"])
            section.ratios["GitHub: ours cold / opc"] = gh_ratio
            section.targets.append(Target("GitHub: cold, ours / opc (wall)", gh_ratio, 1.0))
            edit_share = ratio(gh["ours one edit (make generate)"], gh["ours cold"])
            section.ratios["GitHub: one edit / ours cold"] = edit_share
            section.targets.append(Target("GitHub: one edit / ours cold", edit_share, 0.1))
            section.info_targets.append(
                Target(
                    "GitHub: make generate, unchanged", gh["ours unchanged (make generate)"], 1.0, unit=" s"
                )
            )
            section.ratios["GitHub: one structural edit / ours cold"] = ratio(
                gh["ours one structural edit (make generate)"], gh["ours cold"]
            )
            peak_ours = max(s.peak for s in results["ours cold"])
            peak_opc = max(s.peak for s in results["opc"])
            memory.medians["GitHub: ours cold"] = peak_ours
            memory.medians["GitHub: opc"] = peak_opc
            memory.targets.append(Target("GitHub: ours cold, peak", peak_ours / 1e6, 400, unit=" MB"))
            section.notes.append(f"GitHub's spec: {GITHUB_PACKAGE} {GITHUB_VERSION}, as published.")
        memory.medians["our spec: ours cold"] = max(s.peak for s in ours["ours cold"])
        memory.medians["our spec: opc"] = max(s.peak for s in ours["opc"])
    section.notes.append(
        "cold: fresh output directory, empty cache; unchanged/one edit: `make generate` in a project "
        "copy with a warm cache; opc has no incremental path (its every run is a cold one)."
    )
    return [section, memory]


if __name__ == "__main__":
    if sys.argv[1:] == ["--fetch"]:
        print(f"GitHub's spec for the generation benchmark: {github_spec().relative_to(REPO_ROOT)}")
    else:
        raise SystemExit(
            "usage: python -m bench.generation --fetch (the benchmark runs from python -m bench)"
        )
