"""Build the Teams app package: a zip of manifest.json, color.png and outline.png.

The manifest in this folder carries a zero GUID; the package gets the bot's
Microsoft App ID (the Azure Bot's "Microsoft App ID") as both the app id and
the bot id. Upload the zip in Teams (Apps > Manage your apps > Upload an app)
or in the Teams admin center; see docs/teams.md.

    python deploy/teams/build_package.py --app-id 5e1b7e7a-... [--version 1.0.1]
    MicrosoftAppId=5e1b7e7a-... python deploy/teams/build_package.py

Writes deploy/teams/minutesbot-teams.zip unless --out says otherwise.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ICONS = ("color.png", "outline.png")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")


class PackageError(ValueError):
    """The package cannot be built as asked; the message says what to fix."""


def filled_manifest(template: dict[str, Any], app_id: str, version: str | None) -> dict[str, Any]:
    """The manifest with the app id (and version) filled in.

    >>> filled_manifest({"id": "0", "version": "1.0.0", "bots": [{"botId": "0"}]},
    ...                 "5E1B7E7A-0000-4000-8000-00000000B07A", None)["bots"][0]["botId"]
    '5e1b7e7a-0000-4000-8000-00000000b07a'
    """
    if not GUID.match(app_id):
        raise PackageError(f"{app_id!r} is not a Microsoft App ID (a GUID like 5e1b7e7a-...)")
    if version is not None and not VERSION.match(version):
        raise PackageError(f"{version!r} is not a version like 1.0.1")
    manifest = copy.deepcopy(template)
    manifest["id"] = app_id.lower()
    for bot in manifest.get("bots", []):
        bot["botId"] = app_id.lower()
    if version is not None:
        manifest["version"] = version
    return manifest


def build_package(app_id: str, out: Path, version: str | None = None, source: Path = HERE) -> Path:
    """Write the zip to `out` and return its path."""
    template = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    manifest = filled_manifest(template, app_id, version)
    missing = [icon for icon in ICONS if not (source / icon).exists()]
    if missing:
        raise PackageError(f"missing {', '.join(missing)}: run python deploy/teams/make_icons.py")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for icon in ICONS:
            package.write(source / icon, icon)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--app-id",
        # The Bot Framework's own name for it, as the service reads it.
        default=os.environ.get("MicrosoftAppId", ""),  # noqa: SIM112
        help="the bot's Microsoft App ID (default: $MicrosoftAppId)",
    )
    parser.add_argument("--version", help="the app version, e.g. 1.0.1 (raise it for every upload)")
    parser.add_argument("--out", type=Path, default=HERE / "minutesbot-teams.zip")
    args = parser.parse_args(argv)
    if not args.app_id:
        parser.error("give --app-id or set MicrosoftAppId")
    try:
        path = build_package(args.app_id, args.out, args.version)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
