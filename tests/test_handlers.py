"""Handler-level tests: real python-telegram-bot objects, a recording request, no network."""

from __future__ import annotations

import json
import logging
from itertools import count

import pytest
from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.settings import Settings
from bot.telegram.app import _set_command_menus, build_application

from .support.fake_bot_api import BOT_USER, ME
from .support.telegram_html import problems

_ids = count(1)


class RecordingRequest(BaseRequest):
    """Answers every Bot API call locally and keeps it; `fail` makes a method return an error."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.fail: dict[str, tuple[int, str]] = {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def do_request(self, url, method, request_data: RequestData | None = None, read_timeout=None,
                         write_timeout=None, connect_timeout=None, pool_timeout=None):
        endpoint = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((endpoint, params))
        if endpoint in self.fail:
            code, description = self.fail[endpoint]
            return code, json.dumps({"ok": False, "error_code": code, "description": description}).encode()
        result: object = True
        if endpoint == "getMe":
            result = ME
        elif endpoint == "sendMessage":
            result = {"message_id": next(_ids), "date": 0, "chat": {"id": params["chat_id"], "type": "private"},
                      "from": BOT_USER, "text": params["text"]}
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def sent(self, method: str = "sendMessage") -> list[dict]:
        return [p for m, p in self.calls if m == method]


@pytest.fixture
async def bot(engine, tmp_path):
    request = RecordingRequest()
    settings = Settings(token="123:fake", questions_per_minute=20, data_dir=tmp_path, admin_user_ids=frozenset({77}))
    app = build_application(settings, engine, request=request)
    async with app:
        yield app, request


def message(text: str | None, *, chat_type: str = "private", chat_id: int = 7, user_id: int = 9, **extra) -> dict:
    msg = {"message_id": next(_ids), "date": 0, "chat": {"id": chat_id, "type": chat_type},
           "from": {"id": user_id, "is_bot": False, "first_name": "U"}, **extra}
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return msg


async def feed(app, kind: str, payload: dict) -> None:
    await app.process_update(Update.de_json({"update_id": next(_ids), kind: payload}, app.bot))


async def test_private_question_gets_the_answer_card(bot):
    app, request = bot
    await feed(app, "message", message("When does New START expire?"))
    (sent,) = request.sent()
    assert "February 2026" in sent["text"] and "<blockquote>" in sent["text"]
    assert sent["parse_mode"] == "HTML" and sent["link_preview_options"]["is_disabled"] is True
    assert problems(sent["text"]) == []


async def test_group_stays_silent_unless_addressed(bot):
    app, request = bot
    await feed(app, "message", message("who wrote this article?", chat_type="group", chat_id=-5))
    await feed(app, "message", message("/ask@OtherBot who wrote this article?", chat_type="group", chat_id=-5))
    await feed(app, "message", message("@SomeoneElse who wrote it", chat_type="group", chat_id=-5,
                                       entities=[{"type": "mention", "offset": 0, "length": 12}]))
    assert request.sent() == []


@pytest.mark.parametrize("text,extra", [
    ("/ask who wrote this article?", {}),
    ("/ask@ArticleBot who wrote this article?", {}),
    ("@ArticleBot who wrote this article?", {"entities": [{"type": "mention", "offset": 0, "length": 11}]}),
    ("and who wrote it?", {"reply_to_message": {"message_id": 1, "date": 0, "chat": {"id": -5, "type": "group"},
                                                 "from": {**BOT_USER}, "text": "earlier answer"}}),
])
async def test_group_answers_when_addressed_threaded_to_the_asker(bot, text, extra):
    app, request = bot
    msg = message(text, chat_type="supergroup", chat_id=-5, **extra)
    await feed(app, "message", msg)
    (sent,) = request.sent()
    assert "Zhao Huasheng" in sent["text"]
    assert sent["reply_parameters"]["message_id"] == msg["message_id"]
    assert sent["reply_parameters"]["allow_sending_without_reply"] is True  # still answered if deleted


async def test_group_repeat_within_a_minute_is_answered_once(bot):
    app, request = bot
    for user in (1, 2):
        await feed(app, "message", message("/ask when does new start expire", chat_type="group", chat_id=-9,
                                           user_id=user))
    await feed(app, "message", message("/ask who wrote it", chat_type="group", chat_id=-9))
    assert len(request.sent()) == 2


async def test_edited_messages_do_not_trigger_a_second_answer(bot):
    app, request = bot
    await feed(app, "edited_message", {**message("who wrote it"), "edit_date": 1})
    assert request.sent() == []


async def test_non_text_gets_a_hint_in_private_and_silence_in_groups(bot):
    app, request = bot
    sticker = {"sticker": {"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1, "is_animated": False,
                           "is_video": False, "type": "regular"}}
    await feed(app, "message", message(None, **sticker))
    await feed(app, "message", message(None, chat_type="group", chat_id=-3, **sticker))
    (sent,) = request.sent()
    assert "only read text" in sent["text"]


async def test_start_shows_article_and_three_example_buttons(bot):
    app, request = bot
    await feed(app, "message", message("/start"))
    (sent,) = request.sent()
    assert "Zhao Huasheng" in sent["text"] and "Valdai Discussion Club" in sent["text"]
    buttons = [b for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert len(buttons) == 3 and all(b["callback_data"].startswith("f:") for b in buttons)


async def test_start_deep_link_opens_the_shared_answer(bot):
    app, request = bot
    await feed(app, "message", message("/start bucharest-2008"))
    assert "Merkel" in request.sent()[0]["text"]


@pytest.mark.parametrize("command,expected", [
    ("/help", "/ask"), ("/sections", "part by part"), ("/about", "Valdai Papers"), ("/ask", "Ask me anything")])
async def test_commands(bot, command, expected):
    app, request = bot
    await feed(app, "message", message(command))
    assert expected in request.sent()[0]["text"]


async def test_sections_command_has_one_button_per_section(bot, engine):
    app, request = bot
    await feed(app, "message", message("/sections"))
    rows = request.sent()[0]["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in rows] == [f"s:{s.id}" for s in engine.knowledge.sections]


async def test_button_press_is_answered_and_shows_content(bot):
    app, request = bot
    await feed(app, "callback_query", {"id": "q1", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                       "chat_instance": "c", "data": "f:new-start-expiry",
                                       "message": message("earlier", chat_id=7)})
    assert request.sent("answerCallbackQuery")[0]["callback_query_id"] == "q1"
    assert "February 2026" in request.sent()[0]["text"]


async def test_stale_button_gets_a_toast(bot):
    app, request = bot
    await feed(app, "callback_query", {"id": "q2", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                       "chat_instance": "c", "data": "f:removed-fact", "message": message("x")})
    (answer,) = request.sent("answerCallbackQuery")
    assert "expired" in answer["text"] and request.sent() == []


async def test_inline_query_offers_at_most_five_answers(bot):
    app, request = bot
    await feed(app, "inline_query", {"id": "i1", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                     "query": "obama reset", "offset": ""})
    (answer,) = request.sent("answerInlineQuery")
    results = answer["results"]
    assert 1 <= len(results) <= 5
    assert all(problems(r["input_message_content"]["message_text"]) == [] for r in results)
    assert "reset" in results[0]["title"].lower()


async def test_inline_query_answers_a_question_between_two_passages_as_a_chat_does(bot, engine):
    # "how did obama's reset go": the proposal and its failure, two neighbouring passages.
    app, request = bot
    decision = engine.decide("how did obama's reset go")
    assert decision.answered and decision.also is not None
    await feed(app, "inline_query", {"id": "i4", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                     "query": "how did obama's reset go", "offset": ""})
    results = request.sent("answerInlineQuery")[0]["results"]
    first = results[0]["input_message_content"]["message_text"]
    assert decision.best.fact.quote.split(".")[0] in first and decision.also.quote.split(".")[0] in first
    assert f"f:{decision.also.id}" in [r["id"] for r in results]  # and on its own, to pick


async def test_inline_query_naming_a_topic_offers_the_topics_facts(bot, engine):
    app, request = bot
    await feed(app, "inline_query", {"id": "i3", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                     "query": "ukraine?", "offset": ""})
    ids = [r["id"] for r in request.sent("answerInlineQuery")[0]["results"]]
    topic = next(t for t in engine.knowledge.topics if t.id == "ukraine")
    assert len(ids) >= 3 and all(any(f in i for f in topic.facts) for i in ids), ids


async def test_empty_inline_query_lists_the_sections(bot, engine):
    app, request = bot
    await feed(app, "inline_query", {"id": "i2", "from": {"id": 9, "is_bot": False, "first_name": "U"},
                                     "query": "", "offset": ""})
    titles = [r["title"] for r in request.sent("answerInlineQuery")[0]["results"]]
    assert titles == [s.title for s in engine.knowledge.sections]


async def test_rate_limit_gives_one_notice_not_one_per_message(bot):
    app, request = bot
    for n in range(25):
        await feed(app, "message", message(f"who wrote it {n}", user_id=77))
    texts = [s["text"] for s in request.sent()]
    assert len(texts) == 21 and "very fast" in texts[-1]


async def test_failed_command_menu_logs_a_warning_and_runs_on(bot, caplog):
    app, request = bot
    request.fail["setMyCommands"] = (500, "Internal Server Error")
    with caplog.at_level(logging.WARNING):
        await _set_command_menus(app)
    assert "could not set the" in caplog.text
    await feed(app, "message", message("who wrote it"))
    assert request.sent()


async def test_a_failing_update_is_logged_and_the_bot_carries_on(bot, caplog):
    app, request = bot
    request.fail["sendMessage"] = (400, "Bad Request: chat not found")
    with caplog.at_level(logging.ERROR):
        await feed(app, "message", message("who wrote it"))
    assert "failed: BadRequest" in caplog.text
    del request.fail["sendMessage"]
    await feed(app, "message", message("when does new start expire"))
    assert "February 2026" in request.sent()[-1]["text"]


async def test_blocked_user_is_logged_not_retried(bot):
    app, request = bot
    request.fail["sendMessage"] = (403, "Forbidden: bot was blocked by the user")
    await feed(app, "message", message("who wrote it"))
    assert len(request.sent()) == 1


async def test_the_limit_covers_every_kind_of_update_with_one_notice(bot):
    app, request = bot
    for _ in range(100):  # 100 /start in a burst from one user
        await feed(app, "message", message("/start", user_id=88))
    texts = [s["text"] for s in request.sent()]
    assert len(texts) == 21 and "very fast" in texts[-1]
    await feed(app, "callback_query", {"id": "q9", "from": {"id": 88, "is_bot": False, "first_name": "U"},
                                       "chat_instance": "c", "data": "f:new-start-expiry",
                                       "message": message("earlier", chat_id=7)})
    await feed(app, "inline_query", {"id": "i9", "from": {"id": 88, "is_bot": False, "first_name": "U"},
                                     "query": "new start", "offset": ""})
    assert len(request.sent()) == 21 and request.sent("answerInlineQuery") == []


async def test_an_update_delivered_twice_is_handled_once(bot):
    app, request = bot
    update = {"update_id": 999_001, "message": message("who wrote it")}
    await app.process_update(Update.de_json(update, app.bot))
    await app.process_update(Update.de_json(update, app.bot))
    assert len(request.sent()) == 1


async def test_chatter_in_a_group_does_not_count_toward_the_limit(bot):
    app, request = bot
    for n in range(30):
        await feed(app, "message", message(f"just chatting {n}", chat_type="group", chat_id=-9, user_id=66))
    await feed(app, "message", message("/ask who wrote it", chat_type="group", chat_id=-9, user_id=66))
    assert "Zhao Huasheng" in request.sent()[-1]["text"]
