"""Writing one test for both clients: helpers that take what a sync or an async call returns.

A test typed with ``Client`` (``Metronome | AsyncMetronome``) calls the client as usual and passes
the result through one of these, which awaits what the async client hands back and takes the sync
client's result as it is. mypy checks every call against both clients' signatures.

Each helper is overloaded (the async form first): given a union such as ``SyncCursorPage[Invoice]
| AsyncPaginator[Invoice, AsyncCursorPage[Invoice]]``, mypy matches each member to its own overload
and the result is ``SyncCursorPage[Invoice] | AsyncCursorPage[Invoice]``, where one type variable
over the whole union would have had to be the same type on both sides. For that, no overload may
accept the whole union: ``settle``'s sync form takes only what a sync call returns (``SyncResult``).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Iterable
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager
from typing import Any, TypeVar, Union, cast, overload

from metronome_client._models import BaseModel
from metronome_client._page import SyncPageBase
from metronome_client._response import APIResponse, BinaryResponse

_T = TypeVar("_T")
SyncResult = TypeVar(
    "SyncResult",
    bound=Union[BaseModel, SyncPageBase[Any], APIResponse[Any], BinaryResponse, bytes, str, int, None],
)
"""What a sync client call (or a call on what it returned) gives back: never an awaitable."""


@overload
async def settle(result: Awaitable[_T]) -> _T: ...
@overload
async def settle(result: SyncResult) -> SyncResult: ...
async def settle(result: Any) -> Any:
    """The result of a call: awaited when the async client returned an awaitable, else as given.

    A sync call has already run (and raised) by the time its result gets here, so both kinds can be
    written as ``await settle(client.v1....(...))`` inside the same ``pytest.raises`` block. An async
    list call returns a paginator, which settles to its first page.
    """
    if inspect.isawaitable(result):
        return await result
    return result


@overload
async def collect(items: AsyncIterable[_T]) -> list[_T]: ...
@overload
async def collect(items: Iterable[_T]) -> list[_T]: ...
async def collect(items: Any) -> Any:
    """Every item: ``list(...)`` of a sync page (or iterator), ``[x async for x in ...]`` of an async one."""
    if isinstance(items, AsyncIterable):
        return [item async for item in cast(AsyncIterable[object], items)]
    return list(cast(Iterable[object], items))


@overload
def entered(manager: AbstractAsyncContextManager[_T]) -> AbstractAsyncContextManager[_T]: ...
@overload
def entered(manager: AbstractContextManager[_T]) -> AbstractAsyncContextManager[_T]: ...
def entered(manager: Any) -> Any:
    """``with`` for a sync context manager, ``async with`` for an async one, both as ``async with``."""
    return _entered(manager)


@asynccontextmanager
async def _entered(
    manager: AbstractContextManager[object] | AbstractAsyncContextManager[object],
) -> AsyncIterator[object]:
    if isinstance(manager, AbstractAsyncContextManager):
        async with manager as value:
            yield value
    else:
        with manager as value:
            yield value
