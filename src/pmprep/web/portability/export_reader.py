"""Reading an export file record by record, with memory bounded whatever the file holds.

``json.loads`` of a 50 MB file of ``{}`` builds 17 million dicts (well over a gigabyte), before a
single record can be checked. Here the file is parsed as a stream (ijson, on the yajl C parser),
each record is built on its own and handed on, and a record is refused as soon as it holds more
than ``MAX_RECORD_VALUES`` values or ``MAX_DEPTH`` levels of nesting, a section as soon as it holds
more than ``MAX_RECORDS`` records. So at most one record is in memory at a time, and it is at most
a few megabytes (or as large as one string in the file).

Both readers yield the same ``Entry`` values, so an in-memory document (a test's, or the export of
this very server) is checked by the same code as an uploaded file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson

# Generous: a year of 50 answers a day is 18,250 attempts; the 50 MB upload limit is reached first
# by any real account.
MAX_RECORDS = 20_000
# One analyzer feedback holds a few hundred values; one for a 200,000-character answer, a few
# tens of thousands.
MAX_RECORD_VALUES = 200_000
MAX_DEPTH = 32
CHUNK = 1024 * 1024
# No value of a pmprep record is longer (an answer is at most 200,000 characters, 800 KB of emoji).
# yajl re-reads an unfinished string with every chunk it is fed, so one 50 MB string of emoji took
# minutes; a value that runs on past this is refused as soon as it does.
MAX_VALUE_BYTES = 4 * 1024 * 1024
BOM = codecs.BOM_UTF8


class FileError(Exception):
    """The bytes are not UTF-8 JSON; the message says where and why."""


class TooLarge(Exception):
    """A record or a section is over its limit; the message names it and the limit."""


@dataclass(frozen=True)
class Entry:
    """One thing read from the document, in file order.

    kind is "not_object" (the document is not a JSON object; value describes it), "field" (a
    top-level field other than data), "data" (data is not an object; value describes it),
    "section" (a section starts; value is None for a list, else what it is instead) or "record".
    """

    kind: str
    name: str = ""
    index: int = -1
    value: Any = None


STARTS = {"start_array": "a list", "string": "text", "number": "a number", "boolean": "true/false", "null": "null"}


def describe(value: Any) -> str:
    """What a JSON value is, in words (for "expected a list, found …")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def read_document(document: Any) -> Iterator[Entry]:
    """The entries of a document already in memory."""
    if not isinstance(document, dict):
        yield Entry("not_object", value=describe(document))
        return
    for key, value in document.items():
        if key != "data":
            yield Entry("field", key, value=value)
        elif not isinstance(value, dict):
            yield Entry("data", value=describe(value))
        else:
            for name, records in value.items():
                if not isinstance(records, list):
                    yield Entry("section", name, value=describe(records))
                    continue
                yield Entry("section", name)
                if len(records) > MAX_RECORDS:
                    raise TooLarge(_too_many(name))
                for index, record in enumerate(records):
                    yield Entry("record", name, index, record)


def read_stream(stream: IO[bytes]) -> Iterator[Entry]:
    """The entries of an export file, read from a seekable binary stream as it is parsed."""
    stream.seek(0)
    events = _events(stream)
    first = next(events, None)
    if first is None:
        return
    if first[0] != "start_map":
        yield Entry("not_object", value=STARTS.get(first[0], "a value"))
        return
    for event, key in events:
        if event == "end_map":
            break
        start = next(events)
        if key != "data":
            yield Entry("field", key, value=_build(f'"{key}"', start, events))
        elif start[0] != "start_map":
            yield Entry("data", value=describe(_build("data", start, events)))
        else:
            yield from _sections(events)
    for _ in events:  # reach the end, so trailing garbage is still a JSON error
        pass


def _too_many(name: str) -> str:
    return f"data.{name}: more than {MAX_RECORDS:,} records; the limit is {MAX_RECORDS:,} of each kind"


def _sections(events: Iterator[tuple[str, Any]]) -> Iterator[Entry]:
    for event, name in events:
        if event == "end_map":
            return
        start = next(events)
        if start[0] != "start_array":
            yield Entry("section", name, value=describe(_build(f"data.{name}", start, events)))
            continue
        yield Entry("section", name)
        index = 0
        for item in events:
            if item[0] == "end_array":
                break
            if index == MAX_RECORDS:
                raise TooLarge(_too_many(name))
            yield Entry("record", name, index, _build(f"data.{name}[{index}]", item, events))
            index += 1


