"""Structured logs: one JSON object per line, on stderr.

Configured once, by `run_service` and the CLI. A log line never carries a
question or a person's name unless debugging is on: the code logs intents,
routes and ids only, and since an error's message may quote its input (a
question, a name, a database row), errors are logged by type and traceback
frames, their message only when it is known to be about the system (a
connection refused, a timeout):

    >>> configure_logging(debug=False)
    >>> logging.getLogger("bot").info("request", extra={"route": "/healthz", "status": 200})
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from types import TracebackType
from typing import IO, Any

from sqlalchemy import exc as sa_exc

# `extra=` fields a log line may carry; anything else passed as extra is dropped.
FIELDS = ("route", "method", "status", "ms", "intent", "found", "platform", "count", "outcome")
# Errors whose message describes the system, not the input.
SYSTEM_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,
    sa_exc.DisconnectionError,
)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON.

    >>> record = logging.LogRecord("bot", logging.INFO, "x.py", 1, "started", None, None)
    >>> json.loads(JsonFormatter().format(record))["message"]
    'started'
    """

    def __init__(self, debug: bool = False) -> None:
        super().__init__()
        self.debug = debug

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = self.error(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    def error(self, exc_info: ExcInfo) -> dict[str, Any]:
        """The error's type chain and traceback; its message where it is safe."""
        _, error, tb = exc_info
        chain: list[BaseException] = []
        cause: BaseException | None = error
        while cause is not None and len(chain) < 5:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        found: dict[str, Any] = {"types": [_qualified(type(e)) for e in chain]}
        messages = [_first_line(e) for e in chain if self.debug or isinstance(e, SYSTEM_ERRORS)]
        if messages:
            found["messages"] = messages
        found["frames"] = _frames(traceback.extract_tb(tb))
        if self.debug:
            found["traceback"] = "".join(traceback.format_exception(*exc_info))
        return found


def _frames(frames: traceback.StackSummary) -> list[str]:
    """Where it happened: this project's frames (the library's own go unread), and
    the innermost frame, where the error was raised."""
    ours = [f for f in frames if "site-packages" not in f.filename][-8:]
    if frames and (not ours or ours[-1] is not frames[-1]):
        ours.append(frames[-1])
    return [f"{f.filename}:{f.lineno} in {f.name}" for f in ours]


def _qualified(kind: type[BaseException]) -> str:
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def _first_line(error: BaseException) -> str:
    """An error's first line: SQLAlchemy adds the statement and its parameters below."""
    text = str(error).strip()
    return text.splitlines()[0][:500] if text else ""


def configure_logging(debug: bool = False, stream: IO[str] | None = None) -> logging.Handler:
    """JSON lines on `stream` (stderr) from every logger; INFO, or DEBUG when debugging.

    Calling it again replaces the handler it installed before, so it is safe
    to call from the CLI and again from the service.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler.formatter, JsonFormatter):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(debug=debug))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    return handler
