"""The wheel carries everything; the Dockerfile passes hadolint. (No Docker engine here to build it.)"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(600)
def test_installed_wheel_checks_and_answers_from_outside_the_source_tree(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("article_bot-*.whl")
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    bin_dir = tmp_path / "venv" / "bin"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KNOWLEDGE_PATH", "TELEGRAM_BOT_TOKEN")}

    check = subprocess.run([str(bin_dir / "python"), "-m", "bot", "check"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "site-packages" in check.stdout and "paragraphs cited: 16/16" in check.stdout

    ask = subprocess.run([str(bin_dir / "article-bot"), "ask", "When does New START expire?"], cwd=elsewhere,
                         env=env, capture_output=True, text=True)
    assert ask.returncode == 0 and "February 2026" in ask.stdout

    other = subprocess.run([str(bin_dir / "article-bot"), "check"], cwd=elsewhere, capture_output=True, text=True,
                           env={**env, "KNOWLEDGE_PATH": str(elsewhere / "missing.yaml")})
    assert other.returncode == 2 and "missing.yaml" in other.stdout


def test_dockerfile_passes_hadolint():
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_without_baked_secrets():
    text = (ROOT / "Dockerfile").read_text()
    assert "\nUSER " in text and "HEALTHCHECK" in text and "AS build" in text
    assert "TELEGRAM_BOT_TOKEN=" not in text and "WEBHOOK_SECRET=" not in text
