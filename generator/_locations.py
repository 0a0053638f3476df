"""Where the generator's templates are (a module of its own, so that finding them imports nothing)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["TEMPLATES_DIR", "RUNTIME_DIR", "compiled_dir"]


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


def compiled_dir() -> Path | None:
    """Where the generator keeps what it derives from its own templates alone (the compiled
    templates, the static runtime's code shapes), as Python keeps ``.pyc`` files: ``__pycache__``
    beside the templates (read, though not written, under ``PYTHONDONTWRITEBYTECODE``), else, when
    that cannot be written, under the generator's cache (``cache.default_cache``); ``None`` when
    there is neither."""
    beside = TEMPLATES_DIR / "__pycache__"
    if os.access(beside if beside.is_dir() else TEMPLATES_DIR, os.W_OK) or (
        beside.is_dir() and sys.dont_write_bytecode
    ):
        return beside
    from .cache import default_cache

    root = default_cache().root
    return root / "templates" if root is not None else None
