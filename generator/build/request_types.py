"""The request side of the type pass (``types``): the arguments' types and their ``*Param`` TypedDicts.

Kept as a name of its own for the modules that type their arguments with it; the decisions are
``types.SchemaTypes``'s, shared with the response models.
"""

from __future__ import annotations

from .types import SchemaTypes as RequestTypes

__all__ = ["RequestTypes"]
