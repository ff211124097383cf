"""The terminal chat: the same conversation as on Telegram, buttons as numbered choices."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TextIO

from . import messages, rendering, replies
from .engine import Engine


def run(engine: Engine, read: Callable[[str], str] = input, out: TextIO | None = None,
        lang: str | None = None) -> int:
    """Read questions until end of input; print each reply. Returns the exit code.

    Replies follow each question's language, or `lang` when given; commands follow the last question's.
    """
    if read is input and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # undecodable bytes become U+FFFD, not a crash
    out = out or sys.stdout
    knowledge = engine.knowledge
    choices: list[replies.Button] = []
    current = lang or "en"

    def show(reply: replies.Reply) -> None:
        nonlocal choices
        choices = [button for row in reply.buttons for button in row]
        # A list item that is also a button is printed once, as a numbered choice.
        labels = {b.label for b in choices}
        shown = [(style, text) for style, text in reply.blocks
                 if style is not replies.Style.ITEM or _unnumbered(text) not in labels]
        print(rendering.plain(tuple(shown)), file=out)
        if choices:
            print(messages.get(reply.lang).console_pick, file=out)
            for n, button in enumerate(choices, 1):
                print(f"  {n}. {button.label}", file=out)
        print(file=out, flush=True)

    # The same command list as the Telegram menus, less what makes no sense here (/ask: every line asks).
    commands = ", ".join(f"/{name}" for name, _ in messages.get(current).private_commands if name in SCREENS)
    print(messages.get(current).console_welcome.format(commands=commands), file=out)
    show(replies.for_start(knowledge, current))
    while True:
        try:
            line = read("> ")
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return 0
        line = line.strip()
        if not line:
            continue
        command = line.split()[0].lower()
        if line.isdigit():
            if not 1 <= int(line) <= len(choices):
                m = messages.get(current)
                hint = {0: m.console_no_choices, 1: m.console_one_choice}.get(len(choices), m.console_no_such_choice)
                print(hint.format(count=len(choices)), file=out, flush=True)
                continue
            reply = replies.for_button(choices[int(line) - 1].data, knowledge)
        elif command.lstrip("/") in SCREENS:
            reply = SCREENS[command.lstrip("/")](knowledge, current)
        elif command in ("/quit", "/exit"):
            return 0
        else:
            reply = engine.reply(line, lang)
            current = reply.lang
        show(reply or replies.notice(messages.get(current).unknown_button, current))


SCREENS = {
    "start": replies.for_start,
    "sections": replies.for_sections,
    "about": replies.for_about,
    "privacy": lambda knowledge, lang: replies.notice(messages.get(lang).privacy_terminal, lang),
    "help": replies.for_help,
}


def _unnumbered(text: str) -> str:
    return re.sub(r"^\d+\. ", "", text)
