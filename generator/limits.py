"""How big and how deep an input the generator accepts, and how it stays within Python's stack.

Every limit is far above what a real spec needs (ours nests 18 levels deep and uses no YAML
aliases) and far below what would exhaust memory or the interpreter's stack. Input beyond one of
them is a spec error (exit 2) that names the place, never a ``RecursionError`` or an
out-of-memory kill.

The generator's walks are recursive; a chain of a few hundred schemas that reference each other
is legitimate and needs more frames than Python's default limit of 1,000. ``run_deep`` runs a
command in a thread with a large stack and a raised recursion limit; ``recursion_guard`` turns a
``RecursionError`` that still escapes (a walk this module does not bound) into a spec error that
names the deepest place of the spec the walk had reached.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Generator
from contextlib import contextmanager
from types import TracebackType
from typing import TypeVar

from .errors import Location, SpecError, SpecErrors

__all__ = [
    "MAX_NESTING",
    "MAX_ALIASES",
    "MAX_ALIAS_EXPANSION",
    "MAX_REF_CHAIN",
    "RECURSION_LIMIT",
    "run_deep",
    "recursion_guard",
]

MAX_NESTING = 128
"""Mappings and sequences inside each other in the document (aliases expanded)."""
MAX_ALIASES = 10_000
"""YAML aliases (``*name``) in one document."""
MAX_ALIAS_EXPANSION = 100_000
"""Values the aliases of one document may add when they are expanded (a "billion laughs"
document of 1 KB would add 10^9)."""
MAX_REF_CHAIN = 1_000
"""Schemas in one chain of references (``A`` refers to ``B``, which refers to ``C``...)."""

RECURSION_LIMIT = 50_000
"""Frames the worker thread of ``run_deep`` may hold; ample for the limits above."""
_STACK_BYTES = 256 * 1024 * 1024
"""The worker thread's stack: address space reserved, touched only as deep as a run goes."""

_T = TypeVar("_T")


def run_deep(function: Callable[[], _T]) -> _T:
    """``function()`` in a thread with a large stack and ``RECURSION_LIMIT``; its result or its error.

    The recursion limit is per interpreter, so it is raised only while the thread runs and put back
    afterwards; the caller waits for the thread and runs nothing else meanwhile.
    """
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(function())
        except BaseException as exc:  # handed to the caller's thread as it is
            failure.append(exc)

    previous_stack = threading.stack_size()
    previous_limit = sys.getrecursionlimit()
    try:
        threading.stack_size(_STACK_BYTES)
        worker = threading.Thread(target=work, name="generator", daemon=True)
    except (ValueError, RuntimeError):  # a platform that refuses the size: run as we are
        return function()
    finally:
        threading.stack_size(previous_stack)
    sys.setrecursionlimit(max(previous_limit, RECURSION_LIMIT))
    try:
        worker.start()
    except RuntimeError:  # no memory for the stack: run as we are, with the usual limit
        sys.setrecursionlimit(previous_limit)
        return function()
    global _deep_worker
    _deep_worker = worker.ident
    try:
        worker.join()
    finally:
        _deep_worker = None
        sys.setrecursionlimit(previous_limit)
    if failure:
        raise failure[0]
    return outcome[0]


_deep_worker: int | None = None
"""The thread id of the worker ``run_deep`` is waiting for, while it waits."""


def in_deep_worker() -> bool:
    """Whether this is the worker thread of ``run_deep``: the process's other thread is only
    waiting for it (in ``join``, holding no lock a forked child could need)."""
    return _deep_worker is not None and threading.get_ident() == _deep_worker


def _deepest_pointer(trace: TracebackType | None) -> str | None:
    """The JSON pointer the innermost frame of ours that holds one was working on."""
    found: str | None = None
    package = __name__.rsplit(".", 1)[0]
    while trace is not None:
        frame = trace.tb_frame
        if frame.f_globals.get("__name__", "").startswith(package + "."):
            for name in ("pointer", "where", "ref_pointer"):
                value = frame.f_locals.get(name)
                if isinstance(value, str) and (value.startswith("/") or value.startswith("#/")):
                    found = value.lstrip("#")
                    break
        trace = trace.tb_next
    return found


@contextmanager
def recursion_guard(
    name: str, what: str, locate: Callable[[str], Location] | None = None
) -> Generator[None, None, None]:
    """Turn a ``RecursionError`` inside the block into ``SpecErrors`` naming where it happened.

    ``what`` says which step ran out of depth; ``locate`` turns the deepest JSON pointer the
    generator's own frames were working on into a location with a line (``Document.location``).
    """
    try:
        yield
    except RecursionError as exc:
        pointer = _deepest_pointer(exc.__traceback__)
        exc.__traceback__ = None  # the frames hold the whole walk; let them go before reporting
        if pointer is None:
            location = Location(name)
        elif locate is not None:
            location = locate(pointer)
        else:
            location = Location(name, pointer)
        message = (
            f"{what}: the spec nests or chains schemas too deeply for the generator "
            f"(more than {RECURSION_LIMIT:,} frames); this is where it gave up"
        )
        raise SpecErrors([SpecError(message, location, rule="generator")]) from None
