"""Rendering typed blocks as Telegram HTML or plain text: the one place text is escaped and split."""

from __future__ import annotations

import html as html_escape
import re
from enum import StrEnum

MAX_MESSAGE_CHARS = 4096  # Telegram's limit for one message
_TAG = re.compile(r"</?(b|i|blockquote)>")


class Style(StrEnum):
    TEXT = "text"
    BOLD = "bold"
    QUOTE = "quote"
    NOTE = "note"  # secondary: the section line, hints
    ITEM = "item"  # one line of a list



Blocks = tuple[tuple[Style, str], ...]


def _paragraphs(blocks: Blocks, fmt) -> list[str]:
    """Blocks formatted by `fmt`, consecutive list items kept together in one paragraph."""
    parts: list[str] = []
    previous = None
    for style, text in blocks:
        if style is Style.ITEM and previous is Style.ITEM:
            parts[-1] += "\n" + fmt(style, text)
        else:
            parts.append(fmt(style, text))
        previous = style
    return parts


def _plain_block(style: Style, text: str) -> str:
    if style is Style.QUOTE:
        return f"“{text}”"
    return f"• {text}" if style is Style.ITEM else text


def plain(blocks: Blocks) -> str:
    """Plain text: quotes in typographic quotation marks, list items bulleted."""
    return "\n\n".join(_paragraphs(blocks, _plain_block))


def _html_block(style: Style, text: str) -> str:
    escaped = html_escape.escape(text, quote=False)
    return {
        Style.TEXT: escaped,
        Style.BOLD: f"<b>{escaped}</b>",
        Style.QUOTE: f"<blockquote>{escaped}</blockquote>",
        Style.NOTE: f"<i>{escaped}</i>",
        Style.ITEM: f"• {escaped}",
    }[style]


def html(blocks: Blocks, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Telegram HTML, escaped, split into messages of at most `limit` characters on block boundaries."""
    return split_messages(_paragraphs(blocks, _html_block), limit, render=lambda part: _html_block(Style.TEXT, part))


def split_messages(blocks: list[str], limit: int, render) -> list[str]:
    """Join blocks with blank lines into messages <= limit; a block too long alone is cut as text."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        pieces = [block] if len(block) <= limit else _cut(block, limit, render)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _cut(block: str, limit: int, render) -> list[str]:
    # Only reachable for a block longer than a whole message: drop its markup and cut the
    # unescaped text on whitespace, so no tag or entity is ever split in half.
    raw = html_escape.unescape(_strip_tags(block))
    pieces, current = [], ""
    for word in raw.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(render(candidate)) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(render(current))
        while len(render(word)) > limit:  # a single enormous "word"
            size = limit // 6  # worst case: every character escapes to 5-6 characters
            pieces.append(render(word[:size]))
            word = word[size:]
        current = word
    if current:
        pieces.append(render(current))
    return pieces


def _strip_tags(block: str) -> str:
    return _TAG.sub("", block)
