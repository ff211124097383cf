"""The curator's loop: the private question log, votes, the review report, reloading the base without a restart."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from bot.questionlog import DB_FILE, QuestionLog

from .support.bot_process import ROOT, BotProcess
from .support.fake_bot_api import FakeBotApi
from .test_handlers import bot, feed, message  # noqa: F401 - the fixture is used by name

READER_ID, CHAT_ID, NAME = 5550123, 4440987, "Tester"


@pytest.fixture(scope="module")
def api():
    server = FakeBotApi().start()
    yield server
    server.stop()


def _review(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "bot", "review", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def _buttons(sent: dict) -> list[dict]:
    return [b for row in (sent.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def test_questions_votes_and_review_end_to_end(api, start_bot):
    process = start_bot(api).wait_ready()
    api.message("When does New START expire?", chat_id=CHAT_ID, user_id=READER_ID)
    (answer,) = api.wait_for(chat_id=str(CHAT_ID))
    api.message("how do I bake sourdough bread", chat_id=CHAT_ID, user_id=READER_ID)
    api.message("how to bake sourdough bread?", chat_id=CHAT_ID, user_id=READER_ID)
    api.wait_for(chat_id=str(CHAT_ID), count=3)
    vote = next(b for b in _buttons(answer) if b["callback_data"].endswith(":0"))
    sent_message = {"message_id": 1, "date": 0, "chat": {"id": CHAT_ID, "type": "private"}, "text": "x"}
    query = api.press(vote["callback_data"], sent_message, user_id=READER_ID)
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query)
    assert toast["text"] == "Thanks, noted."
    api.press(vote["callback_data"], sent_message, user_id=READER_ID)  # the same vote again: still one
    api.wait_for("answerCallbackQuery", count=2)
    code, _ = process.terminate()
    assert code == 0, process.log()
    result = _review(process.data_dir, "--format", "json", "--days", "7")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"days", "questions", "answered", "unanswered", "votes", "not_helpful", "never_asked"}
    assert (data["days"], data["questions"], data["answered"]) == (7, 3, 1)
    assert [(g["question"], g["count"]) for g in data["unanswered"]] in (
        [("how do I bake sourdough bread", 2)], [("how to bake sourdough bread?", 2)])
    assert data["votes"] == {"helpful": 0, "not_helpful": 1}
    assert data["not_helpful"] == [{"fact": "new-start-expiry", "count": 1,
                                    "questions": ["When does New START expire?"]}]
    assert "new-start-expiry" not in data["never_asked"] and "author" in data["never_asked"]
    # Nothing in the database, its journal or the vote secret's neighbours identifies the reader.
    for file in process.data_dir.iterdir():
        raw = file.read_bytes()
        for identifier in (str(READER_ID), str(CHAT_ID), NAME):
            assert identifier.encode() not in raw, (file.name, identifier)
    proposals = _review(process.data_dir, "--format", "yaml")
    assert proposals.returncode == 0 and "PROPOSALS" in proposals.stdout
    assert "add it to the article's\n#   `not_answered` file" in proposals.stdout  # where an unanswerable one goes
    proposed = {p["fact"]: p for p in yaml.safe_load(proposals.stdout)}
    assert proposed["new-start-expiry"]["proposed_not_answered"] == ["When does New START expire?"]


def test_review_without_a_log_exits_2_with_a_reason(tmp_path):
    result = _review(tmp_path / "nothing-here")
    assert result.returncode == 2 and "question log" in result.stderr


def test_logging_off_writes_nothing(api, tmp_path, start_bot):
    start_bot(api, QUESTION_LOG="off", DATA_DIR=str(tmp_path)).wait_ready()
    api.message("When does New START expire?", chat_id=4441)
    (answer,) = api.wait_for(chat_id="4441")
    assert list(tmp_path.iterdir()) == []
    assert not any(b["callback_data"].startswith("v:") for b in _buttons(answer))


def test_a_corrupt_or_read_only_log_does_not_stop_answers(engine, tmp_path, caplog):
    (tmp_path / DB_FILE).write_bytes(b"this is not a database" * 100)
    broken = QuestionLog(tmp_path)
    assert broken.record(engine.decide("who wrote it"), "private") is None
    assert "question log" in caplog.text
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o500)
    if os.geteuid() != 0:  # root writes anyway
        assert QuestionLog(read_only).record(engine.decide("who wrote it"), "private") is None


def test_retention_prunes_old_questions_and_votes(engine, tmp_path):
    log = QuestionLog(tmp_path, retention_days=30)
    old = log.record(engine.decide("When does New START expire?"), "private")
    log.vote(old, 1, helpful=False)
    log.record(engine.decide("who wrote it"), "group")
    with sqlite3.connect(tmp_path / DB_FILE) as db:
        db.execute("UPDATE questions SET at = '2000-01-01T00:00:00' WHERE id = ?", (old,))
        db.execute("UPDATE votes SET at = '2000-01-01T00:00:00'")
    log.prune()
    with sqlite3.connect(tmp_path / DB_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM votes").fetchone()[0] == 0


def test_one_vote_per_reader_per_answer_and_a_later_press_changes_it(engine, tmp_path):
    log = QuestionLog(tmp_path)
    qid = log.record(engine.decide("When does New START expire?"), "private")
    log.vote(qid, 1, helpful=True)
    log.vote(qid, 1, helpful=False)
    log.vote(qid, 2, helpful=True)
    with sqlite3.connect(tmp_path / DB_FILE) as db:
        assert sorted(db.execute("SELECT helpful FROM votes").fetchall()) == [(0,), (1,)]


def _copy_knowledge(folder: Path) -> Path:
    shutil.copytree(ROOT / "knowledge", folder)
    return folder


def test_sighup_reloads_an_edited_base_and_keeps_the_old_one_when_broken(api, tmp_path, start_bot):
    knowledge = _copy_knowledge(tmp_path / "kb")
    process = start_bot(api, KNOWLEDGE_PATH=str(knowledge)).wait_ready()
    new_question = "What is the airspeed velocity of an unladen swallow?"
    api.message(new_question, chat_id=4451)
    (before,) = api.wait_for(chat_id="4451")
    assert "won't guess" in before["text"]
    yaml_file = knowledge / "article.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("      - What is the author's conclusion about Trump's diplomacy?\n",
                                      "      - What is the author's conclusion about Trump's diplomacy?\n"
                                      f"      - {new_question}\n"), encoding="utf-8")
    process.proc.send_signal(signal.SIGHUP)
    _wait_log(process, "knowledge base reloaded")
    api.message(new_question, chat_id=4452)
    (after,) = api.wait_for(chat_id="4452", timeout=20)
    assert "profoundly impacted" in after["text"]
    yaml_file.write_text("facts: [broken", encoding="utf-8")
    process.proc.send_signal(signal.SIGHUP)
    _wait_log(process, "knowledge base not reloaded")
    api.message(new_question, chat_id=4453)
    (still,) = api.wait_for(chat_id="4453")
    assert "profoundly impacted" in still["text"]
    assert "article.yaml:1" in process.log()
    code, _ = process.terminate()
    assert code == 0, process.log()


def _wait_log(process: BotProcess, text: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in process.log():
        assert time.monotonic() < deadline, process.log()
        time.sleep(0.1)


async def test_answers_carry_vote_buttons_and_privacy_explains_what_is_kept(bot):  # noqa: F811
    app, request = bot
    await feed(app, "message", message("When does New START expire?"))
    await feed(app, "message", message("/privacy"))
    answer, privacy = request.sent()
    data = [b["callback_data"] for b in _buttons(answer)]
    assert any(d.startswith("v:") and d.endswith(":1") for d in data)
    assert "never keep" in privacy["text"] and "90 days" in privacy["text"]


async def test_admin_commands_answer_admins_only(bot):  # noqa: F811
    app, request = bot
    await feed(app, "message", message("When does New START expire?"))
    await feed(app, "message", message("/stats", user_id=9))  # not an admin: silence
    await feed(app, "message", message("/reload", user_id=9))
    assert len(request.sent()) == 1
    await feed(app, "message", message("/stats", user_id=77))
    assert "Today: 1 questions, 100% answered" in request.sent()[-1]["text"]
    await feed(app, "message", message("/reload", user_id=77))
    assert "Knowledge base reloaded: 56 facts" in request.sent()[-1]["text"]
