"""Thin async handlers: read the update, ask the engine, send the reply (bot/telegram/sending.py). No wiring here."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from dataclasses import dataclass, field

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import NetworkError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from .. import messages, replies, review
from ..engine import Engine
from ..knowledge import KnowledgeError
from ..matching import Kind
from ..questionlog import QuestionLog, read_only
from ..replies import Button
from .guards import RateLimiter, RepeatFilter, Verdict
from .keyboards import inline_keyboard
from .sending import send

log = logging.getLogger(__name__)

SERVICES = "services"
INLINE_RESULTS = 5


@dataclass
class Services:
    """What the handlers share: the engine, the bounded per-user/per-chat guards, the question log.

    `engine` is swapped whole by a reload: a handler reads it once, so a question in flight
    finishes on the base it started with.
    """

    engine: Engine
    limiter: RateLimiter
    repeats: RepeatFilter
    log: QuestionLog | None = None
    admins: frozenset[int] = frozenset()
    knowledge_path: str | None = None
    retention_days: int = 90
    updates: RepeatFilter = field(default_factory=lambda: RepeatFilter(window=3600.0))  # update ids seen


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[SERVICES]


def user_lang(update: Update) -> str:
    """The language of the user's Telegram app: for replies that have no question to follow."""
    user = update.effective_user
    return "ru" if messages.get(user.language_code if user else None) is messages.RU else "en"


# --- questions -------------------------------------------------------------------------------


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """The one path from a question to a sent answer, for every kind of chat."""
    message, chat = update.effective_message, update.effective_chat
    s = services(context)
    group = chat.type != ChatType.PRIVATE
    result = s.engine.answer(question)
    if group and not s.repeats.first((chat.id, result.repeat_key)):
        log.info("question chat=%s repeated within the window: not answered again", chat.type)
        return
    decision = result.decision
    log.info("question chat=%s decision=%s lang=%s confidence=%.2f fact=%s", chat.type, decision.kind.value,
             decision.lang, decision.confidence, decision.best.fact.id if decision.best and decision.answered
             else "-")
    log.debug("question text: %r", question)
    question_id = s.log.record(decision, chat.type) if s.log else None
    await send(context, message, result.reply, quote=group, extra=_vote_row(question_id, result.reply.lang)
               if question_id and decision.answered else ())


def _vote_row(question_id: int, lang: str) -> tuple[tuple[Button, ...], ...]:
    m = messages.get(lang)
    return ((Button(m.vote_helpful, f"v:{question_id}:1"), Button(m.vote_not_helpful, f"v:{question_id}:0")),)


VOTE_PATTERN = r"^v:\d{1,18}:[01]$"


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A Helpful / Not helpful press: one vote per reader per answer (a later press changes it)."""
    query = update.callback_query
    _, question_id, helpful = (query.data or "").split(":")
    s = services(context)
    recorded = s.log.vote(int(question_id), query.from_user.id, helpful == "1") if s.log else None
    m = messages.get(user_lang(update))
    await query.answer(m.vote_thanks if recorded else m.unknown_button)


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/privacy: what is stored and for how long, in plain words."""
    message, lang = update.effective_message, user_lang(update)
    text = messages.get(lang).privacy.format(days=services(context).retention_days)
    await send(context, message, replies.notice(text, lang), quote=message.chat.type != ChatType.PRIVATE)


def _is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return bool(user) and user.id in services(context).admins


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats, admins only (others get silence): questions, answer rate, top topics, top unanswered."""
    if not _is_admin(update, context):
        return
    s, lang = services(context), user_lang(update)
    m = messages.get(lang)
    try:
        with contextlib.closing(read_only(s.log.path.parent)) as db:
            data = review.stats(db)
    except (OSError, sqlite3.Error, AttributeError):
        await send(context, update.effective_message, replies.notice(m.stats_unavailable, lang))
        return

    def rate(pair: tuple[int, int]) -> int:
        return round(100 * pair[1] / pair[0]) if pair[0] else 0

    text = m.stats.format(today_total=data["today"][0], today_rate=rate(data["today"]), week_total=data["week"][0],
                          week_rate=rate(data["week"]), topics=", ".join(f"{f} ({n})" for f, n in data["topics"])
                          or "-", unanswered="; ".join(f"{q} ({n})" for q, n in data["unanswered"]) or "-")
    await send(context, update.effective_message, replies.notice(text, lang))


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload, admins only (others get silence): reload the knowledge base, report problems."""
    if not _is_admin(update, context):
        return
    lang = user_lang(update)
    m = messages.get(lang)
    problems = await reload_knowledge(context.application)
    text = m.reload_failed.format(problems="\n".join(problems[:20])) if problems else \
        m.reload_done.format(facts=len(services(context).engine.knowledge.facts))
    await send(context, update.effective_message, replies.notice(text, lang))


_reloading = asyncio.Lock()


