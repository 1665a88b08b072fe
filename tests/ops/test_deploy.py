"""The deployment files: the image's inputs exist, the compose file holds together,
the example environment names every setting, and the service starts from it."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from sqlalchemy.engine import make_url

from bot.assistant import Assistant
from bot.service import check_credentials, check_listen_address, create_app
from bot.settings import Settings
from storage.store import Store
from tests.conftest import ROOT, _reset_postgres
from tests.ops.stack import ServerFactory
from tests.teams.teams_fakes import message

DEPLOY = ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
ENV_EXAMPLE = DEPLOY / "minutesbot.env.example"


# --- Dockerfile ----------------------------------------------------------------------


def dockerignore_excludes(path: str) -> bool:
    """Whether .dockerignore keeps `path` (relative to the root) out of the build
    context: the last pattern that matches it or a folder above it decides."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = PurePosixPath(path).parts
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.lstrip("!").rstrip("/")
        if any(_matches(candidate, glob) for candidate in candidates):
            excluded = not negated
    return excluded


def _matches(path: str, glob: str) -> bool:
    if glob.startswith("**/"):
        return fnmatch.fnmatch(path, glob[3:]) or fnmatch.fnmatch(path, glob)
    return "/" not in path.replace(glob, "", 1) and fnmatch.fnmatch(path, glob)


def copied_sources() -> list[str]:
    """The build-context paths the Dockerfile COPYs (not those from another stage)."""
    sources: list[str] = []
    for line in DOCKERFILE.read_text().splitlines():
        words = line.split()
        if not words or words[0] != "COPY" or any(w.startswith("--from") for w in words):
            continue
        sources.extend(w for w in words[1:-1] if not w.startswith("--"))
    return sources


def test_every_file_the_dockerfile_copies_exists_and_reaches_the_context() -> None:
    sources = copied_sources()
    assert {"pyproject.toml", "README.md", "bot", "storage"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), source
        assert not dockerignore_excludes(source), f".dockerignore leaves out {source}"
    assert dockerignore_excludes(".venv") and dockerignore_excludes("tests")
    assert dockerignore_excludes("bot/__pycache__/cli.cpython-311.pyc")
    assert not dockerignore_excludes("storage/migrations/env.py")


def test_the_image_runs_the_service_as_a_user_in_two_stages() -> None:
    text = DOCKERFILE.read_text()
    assert text.count("FROM python:3.11-slim") == 2
    assert re.search(r"^USER (?!root)\w+", text, re.MULTILINE)
    # the address comes from MINUTESBOT_HOST (set in the image), so an operator can change it
    assert 'CMD ["minutesbot", "serve"]' in text and "MINUTESBOT_HOST=0.0.0.0" in text
    assert "--uid 10001" in text and "--gid 10001" in text
    assert "HEALTHCHECK" in text and "/healthz" in text
    # The build command the documentation gives.
    assert "docker build -f deploy/Dockerfile -t minutesbot ." in text
    assert (
        "docker build -f deploy/Dockerfile -t minutesbot ."
        in (ROOT / "docs" / "operations.md").read_text()
    )


# --- compose -------------------------------------------------------------------------


def load_yaml(path: Path) -> Any:
    """PyYAML where it is importable, else the system Python's (it ships with Debian)."""
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        python = shutil.which("python3")
        code = "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)"
        if python is None:
            pytest.skip("PyYAML is not installed and there is no python3 with it")
        run = subprocess.run([python, "-c", code, str(path)], capture_output=True, text=True)
        if "No module named 'yaml'" in run.stderr:
            pytest.skip("PyYAML is not installed here (pip install pyyaml to check compose)")
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)
    with path.open() as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = load_yaml(COMPOSE)
    assert isinstance(data, dict)
    return data


