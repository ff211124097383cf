#!/usr/bin/env python3
"""Set-up and everyday commands, with nothing but Python 3.11+ installed.

    python3 dev.py run [ARGS]   the bot: terminal chat without TELEGRAM_BOT_TOKEN, Telegram with it
    python3 dev.py test [ARGS]  the whole test suite (pytest ARGS)
    python3 dev.py lint         ruff check
    python3 dev.py eval|latency|load [ARGS]   the benchmarks in bench/

Each creates .venv on first use and installs the project into it (again whenever
pyproject.toml changes), then runs inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project (with `extras`) unless already done for this pyproject.toml."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script is what tells users on an older Python
        sys.exit(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}-{extras or 'base'}"
    # The test install is a superset of the base one: either will do for running the bot.
    if stamp.exists() or (not extras and (VENV / f".installed-{digest}-test").exists()):
        return
    if not PYTHON.exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"installing the project{f' [{extras}]' if extras else ''} into .venv ...", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("run", [])
    if command == "run":
        ensure_venv("")
        return subprocess.call([str(PYTHON), "-m", "bot", *args], cwd=ROOT)
    ensure_venv("test")
    if command == "test":
        return subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    if command == "lint":
        return subprocess.call([str(BIN / "ruff"), "check", ".", *args], cwd=ROOT)
    if command in ("eval", "latency", "load"):
        return subprocess.call([str(PYTHON), "-m", f"bench.{command}", *args], cwd=ROOT)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