async def reload_knowledge(app) -> list[str]:
    """Load and validate the knowledge base again and swap it in; on problems keep the old one.

    Returns the problems (file:line), empty on success. Building the indexes runs in a thread,
    so the bot keeps answering meanwhile; only new content is embedded (the cache keeps the rest).
    """
    s: Services = app.bot_data[SERVICES]
    async with _reloading:
        try:
            engine = await asyncio.to_thread(Engine.load, s.knowledge_path)
        except KnowledgeError as exc:
            problems = [str(p) for p in exc.problems]
            log.warning("knowledge base not reloaded, %d problem(s); answering from the old one:\n  %s",
                        len(problems), "\n  ".join(problems))
            return problems
        s.engine = engine
    log.info("knowledge base reloaded: %d facts, %s matching", len(engine.knowledge.facts), engine.mode)
    return []


async def guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every handler: drops a repeated update id, and holds each user to the limit.

    The limit covers every kind of update a user can send (questions, commands, buttons,
    inline queries, photos...), with one notice per window; in groups only what is addressed
    to the bot counts, so a chatty member who never asks is not limited.
    """
    s = services(context)
    if not s.updates.first(update.update_id):
        log.info("update %d delivered twice: handled once", update.update_id)
        raise ApplicationHandlerStop
    user = update.effective_user
    if user is None or not _counts_toward_limit(update, context):
        return
    verdict = s.limiter.check(user.id)
    if verdict is Verdict.ALLOW:
        return
    if verdict is Verdict.NOTIFY:
        lang = user_lang(update)
        notice = messages.get(lang).rate_limited
        if update.callback_query:
            await update.callback_query.answer(notice)
        elif update.effective_message and update.effective_chat:
            await send(context, update.effective_message, replies.notice(notice, lang),
                       quote=update.effective_chat.type != ChatType.PRIVATE)
    raise ApplicationHandlerStop


def _counts_toward_limit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    message = update.message
    if message is None or message.chat.type == ChatType.PRIVATE:
        return True
    return (message.text or "").startswith("/") or _addressed_to_bot(message, context.bot.username, context.bot.id)


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
        await send(context, message, _help(update, context), quote=message.chat.type != ChatType.PRIVATE)
        return
    await answer_question(update, context, question)


# --- commands --------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: what the bot is; /start <fact id> (a shared deep link) opens that answer."""
    knowledge, lang = services(context).engine.knowledge, user_lang(update)
    fact = knowledge.fact(context.args[0]) if context.args else None
    reply = replies.for_fact(fact, knowledge, lang) if fact else replies.for_start(knowledge, lang)
    await send(context, update.effective_message, reply)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: how to ask, in private chats and groups."""
    message = update.effective_message
    await send(context, message, _help(update, context), quote=message.chat.type != ChatType.PRIVATE)


def _help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> replies.Reply:
    group = update.effective_chat.type != ChatType.PRIVATE
    return replies.for_help(services(context).engine.knowledge, user_lang(update), context.bot.username, group=group)


async def sections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sections: one button per section of the article."""
    message = update.effective_message
    await send(context, message, replies.for_sections(services(context).engine.knowledge, user_lang(update)),
               quote=message.chat.type != ChatType.PRIVATE)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: the full citation."""
    message = update.effective_message
    await send(context, message, replies.for_about(services(context).engine.knowledge, user_lang(update)),
               quote=message.chat.type != ChatType.PRIVATE)


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chat, not text (photo, sticker, voice...): a one-line hint."""
    lang = user_lang(update)
    await send(context, update.effective_message, replies.notice(messages.get(lang).non_text, lang))


# --- buttons and inline mode -----------------------------------------------------------------


BUTTON_PATTERN = r"^[fms]:[a-z0-9-]{1,40}(:[a-z]{2})?$"  # see replies.button_data


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any other button data (an old version's, or forged): a short toast, nothing else."""
    await update.callback_query.answer(messages.get(user_lang(update)).unknown_button)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed answer, more or section button: always answered; data for a fact that is gone gets a toast."""
    query = update.callback_query
    reply = replies.for_button(query.data or "", services(context).engine.knowledge)
    if reply is None:
        await query.answer(messages.get(user_lang(update)).unknown_button)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await send(context, query.message, reply)
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
        results = [_article(f"s:{s.id}", replies.section_title(s, lang), replies.section_summary(s, lang),
                            replies.for_section(s, knowledge, lang))
                   for s in knowledge.sections]
    else:
        result = engine.answer(text)
        decision, lang = result.decision, result.reply.lang
        if decision.answered and decision.best:
            # The engine's own ranking: the answer first (with its neighbouring passage, as in a chat),
            # then the other candidates it would also answer with.
            best = decision.best.fact
            facts = [best, *(f for f in (decision.also, *decision.alternatives) if f)]
            facts += [c.fact for c in result.candidates if c.fact not in facts]
            results = [_article(f"f:{f.id}", replies.label(f, lang), replies.answer_text(f, lang),
                                replies.for_fact(f, knowledge, lang, also=decision.also if f is best else None))
                       for f in facts[:INLINE_RESULTS]]
        else:
            m = messages.get(lang)
            title = (m.sections_heading if decision.kind is Kind.OUTLINE
                     else m.not_sure if decision.close else m.not_covered)
            results = [_article("none", title, result.reply.plain(), result.reply)]
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
