"""Where the generator's templates are (a module of its own, so that finding them imports nothing)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["TEMPLATES_DIR", "RUNTIME_DIR"]


def _templates_dir() -> Path:
    """Where the templates are: inside the package when installed from a wheel (pyproject.toml maps
    ``templates/`` to ``generator/templates/``), else ``templates/`` beside the package, as in a
    checkout, ``python -m generator`` and an editable install."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


TEMPLATES_DIR = _templates_dir()
RUNTIME_DIR = TEMPLATES_DIR / "runtime"
"""The static runtime modules, copied into every generated package as they are."""
