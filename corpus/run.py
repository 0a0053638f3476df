"""`make corpus`: every document of corpus/manifest.yaml through our generator and openapi-python-client.

For each spec, one at a time (the machine's two cores are shared): fetch and check it; generate
with ours (a fresh cache) and record exit code, wall time, warnings and the operations it left out
with its reasons; import every module; ``mypy --strict`` and pyright strict on the package (error
counts); operations in the spec against methods in the client; for specs of at most
``PRISM_LIMIT`` operations, call every method against Prism serving the spec. Then the same spec
through openapi-python-client (no Prism calls). The table goes to stdout and
``corpus/results/latest.md``, everything measured to ``corpus/results/latest.json``; generated
clients stay under ``.cache/corpus/runs/`` for a look afterwards.

    python -m corpus [--only NAME[,NAME]] [--quick] [--no-types] [--no-prism] [--no-opc]
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

from ._json import as_dict, as_list
from .fetch import CACHE, FetchError, fetch
from .manifest import Spec, count_operations, load

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "corpus" / "results"
VENV_BIN = Path(sys.executable).parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
OPC_VERSION = "0.29.1"
PRISM_LIMIT = 150
QUICK_LIMIT = 60
GENERATE_TIMEOUT = 1200.0
CHECK_TIMEOUT = 1800.0
PROBE_TIMEOUT = 900.0
_LEFT_OUT = re.compile(
    r"\b(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (/\S*) is left out of the client: (.+)$"
)
_OPC_WARNING = re.compile(r"^WARNING parsing (\w+) (\S+) within \S+\.(?: Endpoint will not be generated\.)?$")


@dataclass
class Outcome:
    exit: int | None
    seconds: float
    output: str
    timed_out: bool


def _environment(cache: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    if cache is not None:
        env["SDKGEN_CACHE_DIR"] = str(cache)
    return env


def _run(command: list[str], *, cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Outcome:
    """Run to its end or ``timeout``; a run past it is ended with its whole process group."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env or _environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        timed_out = True
    seconds = time.perf_counter() - start
    text = output.decode("utf-8", "replace")
    return Outcome(None if timed_out else process.returncode, seconds, text, timed_out)


def _clean(text: str, spec_path: Path | None = None) -> str:
    """Text fit for the committed results: no machine paths, no URLs."""
    if spec_path is not None:
        text = text.replace(str(spec_path), spec_path.name)
    text = text.replace(str(CACHE), "<cache>").replace(str(ROOT), ".")
    return re.sub(r"https?://\S+", "<url>", text)


def _normal(path: str) -> str:
    """A path template with its parameter names dropped: ``/pets/{petId}`` and ``/pets/{pet_id}`` agree."""
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


def _package_dir(out: Path) -> Path | None:
    candidates = sorted(path.parent for path in out.glob("*/__init__.py"))
    return candidates[0] if candidates else None


def _probe(kind: str, package: Path, result: Path, spec: Path | None, prism: str | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "corpus.probe", "--root", str(package.parent), "--package", package.name]
    command += ["--kind", kind, "--result", str(result)]
    if spec is not None and prism is not None:
        command += ["--spec", str(spec), "--prism", prism]
    result.unlink(missing_ok=True)
    outcome = _run(command, cwd=ROOT, timeout=PROBE_TIMEOUT)
    if not result.is_file():
        return {"probe_error": _clean(outcome.output[-1500:]) or f"exit {outcome.exit}"}
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data


