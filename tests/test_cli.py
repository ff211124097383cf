"""The command-line contracts outside checks rely on: ask, ask --json -, check, run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_bot(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT,
                          env=full_env, timeout=60)


def test_ask_prints_the_answer_as_plain_text():
    result = run_bot("ask", "When does New START expire?")
    assert result.returncode == 0
    assert "February 2026" in result.stdout.decode() and "<" not in result.stdout.decode()


def test_ask_json_writes_one_object_per_input_line_in_order():
    lines = ["who wrote this article?", "", "how do I reset my router", "   ", "karaganov globalism disease",
             "new start expiry"]
    result = run_bot("ask", "--json", "-", stdin=("\n".join(lines) + "\n").encode())
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["question"] for r in records] == lines
    for r in records:
        assert list(r) == ["question", "answered", "text", "section", "fact", "score", "suggestions", "confidence",
                           "lang"]
        assert isinstance(r["answered"], bool) and 0 <= r["score"] <= 100 and isinstance(r["suggestions"], list)
        assert 0 <= r["confidence"] <= 1 and r["lang"] == "en"
    author, empty, router, sidebar, start = (records[i] for i in (0, 1, 2, 4, 5))
    assert author["answered"] and author["fact"] == "author" and author["section"] == "about"
    assert "Zhao Huasheng" in author["text"]
    assert not empty["answered"] and empty["fact"] is None
    assert not router["answered"] and router["suggestions"] and "not" in router["text"]
    assert not sidebar["answered"] and "another piece" in sidebar["text"]
    assert start["answered"] and "“The New START Treaty is set to expire in February 2026.”" in start["text"]


def test_ask_json_survives_invalid_utf8_and_odd_line_breaks():
    stdin = b"who wrote it\n\xff\xfe broken \xc3\n line\xe2\x80\xa8with separator\r\nlast line without newline"
    result = run_bot("ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 4
    assert "\ufffd" in records[1]["question"] and records[3]["question"] == "last line without newline"


def test_check_exits_0_on_the_shipped_knowledge():
    result = run_bot("check")
    assert result.returncode == 0 and b"paragraphs cited: 16/16" in result.stdout


def test_run_without_token_exits_2_naming_the_variable():
    result = run_bot("run")
    assert result.returncode == 2 and b"TELEGRAM_BOT_TOKEN" in result.stderr


def test_bad_setting_is_a_clear_error():
    result = run_bot("ask", "x", env={"PORT": "eighty"})
    assert result.returncode == 2 and b"PORT must be a whole number" in result.stderr


def test_no_command_without_token_starts_the_terminal_chat():
    result = run_bot(stdin=b"who wrote it\n/sections\n1\n/about\n")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Zhao Huasheng" in out and "The article, part by part:" in out and "Valdai" in out
    assert "1. An abrupt U-turn" in out  # buttons become numbered choices


def test_terminal_chat_numbers_pick_choices_and_out_of_range_gets_a_hint():
    result = run_bot("chat", stdin=b"/sections\n3\n99\n")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Will this time be different?" in out  # section 3 opened by its number
    assert "Pick a number from 1 to" in out  # 99 is not a choice, and is not sent to the matcher


def test_a_lone_digit_is_not_a_question():
    result = run_bot("ask", "--json", "-", stdin=b"2\n")
    record = json.loads(result.stdout)
    assert not record["answered"] and "another piece" not in record["text"]


def test_version_and_help_explain_the_program():
    version = run_bot("--version")
    assert version.returncode == 0 and version.stdout.decode().strip().startswith("python -m bot ")
    run_help = run_bot("run", "--help").stdout.decode()
    for variable in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "KNOWLEDGE_PATH", "QUESTIONS_PER_MINUTE",
                     "DATA_DIR", "ADMIN_USER_IDS", "WEBHOOK_SECRET_FILE", "SIGHUP"):
        assert variable in run_help
    assert "KNOWLEDGE_PATH" in run_bot("check", "--help").stdout.decode()


def test_secrets_can_come_from_files(tmp_path):
    from bot.settings import Settings, SettingsError

    (tmp_path / "token").write_text("123:from-a-file\n", encoding="utf-8")
    (tmp_path / "secret").write_text("hook-secret", encoding="utf-8")
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token"),
                                  "WEBHOOK_SECRET_FILE": str(tmp_path / "secret"), "WEBHOOK_URL": "https://x/h"})
    assert settings.token == "123:from-a-file" and settings.webhook_secret == "hook-secret"
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN_FILE"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "missing")})


def test_the_terminal_chat_prints_each_choice_once_numbered():
    out = run_bot("chat", stdin=b"/sections\n").stdout.decode()
    sections = out.split("> ", 1)[1]
    assert sections.count("Will this time be different?") == 1 and "  3. Will this time be different?" in sections
    welcome = out.split("> ", 1)[0]
    assert welcome.count("What is the main argument of the paper?") == 1
