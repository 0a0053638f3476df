"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

from .._models import NumberArg

__all__ = [
    "FormsSubmitFormBodyAddressGeoParam",
    "FormsSubmitFormBodyAddressParam",
    "FormsSubmitFormBodyFlatParam",
    "FormsSubmitFormBodyLinesItemParam",
    "FormsSubmitFormBodyPayloadParam",
    "UploadsUploadBodyAttributesParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class FormsSubmitFormBodyAddressGeoParam(TypedDict, total=False):
    lat: NotRequired[NumberArg]


@with_config(_CLOSED)
class FormsSubmitFormBodyAddressParam(TypedDict, total=False):
    city: NotRequired[str]
    geo: NotRequired[FormsSubmitFormBodyAddressGeoParam]


@with_config(_CLOSED)
class FormsSubmitFormBodyFlatParam(TypedDict, total=False):
    r: NotRequired[int]
    g: NotRequired[int]


@with_config(_CLOSED)
class FormsSubmitFormBodyLinesItemParam(TypedDict, total=False):
    price: NotRequired[str]
    quantity: NotRequired[int]


@with_config(_CLOSED)
class FormsSubmitFormBodyPayloadParam(TypedDict, total=False):
    x: NotRequired[int]


@with_config(_CLOSED)
class UploadsUploadBodyAttributesParam(TypedDict, total=False):
    color: NotRequired[str]


@with_config(_CLOSED)
class FormsSubmitFormArgs(TypedDict, total=False):
    name: Required[str]
    count: NotRequired[int]
    active: NotRequired[bool]
    tags: NotRequired[Sequence[str]]
    ids: NotRequired[Sequence[int]]
    metadata: NotRequired[Mapping[str, str]]
    address: NotRequired[FormsSubmitFormBodyAddressParam]
    lines: NotRequired[Sequence[FormsSubmitFormBodyLinesItemParam]]
    flat: NotRequired[FormsSubmitFormBodyFlatParam]
    payload: NotRequired[FormsSubmitFormBodyPayloadParam]


@with_config(_CLOSED)
class FormsSubmitFreeFormArgs(TypedDict, total=False):
    body: NotRequired[Mapping[str, object]]


@with_config(_CLOSED)
class UploadsUploadArgs(TypedDict, total=False):
    title: NotRequired[str]
    public: NotRequired[bool]
    attributes: NotRequired[UploadsUploadBodyAttributesParam]


@with_config(_CLOSED)
class UploadsUploadFreeArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class BlobsPutBlobArgs(TypedDict, total=False):
    name: Required[str]


@with_config(_CLOSED)
class BlobsPutImageArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class NotesPostNoteArgs(TypedDict, total=False):
    body: Required[str]


@with_config(_CLOSED)
class ThingsCreateThingArgs(TypedDict, total=False):
    name: Required[str]
    color: NotRequired[str]


@with_config(_CLOSED)
class ThingsPatchThingArgs(TypedDict, total=False):
    name: Required[str]
    color: NotRequired[str | None]


@with_config(_CLOSED)
class ThingsCheckThingsArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class EventsStreamEventsArgs(TypedDict, total=False):
    topic: NotRequired[str]


@with_config(_CLOSED)
class EventsStreamLogArgs(TypedDict, total=False):
    pass
