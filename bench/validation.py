"""Validation: ``generator.validation`` against the implementation it replaced, same run.

The reference is what the loader ran before: the document against openapi-spec-validator's
meta-schema with Python ``jsonschema`` (stage ``openapi``), then openapi-spec-validator's root
validator (stage ``semantic``). Ours is ``validation.meta_schema_errors`` then
``validation.semantic_errors``. Both run on the same loaded document, on our spec and on GitHub's
(the generation benchmark's copy, fetched once), taking turns, in this process (imports paid
before the first sample). Each run's findings are counted; the two must find as many.

A second part times a fresh interpreter per sample that loads our spec and validates it, from just
before the validators' imports to the end, so the imports count and interpreter start-up does not.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._harness import REPO_ROOT, Section, Target, median, ratio, time_interleaved

__all__ = ["run", "reference", "ours"]

OUR_SPEC = REPO_ROOT / "spec" / "openapi.yaml"


def reference(doc: Any, version: str) -> int:
    """Findings of the replaced implementation (meta-schema, then, if it passed, the root validator)."""
    import jsonschema
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.schemas import schema_v30, schema_v31

    v31 = version.startswith("3.1")
    meta = schema_v31 if v31 else schema_v30
    found = sum(1 for _ in jsonschema.validators.validator_for(meta)(meta).iter_errors(doc.data))
    if found:
        return found
    cls = OpenAPIV31SpecValidator if v31 else OpenAPIV30SpecValidator
    validator = cls(doc.data)
    return sum(1 for _ in validator.root_validator(validator.schema_path))


def ours(doc: Any, version: str) -> int:
    from generator import validation

    found = len(validation.meta_schema_errors(doc, version))
    if found:
        return found
    return len(validation.semantic_errors(doc, version))


_CHILD = """\
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.loader import load_document
doc = load_document(Path(sys.argv[2]))
version = doc.data["openapi"]
start = time.perf_counter()
{body}
print(time.perf_counter() - start)
"""
_CHILD_OURS = """\
from generator import validation
assert not validation.meta_schema_errors(doc, version)
assert not validation.semantic_errors(doc, version)
"""
_CHILD_REFERENCE = """\
import jsonschema
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import schema_v31
assert not list(jsonschema.validators.validator_for(schema_v31)(schema_v31).iter_errors(doc.data))
validator = OpenAPIV31SpecValidator(doc.data)
assert not list(validator.root_validator(validator.schema_path))
"""


def _child(body: str) -> float:
    code = _CHILD.format(body=body)
    done = subprocess.run(
        [sys.executable, "-c", code, str(REPO_ROOT), str(OUR_SPEC)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"validation child failed:\n{done.stderr}")
    return float(done.stdout.strip())


def _compare(
    label: str, path: Path, section: Section, rounds: int, reference_rounds: int
) -> tuple[float, float]:
    from generator.loader import load_document

    doc = load_document(path)
    version = doc.data["openapi"]
    counts: dict[str, int] = {}

    def case(name: str, check: Callable[[Any, str], int]) -> Callable[[], object]:
        def sample() -> object:
            counts[name] = check(doc, version)
            return None

        return sample

    samples = time_interleaved(
        {"reference": case("reference", reference), "ours": case("ours", ours)},
        {"reference": reference_rounds, "ours": rounds},
    )
    old, new = median(samples["reference"]), median(samples["ours"])
    section.medians[f"{label}: reference (jsonschema + openapi-spec-validator)"] = old
    section.medians[f"{label}: ours (generator.validation)"] = new
    section.ratios[f"{label}: ours / reference"] = ratio(new, old)
    section.extra.setdefault("findings", {})[label] = dict(counts)
    section.extra.setdefault("samples", {})[label] = {k: [round(v, 4) for v in s] for k, s in samples.items()}
    if counts["reference"] != counts["ours"]:
        section.notes.append(
            f"{label}: FINDINGS DIFFER: reference {counts['reference']}, ours {counts['ours']}"
        )
    else:
        section.notes.append(f"{label}: both find {counts['ours']} problem(s)")
    return old, new


def run(*, rounds: int = 9, github: bool = True, github_rounds: int = 1, child_rounds: int = 5) -> Section:
    section = Section(
        title="validation: generator.validation vs jsonschema + openapi-spec-validator", unit="s"
    )
    # Paid once, before any sample: both sides' imports.
    from generator import validation  # noqa: F401

    reference_rounds = max(3, rounds // 3)
    old, new = _compare("our spec", OUR_SPEC, section, rounds, reference_rounds)
    section.info_targets.append(Target("our spec: ours / reference", ratio(new, old), 0.1))
    if github:
        from .generation import github_spec

        old, new = _compare("GitHub", github_spec(), section, max(3, rounds // 2), github_rounds)
        section.targets.append(Target("GitHub: ours / reference", ratio(new, old), 0.1))
    # Fresh interpreters, taking turns; each child reports its own time.
    inner: dict[str, list[float]] = {"ours": [], "reference": []}
    for _ in range(child_rounds):
        for name, body in (("ours", _CHILD_OURS), ("reference", _CHILD_REFERENCE)):
            inner[name].append(_child(body))
    cold = {name: median(times) for name, times in inner.items()}
    section.medians["our spec, fresh interpreter, imports included: ours"] = cold["ours"]
    section.medians["our spec, fresh interpreter, imports included: reference"] = cold["reference"]
    section.ratios["our spec, fresh interpreter: ours / reference"] = ratio(cold["ours"], cold["reference"])
    section.targets.append(
        Target("our spec, fresh interpreter, imports included: ours", cold["ours"], 0.1, unit=" s")
    )
    section.notes.append(
        "fresh interpreter: the child's own clock from before the validators' imports to the end "
        "(loading the document and interpreter start-up excluded)"
    )
    return section
