"""Import time: a fresh interpreter per sample.

Each scenario runs as ``python -c <code>`` in a new process. The child times its own work with
``perf_counter`` (from just before the first import to the end) and prints it; the parent also
records the wall time of the whole process, interpreter start-up included, so ``python -c pass``
gives the floor. Scenarios take turns, after one untimed run each (which also leaves the bytecode
cache warm, as it is after installation; see ``child_environment``).

- import: ``import metronome_client; metronome_client.Metronome`` against
  ``import metronome; metronome.Metronome`` (the official SDK's import name is ``metronome``);
- first call: import, build a client on an ``httpx.MockTransport`` that answers with the recorded
  ``retrieveInvoice.json``, and make one ``v1.customers.invoices.retrieve`` call, which loads the
  resource modules and builds the models it needs (no network), for both clients.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from ._harness import GENERATED, Section, Target, median, ratio
from .data import FIXTURE

__all__ = ["SCENARIOS", "run"]

_PRELUDE = """\
import sys, time
sys.path.insert(0, sys.argv[1])
body = open(sys.argv[2], "rb").read()
start = time.perf_counter()
"""
_EPILOGUE = """
print(time.perf_counter() - start)
"""

_FIRST_CALL = """\
import httpx
def answer(request):
    return httpx.Response(200, content=body, headers={{"content-type": "application/json"}})
http_client = httpx.Client(transport=httpx.MockTransport(answer))
import {package}
client = {package}.Metronome(bearer_token="bench", base_url="http://127.0.0.1:9", http_client=http_client)
invoice = client.v1.customers.invoices.retrieve(customer_id="c", invoice_id="i")
assert invoice.data.line_items[0].name
"""

SCENARIOS: dict[str, str] = {
    "python -c pass": "pass",
    "ours: import + .Metronome": _PRELUDE
    + "import metronome_client\nmetronome_client.Metronome\n"
    + _EPILOGUE,
    "official: import + .Metronome": _PRELUDE + "import metronome\nmetronome.Metronome\n" + _EPILOGUE,
    "ours: first retrieve() call": _PRELUDE + _FIRST_CALL.format(package="metronome_client") + _EPILOGUE,
    "official: first retrieve() call": _PRELUDE + _FIRST_CALL.format(package="metronome") + _EPILOGUE,
}


def _sample(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds of the whole process, seconds the child measured itself)."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", code, str(GENERATED), str(FIXTURE)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    wall = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(f"import scenario failed:\n{code}\n{completed.stderr}")
    inner = float(completed.stdout.strip() or 0.0)
    return wall, inner


def child_environment(bytecode_cache: str) -> dict[str, str]:
    """The children's environment: every module's bytecode cached, as after an installation.

    ``PYTHONDONTWRITEBYTECODE`` (set on some machines) would leave ``generated/`` without cached
    bytecode, so ours would be compiled on every start while installed packages are not. A private
    cache directory (``PYTHONPYCACHEPREFIX``) gives every package the same footing and writes nothing
    into the repository.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("METRONOME_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = bytecode_cache
    return env


def run(rounds: int = 15, first_call_rounds: int = 9) -> Section:
    section = Section(title="Import time (fresh interpreter per sample)", unit="s")
    walls: dict[str, list[float]] = {name: [] for name in SCENARIOS}
    inners: dict[str, list[float]] = {name: [] for name in SCENARIOS}
    wanted = {name: first_call_rounds if "first" in name else rounds for name in SCENARIOS}
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = child_environment(cache)
        for code in SCENARIOS.values():
            _sample(code, env)
        for round_number in range(max(wanted.values())):
            for name, code in SCENARIOS.items():
                if round_number < wanted[name]:
                    wall, inner = _sample(code, env)
                    walls[name].append(wall)
                    inners[name].append(inner)

    wall_medians = {name: median(values) for name, values in walls.items()}
    for name, values in inners.items():
        if name != "python -c pass":
            section.medians[f"{name} (in-process)"] = median(values)
    for name, value in wall_medians.items():
        section.medians[f"{name} (whole process)"] = value

    ours = section.medians["ours: import + .Metronome (in-process)"]
    official = section.medians["official: import + .Metronome (in-process)"]
    section.ratios["official / ours: import"] = ratio(official, ours)
    section.ratios["official / ours: first call"] = ratio(
        section.medians["official: first retrieve() call (in-process)"],
        section.medians["ours: first retrieve() call (in-process)"],
    )
    section.targets.append(Target("import: ours / official", ratio(ours, official), 1.0))
    section.extra.update({"rounds": rounds, "first_call_rounds": first_call_rounds})
    section.notes.append("in-process: perf_counter around the imports inside the child")
    section.notes.append("whole process: wall time of the child, interpreter start-up included")
    return section