def _mypy(package: Path, cache: Path) -> dict[str, Any]:
    config = package.parent / "corpus-mypy.ini"
    config.write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    command = [str(VENV_BIN / "mypy"), "--config-file", str(config), "--cache-dir", str(cache)]
    command += ["--no-error-summary", "-p", package.name]
    outcome = _run(command, cwd=package.parent, timeout=CHECK_TIMEOUT)
    errors = [line for line in outcome.output.splitlines() if ": error:" in line]
    codes = collections.Counter(re.findall(r"\[([a-z-]+)\]$", "\n".join(errors), re.MULTILINE))
    if outcome.timed_out:
        return {"errors": None, "note": f"timed out after {CHECK_TIMEOUT:.0f} s", "seconds": outcome.seconds}
    if outcome.exit not in (0, 1) or (outcome.exit == 1 and not errors):
        return {"errors": None, "note": _clean(outcome.output[-600:]), "seconds": outcome.seconds}
    return {
        "errors": len(errors),
        "codes": dict(codes.most_common()),
        "first": [_clean(line) for line in errors[:5]],
        "seconds": round(outcome.seconds, 1),
    }


def _pyright(package: Path) -> dict[str, Any]:
    config = package.parent / "pyrightconfig.json"
    settings = {"include": [package.name], "typeCheckingMode": "strict", "reportMissingModuleSource": False}
    config.write_text(json.dumps(settings), encoding="utf-8")
    command = [str(PYRIGHT), "--outputjson", "-p", str(config), "--pythonpath", sys.executable]
    outcome = _run(command, cwd=package.parent, timeout=CHECK_TIMEOUT)
    if outcome.timed_out:
        return {"errors": None, "note": f"timed out after {CHECK_TIMEOUT:.0f} s", "seconds": outcome.seconds}
    try:
        report = json.loads(outcome.output[outcome.output.index("{") :])
    except ValueError:
        return {"errors": None, "note": _clean(outcome.output[-600:]), "seconds": outcome.seconds}
    diagnostics = [item for item in report.get("generalDiagnostics", []) if item.get("severity") == "error"]
    rules = collections.Counter(str(item.get("rule", "?")) for item in diagnostics)
    return {
        "errors": int(report.get("summary", {}).get("errorCount", len(diagnostics))),
        "codes": dict(rules.most_common()),
        "first": [
            _clean(f"{item.get('file', '')}: {item.get('message', '')}")[:300] for item in diagnostics[:5]
        ],
        "seconds": round(outcome.seconds, 1),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class _Prism:
    """Prism serving one spec on loopback, stopped (its process group) on exit."""

    def __init__(self, spec: Path, log: Path) -> None:
        self.spec = spec
        self.log = log
        self.url = f"http://127.0.0.1:{_free_port()}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        port = self.url.rsplit(":", 1)[1]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(PRISM), "mock", str(self.spec), "--host", "127.0.0.1", "--port", port],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Prism exited with {self.process.returncode}: {self._log_tail()}")
            try:
                httpx.get(f"{self.url}/__corpus_ready__", timeout=1.0)
                return self.url
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Prism did not answer within 120 s: {self._log_tail()}") from None
                time.sleep(0.3)

    def _log_tail(self) -> str:
        return _clean(self.log.read_text(encoding="utf-8", errors="replace")[-800:], self.spec)

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _coverage(
    spec_ops: list[tuple[str, str]], methods: list[dict[str, Any]]
) -> tuple[int, list[tuple[str, str]]]:
    have = {(str(op["method"]), _normal(str(op["path"]))) for op in methods}
    missing = [(method, path) for method, path in spec_ops if (method, _normal(path)) not in have]
    return len(spec_ops) - len(missing), missing


