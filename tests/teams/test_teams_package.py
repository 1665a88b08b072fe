"""The Teams app package: manifest, icons and the zip that is uploaded to Teams."""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path
from types import ModuleType

import pytest

TEAMS = Path(__file__).resolve().parents[2] / "deploy" / "teams"
APP_ID = "5E1B7E7A-0000-4000-8000-00000000B07A"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, TEAMS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build = load("build_package")
icons = load("make_icons")


def png_size_and_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6)  # 8-bit RGBA
    idat = data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8]
    return width, height, zlib.decompress(idat)


def test_package_holds_the_filled_manifest_and_both_icons(tmp_path: Path) -> None:
    path = build.build_package(APP_ID, tmp_path / "app.zip", version="1.2.3")
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        color = png_size_and_pixels(package.read("color.png"))
        outline = png_size_and_pixels(package.read("outline.png"))
    assert manifest["id"] == APP_ID.lower()
    assert manifest["bots"][0]["botId"] == APP_ID.lower()
    assert manifest["version"] == "1.2.3"
    assert color[:2] == (192, 192)
    assert outline[:2] == (32, 32)
    # The outline icon is white on transparent, as Teams requires.
    rows = [outline[2][r * 129 + 1 : (r + 1) * 129] for r in range(32)]
    pixels = {bytes(row[i : i + 4]) for row in rows for i in range(0, 128, 4)}
    assert pixels == {b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"}


def test_manifest_is_a_current_bot_manifest() -> None:
    manifest = json.loads((TEAMS / "manifest.json").read_text(encoding="utf-8"))
    major, minor = (int(p) for p in manifest["manifestVersion"].split("."))
    assert (major, minor) >= (1, 19)
    assert f"/v{manifest['manifestVersion']}/MicrosoftTeams.schema.json" in manifest["$schema"]
    (bot,) = manifest["bots"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    listed = {scope for commands in bot["commandLists"] for scope in commands["scopes"]}
    assert listed == {"personal", "team", "groupChat"}
    for commands in bot["commandLists"]:
        assert 1 <= len(commands["commands"]) <= 10
        assert any(c["title"] == "hjälp" for c in commands["commands"])
    assert len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}


def test_committed_icons_are_the_drawn_ones(tmp_path: Path) -> None:
    icons.main(tmp_path)
    for name in ("color.png", "outline.png"):
        assert (tmp_path / name).read_bytes() == (TEAMS / name).read_bytes(), name


@pytest.mark.parametrize("app_id", ["", "bot", "5e1b7e7a-0000-4000-8000"])
def test_an_app_id_that_is_not_a_guid_is_refused(app_id: str, tmp_path: Path) -> None:
    with pytest.raises(build.PackageError, match="Microsoft App ID"):
        build.build_package(app_id, tmp_path / "app.zip")
    assert not (tmp_path / "app.zip").exists()


def test_command_line_reads_the_app_id_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MicrosoftAppId", APP_ID)
    assert build.main(["--out", str(tmp_path / "env.zip")]) == 0
    assert "wrote" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "env.zip") as package:
        assert json.loads(package.read("manifest.json"))["id"] == APP_ID.lower()
