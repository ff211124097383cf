"""All wiring in one place: settings + engine -> a python-telegram-bot Application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode, UpdateType
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from .. import logs, messages
from ..engine import Engine
from ..questionlog import QuestionLog
from ..settings import Settings
from . import handlers
from .guards import RateLimiter, RepeatFilter
from .webhook import WebhookServer

log = logging.getLogger(__name__)

CONNECT_TIMEOUT, READ_TIMEOUT, WRITE_TIMEOUT, POOL_TIMEOUT = 5.0, 20.0, 10.0, 3.0  # seconds, Bot API calls

# Edited messages are not asked for at all, so an edit never triggers a second answer.
ALLOWED_UPDATES = [UpdateType.MESSAGE, UpdateType.CALLBACK_QUERY, UpdateType.INLINE_QUERY]


def build_application(settings: Settings, engine: Engine, *, request: BaseRequest | None = None) -> Application:
    """The bot: every handler registered here and nowhere else. `request` replaces HTTP (tests)."""
    builder = (
        Application.builder()
        .token(settings.token)
        # allow_sending_without_reply: if the asker deleted the question, answer anyway.
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True),
                           allow_sending_without_reply=True))
        .rate_limiter(AIORateLimiter(max_retries=3))  # waits out Telegram's 429 flood limits
        .concurrent_updates(16)  # answers do not depend on each other; slow sends must not queue others
        .post_init(_start)
        .post_shutdown(_stop)
    )
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        # Explicit, generous timeouts: a reply that times out is never sent again (it may have
        # arrived), so waiting longer for Telegram's answer is what avoids losing it.
        builder = (builder.connect_timeout(CONNECT_TIMEOUT).read_timeout(READ_TIMEOUT)
                   .write_timeout(WRITE_TIMEOUT).pool_timeout(POOL_TIMEOUT))
    app = builder.build()
    question_log = QuestionLog(settings.data_dir, retention_days=settings.retention_days) \
        if settings.question_log else None
    app.bot_data[handlers.SERVICES] = handlers.Services(
        engine, RateLimiter(settings.questions_per_minute), RepeatFilter(), log=question_log,
        admins=settings.admin_user_ids, knowledge_path=settings.knowledge_path, retention_days=settings.retention_days,
    )

    app.add_handler(TypeHandler(Update, handlers.guard), group=-1)  # before every other handler
    new_message = filters.UpdateType.MESSAGE  # not edited messages, not channel posts
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handler(CommandHandler("start", handlers.start, filters=new_message & private))
    app.add_handler(CommandHandler("help", handlers.help_command, filters=new_message))
    app.add_handler(CommandHandler("ask", handlers.ask, filters=new_message))
    app.add_handler(CommandHandler("sections", handlers.sections, filters=new_message))
    app.add_handler(CommandHandler("about", handlers.about, filters=new_message))
    app.add_handler(CommandHandler("privacy", handlers.privacy, filters=new_message))
    app.add_handler(CommandHandler("stats", handlers.stats, filters=new_message))
    app.add_handler(CommandHandler("reload", handlers.reload_command, filters=new_message))
    app.add_handler(MessageHandler(new_message & private & filters.TEXT & ~filters.COMMAND, handlers.private_text))
    app.add_handler(MessageHandler(new_message & groups & filters.TEXT & ~filters.COMMAND, handlers.group_text))
    app.add_handler(MessageHandler(
        new_message & private & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.non_text))
    app.add_handler(CallbackQueryHandler(handlers.vote, pattern=handlers.VOTE_PATTERN))
    app.add_handler(CallbackQueryHandler(handlers.button, pattern=handlers.BUTTON_PATTERN))
    app.add_handler(CallbackQueryHandler(handlers.stale_button))
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    app.add_error_handler(handlers.on_error)
    return app


async def _start(app: Application) -> None:
    await _set_command_menus(app)
    # SIGHUP reloads the knowledge base (where the platform has it and a loop is running).
    with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, lambda: asyncio.ensure_future(handlers.reload_knowledge(app)))


async def _stop(app: Application) -> None:
    s = app.bot_data.get(handlers.SERVICES)
    if s and s.log:
        s.log.close()


async def _set_command_menus(app: Application) -> None:
    # The menus are a convenience: if Telegram refuses them, the bot still answers.
    for lang in messages.LANGUAGES:
        m = messages.get(lang)
        code = None if lang == "en" else lang  # English is the default for every other language
        for commands, scope in ((m.private_commands, BotCommandScopeAllPrivateChats()),
                                (m.group_commands, BotCommandScopeAllGroupChats())):
            try:
                await app.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope,
                                              language_code=code)
            except TelegramError as exc:
                log.warning("could not set the %s command menu (%s): %s", scope.type, lang, exc)
        # Admins see the admin commands in their own private chat only (a per-chat scope).
        for admin in sorted(app.bot_data[handlers.SERVICES].admins):
            try:
                await app.bot.set_my_commands([BotCommand(c, d) for c, d in (*m.private_commands, *m.admin_commands)],
                                              scope=BotCommandScopeChat(admin), language_code=code)
            except TelegramError as exc:
                log.warning("could not set an admin command menu (%s): %s", lang, exc)
    log.info("bot @%s ready", app.bot.username)


def run(settings: Settings, engine: Engine) -> int:
    """Serve until SIGINT/SIGTERM: long polling, or a webhook when WEBHOOK_URL is set.

    Exit codes: 0 after a clean stop, 2 when Telegram rejects the token, 1 on any other failure.
    Failures go through the logger, which redacts the token (PTB's own messages may contain it).
    """
    logs.configure(settings.log_level, secrets=(settings.token, settings.webhook_secret))
    _raise_file_limit()
    app = build_application(settings, engine)
    try:
        if settings.webhook_url:
            asyncio.run(_serve_webhook(app, settings))
        else:
            log.info("long polling")
            app.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    except InvalidToken:
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather")
        return 2
    except Exception:
        log.exception("the bot stopped on an unexpected error")
        return 1
    log.info("stopped")
    return 0


def _raise_file_limit() -> None:
    # Many open sockets are the first thing a flood costs: use all the descriptors allowed.
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def _serve_webhook(app: Application, settings: Settings) -> None:
    """Webhook mode on our own server (bot/telegram/webhook.py), until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await _until_reachable(app.initialize, "initialise", stop)
    if stop.is_set():
        await app.shutdown()
        return
    await app.post_init(app)
    secret = settings.webhook_secret or ""

    async def deliver(data: dict) -> None:
        await app.update_queue.put(Update.de_json(data, app.bot))

    server = WebhookServer(urlparse(settings.webhook_url).path, secret, deliver)
    await server.start("0.0.0.0", settings.port)
    await _until_reachable(lambda: app.bot.set_webhook(settings.webhook_url, secret_token=secret,
                                                       allowed_updates=ALLOWED_UPDATES), "set the webhook", stop)
    await app.start()
    log.info("webhook mode on 0.0.0.0:%d", settings.port)
    await stop.wait()
    await server.stop()
    await app.stop()
    await app.shutdown()
    await app.post_shutdown(app)


async def _until_reachable(call, what: str, stop: asyncio.Event) -> None:
    """Retry `call` while Telegram cannot be reached (a WARNING with the count each time); InvalidToken passes."""
    delay, attempt = 1.0, 0
    while not stop.is_set():
        attempt += 1
        try:
            await call()
            return
        except InvalidToken:
            raise
        except TelegramError as exc:
            log.warning("Telegram cannot be reached at start-up to %s (attempt %d failed: %s), retrying in %.0f s",
                        what, attempt, exc.__class__.__name__, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, 30.0)
