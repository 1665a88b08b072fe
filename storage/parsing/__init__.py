"""Minutes text in, plain records out: see `parse_text`.

`parse_text` is loaded on first use, so that modules the parser itself uses
(`storage.identity` needs `storage.parsing.names`) can import parts of this
package without importing the whole parser first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Which reading of minutes a stored document holds. Raised when the parser reads the
# same text differently (better): the next ingest of a stored file reads it again.
PARSER_VERSION = "2026-12-03"

if TYPE_CHECKING:
    from storage.parsing.document import parse_text

__all__ = ["PARSER_VERSION", "parse_text"]


def __getattr__(name: str) -> object:
    if name == "parse_text":
        from storage.parsing.document import parse_text

        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
