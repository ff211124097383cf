"""Checks that a text is valid Telegram HTML (parse_mode=HTML), as the Bot API would parse it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
           "blockquote", "tg-emoji"}
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}> not allowed")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if ">" in data:
            self.errors.append("unescaped '>'")


def problems(text: str) -> list[str]:
    errors = []
    # Every '&' must start an entity; every '<' must start a tag.
    for match in re.finditer("&", text):
        if not ENTITY.match(text, match.start()):
            errors.append(f"unescaped '&' at {match.start()}")
    for match in re.finditer("<", text):
        if not re.match(r"</?[a-z-]+(\s[^<>]*)?>", text[match.start():]):
            errors.append(f"unescaped '<' at {match.start()}")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    errors += checker.errors
    if checker.stack:
        errors.append(f"unclosed tags {checker.stack}")
    if len(text) > 4096:
        errors.append(f"{len(text)} characters, over 4096")
    return errors
