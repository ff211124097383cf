"""Reply buttons -> Telegram inline keyboards."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..replies import Button, Reply

MAX_LABEL = 60  # long labels are cut: Telegram shows about this much on a phone


def inline_keyboard(reply: Reply, extra: tuple[tuple[Button, ...], ...] = ()) -> InlineKeyboardMarkup | None:
    """The reply's buttons, then `extra` rows (the vote buttons under a logged answer)."""
    rows = (*reply.buttons, *extra)
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(_short(b.label), callback_data=b.data) for b in row] for row in rows]
    )


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"