def _ours(
    spec: Spec, path: Path, work: Path, spec_ops: list[tuple[str, str]], args: argparse.Namespace
) -> dict[str, Any]:
    out = work / "ours"
    cache = work / "sdkgen-cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, "-m", "generator", "generate", "--spec", str(path), "--out", str(out)]
    outcome = _run(command, cwd=ROOT, timeout=GENERATE_TIMEOUT, env=_environment(cache))
    shutil.rmtree(cache, ignore_errors=True)
    (work / "ours.log").write_text(outcome.output, encoding="utf-8")
    lines = outcome.output.splitlines()
    result: dict[str, Any] = {
        "exit": outcome.exit,
        "seconds": round(outcome.seconds, 1),
        "warnings": sum(1 for line in lines if line.startswith("warning:")),
        "timed_out": outcome.timed_out,
    }
    reasons: dict[tuple[str, str], str] = {}
    for line in lines:
        if found := _LEFT_OUT.search(line):
            reasons[(found.group(1), _normal(found.group(2)))] = _clean(found.group(3), path)
    package = _package_dir(out) if outcome.exit == 0 else None
    if package is None:
        result["failure"] = _clean("\n".join(lines[:8]), path) if lines else "no output"
        result["covered"] = 0
        result["missing"] = [
            {"method": m, "path": p, "reason": "no client was generated"} for m, p in spec_ops
        ]
        return result
    result["package"] = package.name
    with_prism = not args.no_prism and len(spec_ops) <= PRISM_LIMIT
    probe: dict[str, Any]
    if with_prism:
        try:
            with _Prism(path, work / "prism.log") as url:
                probe = _probe("ours", package, work / "ours-probe.json", path, url)
        except RuntimeError as error:
            probe = _probe("ours", package, work / "ours-probe.json", None, None)
            probe["calls_error"] = str(error)
    else:
        probe = _probe("ours", package, work / "ours-probe.json", None, None)
    _fold_probe(result, probe, spec_ops, reasons)
    if with_prism:
        calls = [as_dict(call) for call in as_list(probe.get("calls"))]
        result["prism"] = {
            "called": len(calls),
            "accepted": sum(1 for call in calls if call.get("accepted")),
            "error": _clean(str(probe["calls_error"]), path) if "calls_error" in probe else None,
            "refused": [_call_summary(call) for call in calls if not call.get("accepted")],
        }
    if not args.no_types:
        result["mypy"] = _mypy(package, CACHE / "mypy" / f"{spec.name}-ours")
        result["pyright"] = _pyright(package)
    return result


def _call_summary(call: dict[str, Any]) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "method": call.get("method"),
        "path": call.get("path"),
        "status": call.get("status"),
    }
    for key in ("violations", "detail", "error"):
        if call.get(key):
            summary[key] = _clean(str(call[key]))[:300]
    return summary


def _fold_probe(
    result: dict[str, Any],
    probe: dict[str, Any],
    spec_ops: list[tuple[str, str]],
    reasons: dict[tuple[str, str], str],
) -> None:
    if "probe_error" in probe:
        result["probe_error"] = probe["probe_error"]
    methods = [as_dict(op) for op in as_list(probe.get("operations"))]
    result["modules"] = probe.get("modules", 0)
    result["import_failures"] = [
        {"module": item["module"], "error": _clean(item["error"])}
        for item in probe.get("import_failures", [])
    ]
    result["methods"] = len(methods)
    covered, missing = _coverage(spec_ops, methods)
    result["covered"] = covered
    result["missing"] = [
        {"method": m, "path": p, "reason": reasons.get((m, _normal(p)), "no reason given")}
        for m, p in missing
    ]


_BOX = re.compile(r"[\u2500-\u257f]")


def _failure_text(lines: list[str]) -> str:
    """What a failed run said, shortest first: the exception line of a traceback (rich draws its
    tracebacks in boxes), else the output's first lines."""
    plain = [line.strip() for line in lines if line.strip() and not _BOX.search(line)]
    if any("Traceback" in line for line in lines):
        raised = [line for line in plain if re.match(r"^[A-Za-z_.]*(Error|Exception|Exit)\b", line)]
        if raised:
            return "raised " + raised[-1][:600]
    return "\n".join(plain)[:1200]


