"""The code shape of a module: what importing it depends on, without docstrings, comments or layout.

Kept apart from ``pipeline`` so that a child process can work shapes out without importing the
generator: ``python -c "from generator.shapes import main; main()" FILE`` reads ``FILE`` (JSON,
module name -> source text) and prints JSON, module name -> shape.
"""

from __future__ import annotations

import ast
import json
import sys

from .cache import digest


def code_shape(text: str) -> str:
    """A digest of what importing a module depends on: its syntax tree with docstrings emptied
    (and, as ever in an ``ast.dump``, without comments, layout or line numbers)."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                first.value.value = ""
    return digest(ast.dump(tree))


def main() -> None:
    with open(sys.argv[1], encoding="ascii") as handle:
        texts = json.load(handle)
    json.dump({name: code_shape(text) for name, text in texts.items()}, sys.stdout)
