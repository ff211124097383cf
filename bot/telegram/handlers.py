"""Thin async handlers: read the update, ask the engine, send the reply. No wiring here."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from .. import messages, replies
from ..engine import Engine
from .guards import RateLimiter, RepeatFilter, Verdict
from .keyboards import inline_keyboard

log = logging.getLogger(__name__)

SERVICES = "services"
INLINE_RESULTS = 5
SEND_ATTEMPTS = 6  # first try plus retries for 5xx, timeouts and dropped connections
BACKOFF_SECONDS = 0.5  # doubled after each failed attempt: 0.5 + 1 + 2 + 4 + 8 s rides out a short outage


@dataclass
class Services:
    """What the handlers share: the engine and the bounded per-user/per-chat guards."""

    engine: Engine
    limiter: RateLimiter
    repeats: RepeatFilter


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[SERVICES]


def user_lang(update: Update) -> str:
    """The language of the user's Telegram app: for replies that have no question to follow."""
    user = update.effective_user
    return "ru" if messages.get(user.language_code if user else None) is messages.RU else "en"


# --- sending ---------------------------------------------------------------------------------


async def send(message: Message, reply: replies.Reply, *, quote: bool = False) -> None:
    """Send a reply as one or more HTML messages; buttons go on the last one."""
    parts = reply.html()
    markup = inline_keyboard(reply)
    for i, part in enumerate(parts):
        last, first = i == len(parts) - 1, i == 0
        await _with_retries(lambda part=part, last=last, first=first: message.reply_text(
            part, reply_markup=markup if last else None, do_quote=quote and first))


async def _with_retries(call) -> None:
    # Worth retrying: the server or the network failed. Not worth it: the user blocked the
    # bot (Forbidden) or the request itself is wrong (BadRequest). 429s are retried by
    # AIORateLimiter before they reach here; one that still does is retried after its delay.
    delay = BACKOFF_SECONDS
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await call()
            return
        except Forbidden as exc:
            log.info("not delivered, the user blocked the bot or left: %s", exc.message)
            return
        except BadRequest:
            raise
        except RetryAfter as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            await asyncio.sleep(_seconds(exc.retry_after))
        except (TimedOut, NetworkError) as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("send failed (%s), retry %d in %.1fs", exc.__class__.__name__, attempt, delay)
            await asyncio.sleep(delay)
            delay *= 2


def _seconds(value) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)


