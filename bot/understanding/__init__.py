"""Understanding a question: Swedish or English text in, a `Query` out.

A pure function of the text, the time it is asked, and the names the store
knows; no database and no chat platform. The answering core runs the query.

Example:
    >>> from datetime import datetime
    >>> understand("Vem representerar Karlskoga?", now=datetime(2026, 6, 1)).municipality
    'Karlskoga'
"""

from __future__ import annotations

from bot.understanding.parse import builtin_vocabulary, understand
from bot.understanding.query import Intent, LeadTime, Period, Query
from bot.understanding.vocabulary import Vocabulary

__all__ = [
    "Intent",
    "LeadTime",
    "Period",
    "Query",
    "Vocabulary",
    "builtin_vocabulary",
    "understand",
]
