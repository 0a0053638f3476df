"""black's output of a rendered module, computed by running black only where it has work to do.

The templates and filters write code the way black writes it: its quotes (``render.py_str``),
spacing, blank lines, docstrings (``render.docstring``), and exploded brackets with a magic
trailing comma. What they cannot know in general is how black splits a line made long by spec
text (long names, many enum values). So ``format_module`` finds each logical line (one statement,
or the header of a ``def``/``class``/``if``) that has a physical line over the limit and gives black
just that line, in a skeleton that puts it at the same depth, then puts black's lines back in its
place. black lays out a logical line from its own text and depth alone, so the result is the
same as black's on the whole module; ``tests/test_fastformat.py`` checks that, byte for byte, on
the golden clients, our own client and a fuzz of the shapes spec text can take.

When the text is not in the shape these rules assume (a triple-quoted string that is not a
docstring, a backslash continuation, a tab, a decorator that is too long, brackets that do not
balance), black formats the whole module.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["format_module"]

_TOKENS = re.compile(r"""[rRbBuUfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#.*|[()\[\]{}]""")
"""The parts of a line that matter for bracket depth: string literals (skipped whole), a comment
(the rest of the line), and brackets."""

_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")
_PASS = "pass"


class _Unsure(Exception):
    """The text is not in the shape the rules assume: black gets the whole module."""


def format_module(source: str, black: Callable[[str], str], line_length: int) -> str:
    """``black(source)``, computed with ``black`` called on as little of ``source`` as possible."""
    if source.strip():
        # black ends a file with one newline, whatever blank lines the text ends with.
        source = source.rstrip("\n") + "\n"
    lines = source.split("\n")
    try:
        long_statements = _long_statements(lines, line_length)
    except _Unsure:
        return black(source)
    if not long_statements:
        return source
    out: list[str] = []
    position = 0
    for start, end in long_statements:
        out.extend(lines[position:start])
        try:
            out.extend(_black_statement(lines[start:end], black))
        except _Unsure:
            return black(source)
        position = end
    out.extend(lines[position:])
    return "\n".join(out)


def _black_statement(statement: list[str], black: Callable[[str], str]) -> list[str]:
    """black's lines for one logical line, laid out at its own depth inside ``if`` skeletons."""
    first = statement[0]
    indent = len(first) - len(first.lstrip(" "))
    if indent % 4:
        raise _Unsure
    depth = indent // 4
    prefix = "".join("    " * level + "if _:\n" for level in range(depth))
    header = statement[-1].rstrip().endswith(":")
    body = "    " * (depth + 1) + _PASS + "\n" if header else ""
    text = prefix + "\n".join(statement) + "\n" + body
    try:
        formatted = black(text)
    except Exception:  # not a statement that stands alone (``else:``...): black gets the module
        raise _Unsure from None
    if not formatted.startswith(prefix) or not formatted.endswith(body):
        raise _Unsure
    # black may put a blank line before a ``def`` in the skeleton; the module has its own.
    inner = formatted[len(prefix) : len(formatted) - len(body)]
    return inner.strip("\n").split("\n")


def _long_statements(lines: list[str], line_length: int) -> list[tuple[int, int]]:
    """``(start, end)`` line ranges of the logical lines that have a line over the limit, in order."""
    found: list[tuple[int, int]] = []
    in_docstring = False
    decorated = False
    depth = 0
    start = 0
    long = False
    for index, line in enumerate(lines):
        if in_docstring:
            # black leaves the text of a docstring alone; ``render.docstring`` writes its layout.
            if '"""' in line:
                if line.count('"""') != 1 or not line.rstrip().endswith('"""'):
                    raise _Unsure
                in_docstring = False
            continue
        stripped = line.strip()
        if not stripped:
            if depth:
                raise _Unsure  # a blank line inside brackets: not a shape we write
            continue
        if "\t" in line or "\f" in line or line.endswith("\\"):
            raise _Unsure
        if depth == 0 and not decorated:
            start = index
            long = False
            if stripped.startswith("#"):
                continue  # black does not split a comment; ``render.comment`` wraps the text
            if stripped.startswith('"""'):
                quotes = stripped.count('"""')
                if quotes == 1:
                    in_docstring = True
                elif quotes != 2 or not stripped.endswith('"""'):
                    raise _Unsure
                continue  # a docstring is never split by black
        elif '"""' in line:
            raise _Unsure
        for match in _TOKENS.finditer(line):
            token = match.group()
            if token in _OPENERS:
                depth += 1
            elif token in _CLOSERS:
                depth -= 1
                if depth < 0:
                    raise _Unsure
        # Black measures width, not length: a wide character (CJK...) counts two columns. Two
        # columns for every character of a line that is not ASCII can only send black more.
        if (len(line) if line.isascii() else 2 * len(line)) > line_length:
            long = True
        if depth == 0:
            # A decorator cannot stand alone in a skeleton: it goes with the ``def`` or ``class``
            # header it decorates (black lays out each on its own).
            decorated = stripped.startswith("@") or (decorated and not stripped.endswith(":"))
            if long and not decorated:
                found.append((start, index + 1))
    if depth or in_docstring or decorated:
        raise _Unsure
    return found