def test_compose_file_follows_the_compose_specification() -> None:
    """Validated against the Compose specification's JSON schema (shipped with
    check-jsonschema), as `docker compose config` would check it, with no engine."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(COMPOSE),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def environment(service: Mapping[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def test_compose_services_are_complete(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"db", "minutesbot"} <= set(services)
    for name, service in services.items():
        assert "image" in service or "build" in service, name
        for needed, condition in (service.get("depends_on") or {}).items():
            assert needed in services, f"{name} depends on unknown {needed}"
            assert condition == {"condition": "service_healthy"}, name
            assert "healthcheck" in services[needed], f"{needed} has no healthcheck"
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/", "$")):
                assert source in (compose.get("volumes") or {}), f"undeclared volume {source}"
    bot = services["minutesbot"]
    build = bot["build"]
    assert (COMPOSE.parent / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE
    assert bot["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert "/healthz" in " ".join(bot["healthcheck"]["test"])
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])


def test_compose_wires_the_service_to_its_database(compose: dict[str, Any]) -> None:
    services = compose["services"]
    env = environment(services["minutesbot"])
    url = make_url(_interpolated(env["DATABASE_URL"]))
    assert url.get_backend_name() == "postgresql" and url.host == "db"
    db = environment(services["db"])
    assert url.username == db["POSTGRES_USER"] and url.database == db["POSTGRES_DB"]
    assert url.password == _interpolated(db["POSTGRES_PASSWORD"])
    # Without credentials the service refuses 0.0.0.0 unless told otherwise.
    assert env["MINUTESBOT_HOST"] == "0.0.0.0"
    assert _interpolated(env["MINUTESBOT_ALLOW_INSECURE_PUBLIC"]) == "1"
    assert all(port.startswith("127.0.0.1:") for port in services["minutesbot"]["ports"])
    for env_file in services["minutesbot"].get("env_file", []):
        assert env_file["required"] is False  # minutesbot.env is the operator's copy


def test_every_compose_variable_has_a_default() -> None:
    """`docker compose config` works with nothing set in the shell."""
    lines = [line.split("#")[0] for line in COMPOSE.read_text().splitlines()]
    for match in re.finditer(r"\$\{([^}]*)\}", "\n".join(lines)):
        assert ":-" in match.group(1), match.group(0)


def _interpolated(value: str) -> str:
    """Compose's ${NAME:-default} with nothing set: the default."""
    return re.sub(r"\$\{[A-Za-z_]+:-([^}]*)\}", r"\1", value)


# --- the example environment ---------------------------------------------------------


def example_env() -> dict[str, str]:
    env = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            env[name.strip()] = value.strip()
    return env


class Recording(dict[str, str]):
    """An environment that notes every name looked up in it."""

    def __init__(self, values: Mapping[str, str]) -> None:
        super().__init__(values)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def test_the_example_names_every_setting_and_only_those() -> None:
    env = Recording({})
    Settings.from_env(env)
    listed = example_env()
    assert env.asked, "Settings.from_env read nothing"
    assert sorted(env.asked - set(listed)) == [], "settings missing from the example"
    assert sorted(set(listed) - env.asked) == [], "the example names unknown settings"
    explained = False
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.startswith("#"):
            explained = True
        elif "=" in line:
            # a comment explains the variables right below it
            assert explained, f"{line.partition('=')[0]} has no comment above it"
        else:
            explained = False


@pytest.fixture
def env_from_example(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The example environment with its database moved to the test server."""
    env = example_env()
    url = make_url(env["DATABASE_URL"])
    assert url.get_backend_name() == "postgresql" and url.host == "db"
    test = make_url(_reset_postgres())
    env["DATABASE_URL"] = url.set(
        drivername=test.drivername,
        host="127.0.0.1",
        port=test.port,
        username=test.username,
        password=test.password,
        database=test.database,
        query=test.query,
    ).render_as_string(hide_password=False)
    yield env


@pytest.mark.postgres
async def test_the_service_starts_from_the_example_environment(
    env_from_example: dict[str, str], aiohttp_server: ServerFactory
) -> None:
    settings = Settings.from_env(env_from_example)
    assert settings.host == "0.0.0.0" and settings.port == 3978
    # What `minutesbot serve` checks before it listens.
    check_listen_address(settings)
    check_credentials(settings)
    store = Store.open(settings.database_url)
    try:
        server: TestServer = await aiohttp_server(create_app(settings, Assistant(store)))
        async with ClientSession() as session:
            async with session.get(server.make_url("/healthz")) as response:
                assert response.status == 200
                assert await response.json() == {"status": "ok", "database": "reachable"}
            # The example's Bot Framework id is set: a request without a token is refused.
            activity = message("När är nästa möte?", service_url="http://127.0.0.1:9/")
            async with session.post(server.make_url("/api/messages"), json=activity) as response:
                assert response.status == 401
            async with session.get(server.make_url("/metrics")) as response:
                assert "minutesbot_http_requests_total" in await response.text()
    finally:
        store.close()
