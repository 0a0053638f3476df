"""Errors that point at the place in the spec that is wrong."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where something is: the file, the JSON pointer inside it, and the line/column when known."""

    file: str
    pointer: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.pointer:
            where += f" at {self.pointer}"
        elif self.line is None:
            where += " at the document root"
        return where


class SpecError(Exception):
    """One problem with the spec (or the generator config), with its location."""

    def __init__(
        self, message: str, location: Location, *, rule: str = "spec", repair: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.rule = rule
        self.repair = repair
        """The pointer of a value the generator leaves out to work around this problem, if any."""

    def __str__(self) -> str:
        return visible(f"{self.location}: {self.message}", keep="\n")

    def __reduce__(self) -> tuple[Any, ...]:
        return (SpecError, (self.message, self.location), {"rule": self.rule, "repair": self.repair})

    def relocated(self, location: Location) -> SpecError:
        """This error at ``location`` (the same place, with its line and column worked out)."""
        return SpecError(self.message, location, rule=self.rule, repair=self.repair)


class SpecErrors(Exception):
    """Several problems found in one pass; the generator reports them all and writes nothing."""

    def __init__(self, errors: list[SpecError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the spec:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


def escape_char(ch: str) -> str:
    """The Python string escape of one character (``\\U`` with eight digits beyond the BMP)."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, keep: str = "\n\t") -> str:
    """``text`` with every character that is not printable (NUL, escape sequences, form feeds, line
    separators...) but those in ``keep`` written as its Python escape, e.g. ``\\x00``.

    For spec text on its way to a terminal or a generated file: a control character from a
    description must neither reach a reader's terminal raw nor hide in a file as bytes.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in keep else escape_char(ch) for ch in text)


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(*tokens: str | int) -> str:
    if len(tokens) == 1:  # the usual call, a child of a pointer the caller holds
        token = str(tokens[0])
        return "/" + (token.replace("~", "~0").replace("/", "~1") if "~" in token or "/" in token else token)
    return "".join("/" + escape_pointer_token(token) for token in tokens)
