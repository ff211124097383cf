"""The baseline for bench/load.py: a bare python-telegram-bot echo bot, long polling.

    TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=... python bench/echo_bot.py
"""

from __future__ import annotations

import logging
import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back."""
    await update.message.reply_text(update.message.text)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    app = (Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"])
           .base_url(os.environ["TELEGRAM_API_BASE_URL"]).build())
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.run_polling()


if __name__ == "__main__":
    main()
