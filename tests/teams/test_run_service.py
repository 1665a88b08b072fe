"""`run_service`, as `minutesbot serve` calls it: a real process on a real port."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.service import ServiceError, run_service
from bot.settings import Settings

SERVE = """
import sys
from bot.service import run_service
from bot.settings import Settings
run_service(Settings(database_url=sys.argv[1], port=int(sys.argv[2])))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serves_health_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    database = f"sqlite:///{tmp_path / 'minutes.db'}"
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, database, str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                    body = reply.read()
            except OSError:
                time.sleep(0.2)
        assert b'"reachable"' in body
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0, output.decode()
    assert b"Traceback" not in output


def test_a_public_address_without_credentials_is_refused_before_anything_opens(
    tmp_path: Path,
) -> None:
    database = tmp_path / "never.db"
    with pytest.raises(ServiceError, match=r"refusing to listen on 0\.0\.0\.0"):
        run_service(Settings(database_url=f"sqlite:///{database}", host="0.0.0.0"))
    assert not database.exists()
