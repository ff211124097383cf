"""A small fake Telegram Bot API server for end-to-end tests, on 127.0.0.1.

It speaks the HTTP API the way python-telegram-bot uses it (form-encoded parameters, JSON
answers), keeps every call the bot makes, lets a test push updates (messages, button
presses, inline queries) and inject faults (5xx, 429 with retry_after, 403, slow answers,
dropped connections) on any method.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_ID = 424242
BOT_USERNAME = "ArticleBot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Article Bot", "username": BOT_USERNAME}
ME = {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


@dataclass
class Fault:
    status: int = 500  # 0 means: drop the connection without answering
    times: int = 1
    retry_after: int | None = None
    delay: float = 0.0  # seconds to wait before answering (for timeouts)
    description: str = "Internal Server Error"
    processed: bool = False  # with status 200: carry the request out first, then answer after `delay`
    until: float | None = None  # time.monotonic() deadline: the fault lasts until then, whatever `times` says


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


class FakeBotApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._faults: dict[str, list[Fault]] = {}
        self._chats: dict[int, dict] = {}
        self._cond = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- life cycle --------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self.server.shutdown()
        self.server.server_close()

    # --- what a test does --------------------------------------------------------------------

    def fail(self, method: str, fault: Fault) -> None:
        with self._cond:
            self._faults.setdefault(method, []).append(fault)

    def push(self, kind: str, payload: dict) -> int:
        with self._cond:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, kind: payload})
            self._cond.notify_all()
            return update_id

    def message(self, text: str, *, chat_id: int = 1001, user_id: int = 501, chat_type: str = "private",
                reply_to: dict | None = None, entities: list[dict] | None = None, edited: bool = False,
                extra: dict | None = None) -> dict:
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Tester"
        else:
            chat["title"] = "Test group"
        self._chats[chat_id] = chat
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
               "from": {"id": user_id, "is_bot": False, "first_name": "Tester"}}
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if entities:
            msg["entities"] = entities
        if reply_to:
            msg["reply_to_message"] = reply_to
        if extra:
            msg.update(extra)
        self.push("edited_message" if edited else "message", msg)
        return msg

    def press(self, data: str, message: dict, *, user_id: int = 501) -> str:
        query_id = str(next(self._update_ids) + 9000)
        self.push("callback_query", {"id": query_id, "from": {"id": user_id, "is_bot": False, "first_name": "T"},
                                     "chat_instance": "ci-1", "data": data, "message": message})
        return query_id

    def inline(self, query: str, *, user_id: int = 501) -> str:
        query_id = str(next(self._update_ids) + 7000)
        self.push("inline_query", {"id": query_id, "from": {"id": user_id, "is_bot": False, "first_name": "T"},
                                   "query": query, "offset": ""})
        return query_id

    def sent(self, method: str = "sendMessage", **match: Any) -> list[dict]:
        with self._cond:
            calls = list(self.calls)
        return [c.params for c in calls if c.method == method and all(c.params.get(k) == v for k, v in match.items())]

    def wait_for(self, method: str = "sendMessage", count: int = 1, timeout: float = 10.0, **match: Any) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent(method, **match)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        got = len(self.sent(method, **match))
        raise AssertionError(f"expected {count} {method} call(s) matching {match}, got {got}")

    def wait_sent(self, chat_id: int, more_than: int, timeout: float) -> int:
        """Block until more than `more_than` messages were sent to the chat; return how many."""
        key, deadline = str(chat_id), time.monotonic() + timeout
        with self._cond:
            while True:
                count = sum(1 for c in self.calls if c.method == "sendMessage" and c.params.get("chat_id") == key)
                if count > more_than or time.monotonic() >= deadline:
                    return count
                self._cond.wait(deadline - time.monotonic())

    def pending(self) -> int:
        with self._cond:
            return len(self._updates)

    # --- the HTTP side -----------------------------------------------------------------------

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                self._serve()

            def do_GET(self) -> None:
                self._serve()

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if len(raw) < length:  # the client hung up mid-request (e.g. the bot was stopped)
                    self.close_connection = True
                    return
                body = raw.decode("utf-8")
                params = _decode(body, self.headers.get("Content-Type", ""))
                method = self.path.rstrip("/").rsplit("/", 1)[-1]
                status, answer = api._answer(method, params)
                if status == 0:  # dropped connection
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the bot hung up (shutdown, timeout)
                    self.close_connection = True

        return Handler

    def _answer(self, method: str, params: dict) -> tuple[int, dict]:
        fault = self._take_fault(method)
        if fault and fault.processed:  # Telegram did it, but its answer comes late
            answer = self._answer(method, params)
            time.sleep(fault.delay)
            return answer
        if fault:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status == 0:
                return 0, {}
            if fault.status != 200:
                answer = {"ok": False, "error_code": fault.status, "description": fault.description}
                if fault.retry_after is not None:
                    answer["parameters"] = {"retry_after": fault.retry_after}
                return fault.status, answer
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._cond:
            self.calls.append(Call(method, params))
            self._cond.notify_all()
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        return 200, {"ok": True, "result": handler(params)}

    def _take_fault(self, method: str) -> Fault | None:
        with self._cond:
            queue = self._faults.get(method)
            if not queue:
                return None
            fault = queue[0]
            if fault.until is not None:
                if time.monotonic() < fault.until:
                    return fault
                queue.pop(0)
                return self._take_fault(method)  # the Condition's lock is re-entrant
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
            return fault

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)  # short holds keep tests snappy
        deadline = time.monotonic() + timeout
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
            return list(self._updates[:100])

    # --- Bot API methods ---------------------------------------------------------------------

    def _m_getMe(self, params: dict) -> dict:
        return ME

    def _m_sendMessage(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        chat = self._chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Tester"})
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                   "from": BOT_USER, "text": params.get("text", "")}
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _m_editMessageText(self, params: dict) -> dict | bool:
        if "inline_message_id" in params:
            return True
        return self._m_sendMessage(params)

    def _true(self, params: dict) -> bool:
        return True

    _m_answerCallbackQuery = _m_answerInlineQuery = _m_setMyCommands = _true
    _m_deleteWebhook = _m_setWebhook = _m_close = _m_logOut = _m_deleteMyCommands = _true


def _decode(body: str, content_type: str) -> dict[str, Any]:
    if not body:
        return {}
    if "json" in content_type:
        return json.loads(body)
    params: dict[str, Any] = {}
    for key, values in parse_qs(body, keep_blank_values=True).items():
        value = values[-1]
        if value[:1] in "{[":
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        params[key] = value
    return params
