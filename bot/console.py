"""The terminal chat: the same conversation as on Telegram, buttons as numbered choices."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from . import replies, texts
from .engine import Engine


def run(engine: Engine, read: Callable[[str], str] = input, out: TextIO | None = None) -> int:
    """Read questions until end of input; print each reply. Returns the exit code."""
    if read is input and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # undecodable bytes become U+FFFD, not a crash
    out = out or sys.stdout
    knowledge = engine.knowledge
    choices: list[replies.Button] = []

    def show(reply: replies.Reply) -> None:
        nonlocal choices
        print(reply.plain(), file=out)
        choices = [button for row in reply.buttons for button in row]
        if choices:
            print(texts.CONSOLE_PICK, file=out)
            for n, button in enumerate(choices, 1):
                print(f"  {n}. {button.label}", file=out)
        print(file=out, flush=True)

    print(texts.CONSOLE_WELCOME, file=out)
    show(replies.for_start(knowledge))
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
                hint = {0: texts.CONSOLE_NO_CHOICES, 1: texts.CONSOLE_ONE_CHOICE}.get(len(choices),
                                                                                        texts.CONSOLE_NO_SUCH_CHOICE)
                print(hint.format(count=len(choices)), file=out, flush=True)
                continue
            reply = replies.for_button(choices[int(line) - 1].data, knowledge)
        elif command in ("/start",):
            reply = replies.for_start(knowledge)
        elif command == "/sections":
            reply = replies.for_sections(knowledge)
        elif command == "/about":
            reply = replies.for_about(knowledge)
        elif command == "/help":
            reply = replies.for_help(knowledge, texts.PRIVATE_COMMANDS)
        elif command in ("/quit", "/exit"):
            return 0
        else:
            reply = engine.reply(line)
        show(reply or replies.notice(texts.UNKNOWN_BUTTON))
