"""End to end: the real bot process, long polling a local fake Bot API server over HTTP."""

from __future__ import annotations

import pytest

from .support.bot_process import FAKE_TOKEN, BotProcess
from .support.fake_bot_api import BOT_USER, FakeBotApi
from .support.telegram_html import problems


@pytest.fixture(scope="module")
def api():
    server = FakeBotApi().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def bot(api):
    process = BotProcess(api).wait_ready()
    yield process
    code, _ = process.terminate()
    log = process.log()
    process.remove()
    assert code == 0, log
    # Every message the bot sent during the module was valid Telegram HTML.
    for params in api.sent():
        assert params.get("parse_mode") == "HTML"
        assert problems(params["text"]) == [], params["text"]
    assert FAKE_TOKEN not in log


def test_command_menus_are_set_at_start_up(api, bot):
    scopes = {c["scope"]["type"] for c in api.sent("setMyCommands")}
    assert scopes == {"all_private_chats", "all_group_chats"}


def test_private_question_gets_the_right_answer(api, bot):
    api.message("Why did the Obama reset fail?", chat_id=11)
    (sent,) = api.wait_for(chat_id="11")
    assert "underpowered and hesitant" in sent["text"] and "<blockquote>" in sent["text"]


def test_unaddressed_group_message_gets_silence(api, bot):
    api.message("who wrote this article?", chat_id=-21, chat_type="group")
    api.message("/ask@ArticleBot when does new start expire", chat_id=-21, chat_type="group")
    api.wait_for(chat_id="-21")
    assert len(api.sent(chat_id="-21")) == 1  # only the addressed one, which came later


def test_ask_for_this_bot_is_answered_and_for_another_bot_is_not(api, bot):
    api.message("/ask@OtherBot who wrote this article?", chat_id=-31, chat_type="supergroup")
    mine = api.message("/ask@ArticleBot who wrote this article?", chat_id=-31, chat_type="supergroup")
    (sent,) = api.wait_for(chat_id="-31")
    assert "Zhao Huasheng" in sent["text"]
    assert sent["reply_parameters"]["message_id"] == mine["message_id"]


def test_button_press_is_answered_and_shows_content(api, bot):
    api.message("/start", chat_id=41)
    (welcome,) = api.wait_for(chat_id="41")
    data = welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    shown = {"message_id": 5, "date": 0, "chat": {"id": 41, "type": "private"}, "from": BOT_USER, "text": "x"}
    query_id = api.press(data, shown)
    api.wait_for("answerCallbackQuery", callback_query_id=query_id)
    answers = api.wait_for(chat_id="41", count=2)
    assert "<blockquote>" in answers[1]["text"]


def test_inline_query_gets_results(api, bot):
    query_id = api.inline("hegseth asia pacific")
    (answer,) = api.wait_for("answerInlineQuery", inline_query_id=query_id)
    results = answer["results"]
    assert 1 <= len(results) <= 5 and "Asia-Pacific" in results[0]["input_message_content"]["message_text"]


def test_one_line_of_log_per_question_without_the_text(api, bot):
    api.message("what is the secret phrase xyzzy plugh", chat_id=51)
    api.wait_for(chat_id="51")
    log = bot.log()
    assert "question chat=private decision=" in log and "xyzzy" not in log


def test_sigterm_stops_the_bot_cleanly_within_10_seconds(fake_api, start_bot):
    server = fake_api()
    process = start_bot(server).wait_ready()
    server.message("who wrote it", chat_id=61)
    server.wait_for(chat_id="61")
    code, seconds = process.terminate()
    assert code == 0 and seconds < 10, process.log()


def test_webhook_mode_sets_the_webhook_and_answers_posted_updates(fake_api, start_bot):
    import json
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = fake_api()
    url = f"http://127.0.0.1:{port}/hook"
    process = start_bot(server, WEBHOOK_URL=url, WEBHOOK_SECRET="s3cret-token", PORT=str(port))
    process.wait_ready()
    (hook,) = server.wait_for("setWebhook")
    assert hook["url"] == url and hook["secret_token"] == "s3cret-token"
    update = {"update_id": 1, "message": {"message_id": 3, "date": int(time.time()),
              "chat": {"id": 71, "type": "private"}, "from": {"id": 5, "is_bot": False, "first_name": "U"},
              "text": "when does new start expire"}}

    def post(secret: str) -> int:
        request = urllib.request.Request(url, json.dumps(update).encode(), method="POST", headers={
            "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    assert post("wrong") == 403
    assert post("s3cret-token") == 200
    (sent,) = server.wait_for(chat_id="71")
    assert "February 2026" in sent["text"]
    code, _ = process.terminate()
    assert code == 0, process.log()
    assert "s3cret-token" not in process.log() and FAKE_TOKEN not in process.log()
