"""Settings, read from the environment in one place.

Everything else receives a `Settings`; tests build one directly:

    >>> Settings(database_url="sqlite://").host
    '127.0.0.1'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

DEFAULT_SQLITE = "sqlite:///minutesbot.db"


def default_database_url(env: Mapping[str, str] | None = None) -> str:
    """`$DATABASE_URL`, else a SQLite file in the working directory."""
    env = os.environ if env is None else env
    return env.get("DATABASE_URL") or f"sqlite:///{Path.cwd() / 'minutesbot.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_SQLITE
    host: str = "127.0.0.1"
    port: int = 3978
    # A fixed clock for demos and tests; None means the real time.
    now: datetime | None = None
    # Bot Framework (Teams): the usual environment names.
    microsoft_app_id: str = ""
    microsoft_app_password: str = ""
    microsoft_app_type: str = "MultiTenant"
    microsoft_app_tenant_id: str = ""
    # Teams tenants whose messages are answered; empty means any tenant.
    allowed_tenants: frozenset[str] = field(default_factory=frozenset)
    # Listen beyond loopback without Bot Framework credentials (explicit opt-in).
    allow_insecure_public: bool = False
    # Slack: the usual environment names.
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_api_url: str = "https://slack.com/api/"
    # Reminders: how often the background task looks for due reminders.
    reminder_interval_seconds: float = 60.0
    reminders_enabled: bool = True
    # Where people reach this service ("https://minutesbot.example.se"): calendar
    # links in messages sent outside a request (reminders). Empty: Teams learns it
    # from its requests; Slack reminders then carry no calendar link.
    public_url: str = ""
    # Processes serving the same port (one per core). They share the database:
    # reminders and Slack retries are claimed there, so each is handled once.
    workers: int = 1
    # The key calendar links are signed with, shared by every process and instance;
    # empty: derived from MicrosoftAppPassword, else random per run.
    calendar_secret: str = ""
    debug: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        tenants = {t.strip() for t in env.get("MINUTESBOT_ALLOWED_TENANTS", "").split(",")}
        return cls(
            database_url=default_database_url(env),
            host=env.get("MINUTESBOT_HOST", "127.0.0.1"),
            port=int(env.get("PORT", env.get("MINUTESBOT_PORT", "3978"))),
            microsoft_app_id=env.get("MicrosoftAppId", ""),
            microsoft_app_password=env.get("MicrosoftAppPassword", ""),
            microsoft_app_type=env.get("MicrosoftAppType", "MultiTenant"),
            microsoft_app_tenant_id=env.get("MicrosoftAppTenantId", ""),
            allowed_tenants=frozenset(t for t in tenants if t),
            allow_insecure_public=env.get("MINUTESBOT_ALLOW_INSECURE_PUBLIC", "") == "1",
            slack_bot_token=env.get("SLACK_BOT_TOKEN", ""),
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET", ""),
            slack_app_token=env.get("SLACK_APP_TOKEN", ""),
            slack_api_url=env.get("SLACK_API_URL", "https://slack.com/api/"),
            reminder_interval_seconds=float(env.get("MINUTESBOT_REMINDER_INTERVAL", "60")),
            reminders_enabled=env.get("MINUTESBOT_REMINDERS", "1") != "0",
            public_url=env.get("MINUTESBOT_PUBLIC_URL", "").rstrip("/"),
            workers=max(1, int(env.get("MINUTESBOT_WORKERS", "1"))),
            calendar_secret=env.get("MINUTESBOT_CALENDAR_SECRET", ""),
            debug=env.get("MINUTESBOT_DEBUG", "") == "1",
        )
