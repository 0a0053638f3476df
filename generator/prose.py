"""Descriptions in the intermediate model: where each one sits, and putting a new text there.

The model (``ir``) holds the document's descriptions and summaries only as copies, each in a
field called ``description`` or ``summary``: the build decides nothing by their text, only by
whether there is any, which the document's structure (``pipeline.structure_key``) keeps. So a
model built from a document is, after an edit of the text of some descriptions, the model of the
edited document once those fields hold the new texts. ``prose_slots`` finds the fields (and
refuses a model in which such a field holds anything but a copy of one of the document's texts);
``patch`` puts the new texts in, where it can tell for certain which fields a text went to.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Union

__all__ = ["PROSE_FIELDS", "Slots", "prose_slots", "patch"]

PROSE_FIELDS = frozenset({"description", "summary"})
"""The fields of the model that hold a description or a summary of the document, and nothing else."""

Step = tuple[str, Union[str, int]]
"""``("a", name)``: an attribute; ``("i", index)``: an item of a tuple or list."""
Slots = dict[str, list[list[Step]]]
"""A text -> the paths, from the root, of the fields that hold it."""


def prose_slots(root: object, texts: set[str]) -> Slots | None:
    """Every ``description``/``summary`` field reachable from ``root`` that holds text, by its
    text; ``None`` when one holds text that is not one of ``texts`` (then it was made some other
    way than by copying, and nothing may be patched). An object reached twice is listed once."""
    slots: Slots = {}
    seen: set[int] = set()
    stack: list[tuple[Any, list[Step]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, (tuple, list)):
            for index, item in enumerate(node):
                if _composite(item):
                    stack.append((item, [*path, ("i", index)]))
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        for name, value in vars(node).items():
            if name in PROSE_FIELDS and isinstance(value, str):
                if value:
                    if value not in texts:
                        return None
                    slots.setdefault(value, []).append([*path, ("a", name)])
            elif _composite(value):
                stack.append((value, [*path, ("a", name)]))
    return slots


def _composite(value: object) -> bool:
    """Whether ``value`` may hold model objects: one of them, or a tuple or list."""
    return isinstance(value, (tuple, list)) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type) and hasattr(value, "__dict__")
    )


def patch(root: object, slots: Slots, old: list[str], new: list[str]) -> bool:
    """Put ``new[i]`` wherever ``old[i]`` was copied, for every ``i`` where they differ (both are
    the document's texts in document order, ``structure_key``'s). False, with nothing changed,
    when that cannot be told for certain: an old text that was empty, or that the document had
    more than once (the fields holding it may have come from either place)."""
    if len(old) != len(new):
        return False
    changed = [index for index, (before, after) in enumerate(zip(old, new, strict=True)) if before != after]
    if not changed:
        return True
    counts: dict[str, int] = {}
    for text in old:
        counts[text] = counts.get(text, 0) + 1
    if any(not old[index] or counts[old[index]] != 1 for index in changed):
        return False
    for index in changed:
        for path in slots.get(old[index], []):
            holder: Any = root
            for kind, step in path[:-1]:
                holder = getattr(holder, str(step)) if kind == "a" else holder[int(step)]
            object.__setattr__(holder, str(path[-1][1]), new[index])
    return True