def _opc(
    path: Path, work: Path, spec_ops: list[tuple[str, str]], args: argparse.Namespace, name: str
) -> dict[str, Any]:
    out = work / "opc"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        str(VENV_BIN / "openapi-python-client"),
        "generate",
        "--path",
        str(path),
        "--output-path",
        str(out),
    ]
    outcome = _run(command, cwd=work, timeout=GENERATE_TIMEOUT)
    (work / "opc.log").write_text(outcome.output, encoding="utf-8")
    lines = outcome.output.splitlines()
    package = _package_dir(out) if out.is_dir() else None
    result: dict[str, Any] = {
        "exit": outcome.exit,
        "seconds": round(outcome.seconds, 1),
        "warnings": sum(1 for line in lines if line.startswith("WARNING")),
        "timed_out": outcome.timed_out,
    }
    reasons: dict[tuple[str, str], str] = {}
    for index, line in enumerate(lines):
        if found := _OPC_WARNING.match(line.strip()):
            detail = next((text.strip() for text in lines[index + 1 : index + 4] if text.strip()), "")
            reasons[(found.group(1).upper(), _normal(found.group(2)))] = _clean(detail, path)[:200]
    if package is None or outcome.exit != 0:
        result["failure"] = _clean(_failure_text(lines), path)
    if package is None:
        result["covered"] = 0
        result["missing"] = [
            {"method": m, "path": p, "reason": "no client was generated"} for m, p in spec_ops
        ]
        return result
    result["package"] = package.name
    _fold_probe(result, _probe("opc", package, work / "opc-probe.json", None, None), spec_ops, reasons)
    if not args.no_types:
        result["mypy"] = _mypy(package, CACHE / "mypy" / f"{name}-opc")
        result["pyright"] = _pyright(package)
    return result


def _document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def _identity(spec: Spec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "package": f"{spec.package.name}@{spec.package.version}",
        "file": spec.file,
        "openapi": spec.openapi,
        "format": spec.format,
    }


def run_spec(spec: Spec, args: argparse.Namespace) -> dict[str, Any]:
    entry = _identity(spec)
    try:
        path = fetch(spec)
    except FetchError as error:
        entry["fetch_error"] = _clean(str(error))
        return entry
    document = _document(path)
    spec_ops = count_operations(document)
    info = as_dict(as_dict(document).get("info"))
    entry["title"] = str(info.get("title", ""))
    entry["version"] = str(info.get("version", ""))
    entry["operations"] = len(spec_ops)
    work = CACHE / "runs" / spec.name
    work.mkdir(parents=True, exist_ok=True)
    print(f"[{spec.name}] {len(spec_ops)} operations, ours ...", flush=True)
    entry["ours"] = _ours(spec, path, work, spec_ops, args)
    if not args.no_opc:
        print(f"[{spec.name}] openapi-python-client ...", flush=True)
        entry["opc"] = _opc(path, work, spec_ops, args, spec.name)
    return entry


# The table.


def _errors(side: dict[str, Any], key: str) -> str:
    check = as_dict(side.get(key))
    if not check:
        return "-"
    errors = check.get("errors")
    return "?" if errors is None else str(errors)


def _coverage_text(side: dict[str, Any], operations: int) -> str:
    covered = int(side.get("covered", 0))
    return f"{100 * covered / operations:.0f}%" if operations else "-"


def _imports(side: dict[str, Any]) -> str:
    if "modules" not in side:
        return "-"
    failures = len(side.get("import_failures") or [])
    return "ok" if not failures else f"{failures} fail"


def _exit(side: dict[str, Any]) -> str:
    return "timeout" if side.get("timed_out") else str(side.get("exit"))