def _build(where: str, first: tuple[str, Any], events: Iterator[tuple[str, Any]]) -> Any:
    """One JSON value from its parse events, refused when it is larger than any real record."""
    stack: list[Any] = []
    keys: list[Any] = []
    result: Any = None
    count = 0
    event, value = first
    while True:
        count += 1
        if count > MAX_RECORD_VALUES:
            raise TooLarge(f"{where}: more than {MAX_RECORD_VALUES:,} values; no pmprep record holds that many")
        if event == "map_key":
            keys[-1] = value
        elif event == "end_map" or event == "end_array":
            stack.pop()
            keys.pop()
            if not stack:
                return result
        else:
            container = event == "start_map" or event == "start_array"
            item = ({} if event == "start_map" else []) if container else value
            if not stack:
                result = item
            elif type(stack[-1]) is list:
                stack[-1].append(item)
            else:
                stack[-1][keys[-1]] = item
            if container:
                stack.append(item)
                keys.append(None)
                if len(stack) > MAX_DEPTH:
                    raise TooLarge(f"{where}: nested more than {MAX_DEPTH} levels deep; no pmprep record is")
            elif not stack:
                return result
        event, value = next(events)


def _events(stream: IO[bytes]) -> Iterator[tuple[str, Any]]:
    """ijson's basic events, with UTF-8 checked on the way and JSON errors placed by line and column."""
    found = ijson.sendable_list()
    parser = ijson.basic_parse_coro(found, use_float=True)
    utf8 = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    start = 0
    silent = 0
    while True:
        chunk = stream.read(CHUNK)
        if offset == 0 and chunk.startswith(BOM):
            chunk, start = chunk[len(BOM) :], len(BOM)
        try:
            utf8.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise FileError(
                f"byte {start + offset + exc.start}: the file is not UTF-8 text; expected a pmprep JSON export"
            ) from None
        try:
            if chunk:
                parser.send(chunk)
            else:
                parser.close()
        except ijson.JSONError as exc:
            raise FileError(_located(stream, start, offset, chunk, exc)) from None
        # A chunk that completes no value at all is the middle of one long value.
        silent = silent + len(chunk) if not found else 0
        if silent > MAX_VALUE_BYTES:
            raise TooLarge(
                f"byte {start + offset}: one value runs on for more than {MAX_VALUE_BYTES // 1024 // 1024} MB; "
                "no pmprep record holds one that long"
            )
        yield from found
        del found[:]
        if not chunk:
            return
        offset += len(chunk)


REASONS = {
    "premature EOF": "the file ends before the JSON does",
    "trailing garbage": "there is more after the end of the JSON",
    "integer overflow": "a number too large",
    "numeric (floating point) overflow": "a number too large",
    "invalid char in json text.": "unexpected character",
}


def _located(stream: IO[bytes], start: int, offset: int, chunk: bytes, exc: Exception) -> str:
    """Where the parser stopped, found by feeding the failing chunk again one byte at a time."""
    message = exc.args[0] if exc.args else ""
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    reason = text.splitlines()[0].strip() if text.strip() else "not JSON"
    reason = REASONS.get(reason.split(": ", 1)[-1], reason)
    parser = ijson.basic_parse_coro(_Discard(), use_float=True)
    stream.seek(start)
    position = offset
    try:
        remaining = offset
        while remaining:
            part = stream.read(min(CHUNK, remaining))
            parser.send(part)
            remaining -= len(part)
        for i in range(len(chunk)):
            position = offset + i
            parser.send(chunk[i : i + 1])
        position = offset + len(chunk)
        parser.close()
    except ijson.JSONError:
        pass
    stream.seek(start)
    line, column = 1, 1
    remaining = position
    tail = b""
    while remaining > 0:
        part = stream.read(min(CHUNK, remaining))
        if not part:
            break
        remaining -= len(part)
        newlines = part.count(b"\n")
        if newlines:
            line += newlines
            tail = part[part.rindex(b"\n") + 1 :]
        else:
            tail += part
    column = len(tail.decode("utf-8", "replace")) + 1
    return f"line {line}, column {column}: not valid JSON ({reason})"


class _Discard:
    """A target for the parser that keeps nothing (only whether it fails matters)."""

    def send(self, value: Any) -> None:
        pass
