"""Start the real `python -m bot run` process against the fake Bot API server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
FAKE_TOKEN = "987654321:AAF-known-fake-token_for_tests"


class BotProcess:
    def __init__(self, api: FakeBotApi, **env: str) -> None:
        self.api = api
        # One temporary folder holds the log and DATA_DIR, so `remove()` leaves nothing in /tmp.
        self.workdir = Path(tempfile.mkdtemp(prefix="bot-run-"))
        self.data_dir = self.workdir / "data"
        self.data_dir.mkdir()
        # Open for the life of the process (closed in terminate), so no context manager.
        self._log_path = self.workdir / "bot-log.txt"
        self._log = self._log_path.open("wb")
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
        full_env.update(TELEGRAM_BOT_TOKEN=FAKE_TOKEN, TELEGRAM_API_BASE_URL=api.base_url, PYTHONUNBUFFERED="1",
                        DATA_DIR=str(self.data_dir))
        full_env.update(env)
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=full_env,
                                     stdout=self._log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 20.0) -> BotProcess:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "Application started" in self.log():
                return self
            if self.proc.poll() is not None:
                raise AssertionError(f"bot exited with {self.proc.returncode}:\n{self.log()}")
            time.sleep(0.05)
        raise AssertionError(f"bot not ready after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self._log_path.read_text(encoding="utf-8", errors="replace")

    def terminate(self, timeout: float = 10.0) -> tuple[int, float]:
        """SIGTERM, as `docker stop` sends; returns (exit code, seconds taken)."""
        start = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self._log.close()
        return code, time.monotonic() - start

    def remove(self) -> None:
        """Stops the process if it still runs, then deletes its log and DATA_DIR."""
        self.terminate()
        shutil.rmtree(self.workdir, ignore_errors=True)