def table(entries: list[dict[str, Any]]) -> str:
    header = (
        "| spec | OpenAPI | format | ops | ours: exit | s | imports | mypy | pyright | coverage | Prism ok/called "
        "| opc: exit | s | imports | mypy | pyright | coverage |"
    )
    rows = [header, "|" + "---|" * 17]
    for entry in entries:
        if "fetch_error" in entry or "crash" in entry:
            rows.append(
                f"| {entry['name']} | {entry['openapi']} | {entry['format']} | {'fetch failed' if 'fetch_error' in entry else 'run failed'} |"
                + " |" * 13
            )
            continue
        ops = int(entry["operations"])
        ours = entry.get("ours", {})
        opc = entry.get("opc", {})
        prism = as_dict(ours.get("prism"))
        prism_text = f"{prism['accepted']}/{prism['called']}" if prism else "-"
        if prism.get("error"):
            prism_text = "Prism failed"
        cells = [entry["name"], entry["openapi"], entry["format"], str(ops)]
        cells += [_exit(ours), f"{ours.get('seconds', 0):.1f}", _imports(ours), _errors(ours, "mypy")]
        cells += [_errors(ours, "pyright"), _coverage_text(ours, ops), prism_text]
        if opc:
            cells += [_exit(opc), f"{opc.get('seconds', 0):.1f}", _imports(opc), _errors(opc, "mypy")]
            cells += [_errors(opc, "pyright"), _coverage_text(opc, ops)]
        else:
            cells += ["-"] * 6
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _reasons(side: dict[str, Any]) -> list[str]:
    counted = collections.Counter(str(item["reason"]) for item in side.get("missing", []))
    return [f"{count} x {reason}" for reason, count in counted.most_common(4)]


def _stopped(side: dict[str, Any], label: str) -> str:
    parts: list[str] = []
    if side.get("timed_out"):
        parts.append(f"timed out after {GENERATE_TIMEOUT:.0f} s")
    elif "failure" in side and side.get("exit") != 0:
        failure = " / ".join(line.strip() for line in str(side["failure"]).splitlines() if line.strip())
        parts.append(f"exit {side.get('exit')}: {failure[:400]}")
    elif side.get("missing"):
        parts.append("left out: " + "; ".join(_reasons(side)))
    if side.get("import_failures"):
        first = side["import_failures"][0]
        parts.append(
            f"{len(side['import_failures'])} modules fail to import (first: {first['module']}: {first['error'][:160]})"
        )
    for key in ("mypy", "pyright"):
        check = as_dict(side.get(key))
        if check.get("errors"):
            codes = ", ".join(
                f"{code} {count}" for code, count in list(as_dict(check.get("codes")).items())[:3]
            )
            parts.append(f"{key}: {check['errors']} errors ({codes})")
        elif check and check.get("errors") is None and check.get("note"):
            parts.append(
                f"{key}: {str(check['note']).splitlines()[-1][:160] if check['note'] else 'no result'}"
            )
    prism = as_dict(side.get("prism"))
    if prism:
        if prism.get("error"):
            parts.append(f"Prism: {str(prism['error'])[:200]}")
        elif prism.get("refused"):
            statuses = collections.Counter(
                str(as_dict(call).get("status") or str(as_dict(call).get("error", "?"))[:60])
                for call in as_list(prism["refused"])
            )
            parts.append(
                "Prism refused: "
                + ", ".join(f"{status} x{count}" for status, count in statuses.most_common(4))
            )
    return f"- {label}: " + ("; ".join(parts) if parts else "nothing found")


def notes(entries: list[dict[str, Any]]) -> str:
    lines = ["## What stopped each generator", ""]
    for entry in entries:
        lines.append(f"**{entry['name']}** ({entry['package']}, `{entry['file']}`)")
        if "fetch_error" in entry:
            lines.append(f"- fetch: {entry['fetch_error']}")
        elif "crash" in entry:
            lines.append(f"- the corpus run itself failed on this spec: {entry['crash']}")
        else:
            lines.append(_stopped(entry.get("ours", {}), "ours"))
            if entry.get("opc"):
                lines.append(_stopped(entry["opc"], "opc"))
        lines.append("")
    return "\n".join(lines)


def _totals(entries: list[dict[str, Any]], side: str) -> tuple[int, int, int, int]:
    """Specs with a client (exit 0), those importing at 0 type errors, operations covered, operations."""
    ran = [entry for entry in entries if "operations" in entry]
    sides = [as_dict(entry.get(side)) for entry in ran]
    clients = [client for client in sides if client.get("package") and client.get("exit") == 0]
    clean = [
        client
        for client in clients
        if not client.get("import_failures")
        and all(as_dict(client.get(key)).get("errors") == 0 for key in ("mypy", "pyright"))
    ]
    covered = sum(int(as_dict(entry.get(side)).get("covered", 0)) for entry in ran)
    return len(clients), len(clean), covered, sum(int(entry["operations"]) for entry in ran)