# --- questions -------------------------------------------------------------------------------


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """The one path from a question to a sent answer, for every kind of chat."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    s = services(context)
    group = chat.type != ChatType.PRIVATE
    verdict = s.limiter.check(user.id if user else chat.id)
    if verdict is Verdict.DROP:
        return
    if verdict is Verdict.NOTIFY:
        lang = user_lang(update)
        await send(message, replies.notice(messages.get(lang).rate_limited, lang), quote=group)
        return
    result = s.engine.answer(question)
    if group and not s.repeats.first((chat.id, result.repeat_key)):
        log.info("question chat=%s repeated within the window: not answered again", chat.type)
        return
    decision = result.decision
    log.info("question chat=%s decision=%s lang=%s confidence=%.2f fact=%s", chat.type, decision.kind.value,
             decision.lang, decision.confidence, decision.best.fact.id if decision.best and decision.answered
             else "-")
    log.debug("question text: %r", question)
    await send(message, result.reply, quote=group)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chat: every text message is a question."""
    await answer_question(update, context, update.effective_message.text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group chat: answer only messages that mention the bot or reply to one of its messages."""
    message = update.effective_message
    if _addressed_to_bot(message, context.bot.username, context.bot.id):
        await answer_question(update, context, message.text)


def _addressed_to_bot(message: Message, username: str | None, bot_id: int) -> bool:
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return True
    mention = f"@{username}".casefold() if username else None
    return bool(mention) and any(
        text.casefold() == mention
        for text in message.parse_entities([MessageEntity.MENTION]).values()
    )


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask QUESTION, in any chat; a bare /ask explains how to use it."""
    message = update.effective_message
    words = (message.text or "").split(maxsplit=1)  # "/ask@Bot question" -> the question
    question = words[1].strip() if len(words) > 1 else ""
    if not question:
        await send(message, _help(update, context), quote=message.chat.type != ChatType.PRIVATE)
        return
    await answer_question(update, context, question)


# --- commands --------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: what the bot is; /start <fact id> (a shared deep link) opens that answer."""
    knowledge, lang = services(context).engine.knowledge, user_lang(update)
    fact = knowledge.fact(context.args[0]) if context.args else None
    reply = replies.for_fact(fact, knowledge, lang) if fact else replies.for_start(knowledge, lang)
    await send(update.effective_message, reply)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: how to ask, in private chats and groups."""
    message = update.effective_message
    await send(message, _help(update, context), quote=message.chat.type != ChatType.PRIVATE)


def _help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> replies.Reply:
    group = update.effective_chat.type != ChatType.PRIVATE
    return replies.for_help(services(context).engine.knowledge, user_lang(update), context.bot.username, group=group)


async def sections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sections: one button per section of the article."""
    message = update.effective_message
    await send(message, replies.for_sections(services(context).engine.knowledge, user_lang(update)),
               quote=message.chat.type != ChatType.PRIVATE)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: the full citation."""
    message = update.effective_message
    await send(message, replies.for_about(services(context).engine.knowledge, user_lang(update)),
               quote=message.chat.type != ChatType.PRIVATE)


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chat, not text (photo, sticker, voice...): a one-line hint."""
    lang = user_lang(update)
    await send(update.effective_message, replies.notice(messages.get(lang).non_text, lang))


# --- buttons and inline mode -----------------------------------------------------------------


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed button: always answered; unknown or stale data gets a short toast."""
    query = update.callback_query
    reply = replies.for_button(query.data or "", services(context).engine.knowledge)
    if reply is None:
        await query.answer(messages.get(user_lang(update)).unknown_button)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await send(query.message, reply)
    elif query.inline_message_id:  # a button under a message sent through inline mode
        await context.bot.edit_message_text(reply.html()[0], inline_message_id=query.inline_message_id,
                                            reply_markup=inline_keyboard(reply))


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """@bot question in any chat: up to five answers; an empty query lists the sections."""
    query = update.inline_query
    engine = services(context).engine
    knowledge = engine.knowledge
    text = query.query.strip()
    if not text:
        lang = user_lang(update)
        results = [_article(f"s:{s.id}", replies.section_title(s, lang), s.summary_ru if lang == "ru" and
                            s.summary_ru else s.summary, replies.for_section(s, knowledge, lang))
                   for s in knowledge.sections]
    else:
        result = engine.answer(text)
        decision, lang = result.decision, result.reply.lang
        if decision.answered and decision.best:
            # The engine's own ranking: the answer first, then the other candidates it would also answer with.
            facts = [decision.best.fact, *decision.alternatives]
            facts += [c.fact for c in result.candidates if c.fact not in facts and c.score >= 50]
            results = [_article(f"f:{f.id}", replies.label(f, lang), replies.answer_text(f, lang),
                                replies.for_fact(f, knowledge, lang)) for f in facts[:INLINE_RESULTS]]
        else:
            results = [_article("none", messages.get(lang).not_covered, result.reply.plain(), result.reply)]
    log.info("inline query decision results=%d", len(results))
    await query.answer(results[:INLINE_RESULTS] if text else results[:50], cache_time=60)


def _article(result_id: str, title: str, description: str, reply: replies.Reply) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=title[:256],
        description=description[:200],
        input_message_content=InputTextMessageContent(reply.html()[0]),
    )


# --- errors ----------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failing update and carry on: one bad update must not stop the bot."""
    error = context.error
    if not isinstance(update, Update) and isinstance(error, NetworkError):
        # Polling hit a network or server fault; PTB retries with backoff by itself.
        log.warning("polling failed (%s: %s), retrying", error.__class__.__name__, error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s", update_id, error.__class__.__name__, exc_info=error)