def summary(entries: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    total = len(entries)
    for side, label in (("ours", "Ours"), ("opc", "openapi-python-client")):
        if not any(side in entry for entry in entries):
            continue
        clients, clean, covered, operations = _totals(entries, side)
        share = f"{100 * covered / operations:.0f}%" if operations else "-"
        lines.append(
            f"- {label}: a client for {clients} of {total} specs, {clean} of them importing and at 0 mypy and"
            f" pyright errors; {covered} of {operations} operations ({share}) became methods."
        )
    prism = [as_dict(as_dict(entry.get("ours")).get("prism")) for entry in entries]
    called = sum(int(item.get("called", 0)) for item in prism)
    accepted = sum(int(item.get("accepted", 0)) for item in prism)
    if called:
        lines.append(f"- Prism accepted {accepted} of the {called} calls made with our clients.")
    return lines


def report(entries: list[dict[str, Any]], args: argparse.Namespace, seconds: float) -> str:
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mode = ", ".join(
        flag
        for flag, on in (
            ("quick", args.quick),
            ("no type checks", args.no_types),
            ("no Prism", args.no_prism),
        )
        if on
    )
    head = [
        "# Corpus run",
        "",
        f"{when}; {len(entries)} specs{f' ({mode})' if mode else ''}; {seconds / 60:.1f} min; "
        f"ours against openapi-python-client {OPC_VERSION}. `make corpus` wrote this (corpus/run.py).",
        "",
        "Columns: exit code and wall time of generation; every module imported; `mypy --strict` and pyright "
        "strict errors on the generated package (- not run, ? no count); coverage: operations of the spec "
        f"that became a method; Prism: methods whose call Prism accepted (2xx, no validation violation), specs "
        f"of at most {PRISM_LIMIT} operations, ours only.",
        "",
        *summary(entries),
        "",
    ]
    return "\n".join(head) + "\n" + table(entries) + "\n\n" + notes(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated spec names")
    parser.add_argument(
        "--quick", action="store_true", help=f"only specs of at most {QUICK_LIMIT} operations"
    )
    parser.add_argument("--no-types", action="store_true", help="skip mypy and pyright")
    parser.add_argument("--no-prism", action="store_true", help="skip the Prism calls")
    parser.add_argument("--no-opc", action="store_true", help="skip openapi-python-client")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where latest.md and latest.json go")
    args = parser.parse_args(argv)
    specs = load()
    if args.only:
        wanted = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = sorted(set(wanted) - {spec.name for spec in specs})
        if unknown:
            parser.error(
                f"no spec named {', '.join(unknown)}; the manifest has {', '.join(s.name for s in specs)}"
            )
        specs = [spec for spec in specs if spec.name in wanted]
    if args.quick:
        specs = [spec for spec in specs if spec.operations <= QUICK_LIMIT]
    start = time.perf_counter()
    args.results.mkdir(parents=True, exist_ok=True)
    name = "latest" if not (args.only or args.quick) else "partial"
    entries: list[dict[str, Any]] = []
    for spec in specs:
        try:
            entries.append(run_spec(spec, args))
        except Exception as error:  # the instrument's own failure on one spec must not lose the rest
            entries.append({**_identity(spec), "crash": _clean(f"{type(error).__name__}: {error}")[:600]})
        # Written after every spec, so that an interrupted run still leaves what it measured.
        text = report(entries, args, time.perf_counter() - start)
        (args.results / f"{name}.md").write_text(text + "\n", encoding="utf-8")
        (args.results / f"{name}.json").write_text(
            json.dumps(entries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    print("\n" + report(entries, args, time.perf_counter() - start))
    print(
        f"\nwritten: {(args.results / f'{name}.md').relative_to(ROOT) if args.results.is_relative_to(ROOT) else args.results}"
    )
    return 0
