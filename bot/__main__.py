"""Command line: run (Telegram), chat (terminal), ask (one-shot or JSON lines), check (validate), review.

With no command: Telegram when TELEGRAM_BOT_TOKEN is set, the terminal chat otherwise.
Exit codes: 0 success, 2 bad configuration or a broken knowledge base.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from . import messages
from .engine import Engine
from .knowledge import KnowledgeError, coverage, load, resolve_path
from .matching import load_embedder, weighs_not_answered, whole
from .settings import Settings, SettingsError

EXIT_OK, EXIT_CONFIG = 0, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    knowledge_path = args.knowledge or settings.knowledge_path
    command = args.command or ("run" if settings.token else "chat")
    if command == "check":
        return check(args.path or knowledge_path)
    if command == "review":
        return review_command(settings, knowledge_path, args.days, args.format)
    try:
        engine = Engine.load(knowledge_path)
    except KnowledgeError as exc:
        _print_problems(exc, sys.stderr)
        return EXIT_CONFIG
    if command == "ask":
        return ask(engine, args.question, as_json=args.json, lang=args.lang)
    if command == "chat":
        from . import console

        return console.run(engine, lang=getattr(args, "lang", None))
    if not settings.token:
        print(f"error: {messages.MISSING_TOKEN}", file=sys.stderr)
        return EXIT_CONFIG
    from .telegram.app import run

    return run(settings, engine)


ENVIRONMENT = """\
environment (defaults in brackets):
  TELEGRAM_BOT_TOKEN       token from @BotFather (required); or TELEGRAM_BOT_TOKEN_FILE, a file holding it
  TELEGRAM_API_BASE_URL    Bot API base URL, e.g. http://127.0.0.1:8081/bot [Telegram's]
  KNOWLEDGE_PATH           knowledge file, or folder holding article.yaml [the bundled one]
  LOG_LEVEL                DEBUG, INFO, WARNING, ERROR or CRITICAL [INFO]
  QUESTIONS_PER_MINUTE     updates one user may send per minute, 0 = no limit [20]
  WEBHOOK_URL              run a webhook server and register this URL [long polling]
  WEBHOOK_SECRET           required with WEBHOOK_URL; or WEBHOOK_SECRET_FILE, a file holding it
  PORT                     webhook server port [8080]
  DATA_DIR                 question log and vote secret [~/.local/share/article-bot]
  QUESTION_LOG             on or off [on]
  RETENTION_DAYS           days questions and votes are kept [90]
  ADMIN_USER_IDS           comma-separated user ids allowed /stats and /reload [none]
  SEMANTIC                 off = lexical matching only [on]
  EMBEDDING_CACHE_DIR      embedding cache [~/.cache/article-bot]
signals: SIGTERM/SIGINT stop cleanly, SIGHUP reloads the knowledge base."""


def _program() -> str:
    """The program as invoked: `article-bot` for the console script, `python -m bot` otherwise."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m bot" if name in ("", "__main__.py", "-c") else name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_program(), description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument("--knowledge", metavar="PATH", help="knowledge file or folder (default: KNOWLEDGE_PATH, "
                        "else the bundled one)")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="start the Telegram bot (needs TELEGRAM_BOT_TOKEN)", epilog=ENVIRONMENT,
                   formatter_class=argparse.RawDescriptionHelpFormatter,
                   description="Start the Telegram bot: long polling, or a webhook server when WEBHOOK_URL is set.")
    chat_parser = sub.add_parser("chat", help="chat with the bot in this terminal")
    ask_parser = sub.add_parser("ask", help="answer one question, or one per line of stdin with '-'")
    ask_parser.add_argument("question", help="the question, or - to read one question per line from stdin")
    ask_parser.add_argument("--json", action="store_true", help="write one JSON object per question")
    for p in (ask_parser, chat_parser):
        p.add_argument("--lang", choices=messages.LANGUAGES,
                       help="reply in this language (default: the language of each question)")
    review_parser = sub.add_parser("review", help="the curator's report from the question log in DATA_DIR")
    review_parser.add_argument("--days", type=int, default=30, help="how many days back (default 30)")
    review_parser.add_argument("--format", choices=("text", "json", "yaml"), default="text",
                               help="text (default), json, or yaml: proposed additions to the knowledge base")
    check_parser = sub.add_parser("check", help="validate the knowledge base and report coverage",
                                  description="Validate a knowledge base: exit 0 with its coverage, or exit 2 "
                                              "listing every problem as file:line.")
    check_parser.add_argument("path", nargs="?", help="knowledge file or folder (default: KNOWLEDGE_PATH if set, "
                              "else the bundled one)")
    return parser


# --- ask -------------------------------------------------------------------------------------


def ask(engine: Engine, question: str, *, as_json: bool, lang: str | None = None, stdin: BinaryIO | None = None,
        stdout: TextIO | None = None) -> int:
    """Answer the question, or every stdin line when question is '-'; one output per input line."""
    stdout = stdout or sys.stdout
    questions = _stdin_lines(stdin or sys.stdin.buffer) if question == "-" else iter([_clean_arg(question)])
    for q in questions:
        reply = engine.reply(q, lang)
        if as_json:
            record = {
                "question": q,
                "answered": reply.answered,
                "text": reply.plain(),
                "section": reply.section.id if reply.answered and reply.section else None,
                "fact": reply.fact.id if reply.fact else None,
                "score": reply.score,
                "suggestions": list(reply.suggestions),
                "confidence": round(reply.confidence, 4),
                "lang": reply.lang,
            }
            stdout.write(_one_line(json.dumps(record, ensure_ascii=False)) + "\n")
        else:
            stdout.write(reply.plain() + ("\n\n" if question == "-" else "\n"))
        stdout.flush()
    return EXIT_OK


def _one_line(encoded: str) -> str:
    # JSON allows these raw, but splitlines() and many line readers break on them.
    return encoded.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _stdin_lines(stream: BinaryIO) -> Iterator[str]:
    # Bytes split on b"\n" only: a U+2028 or a stray \r inside a line must not make two questions.
    for raw in stream:
        yield raw.rstrip(b"\n").rstrip(b"\r").decode("utf-8", errors="replace")


def _clean_arg(text: str) -> str:
    # argv carries undecodable bytes as lone surrogates; they cannot be printed or JSON-encoded.
    return text.encode("utf-8", errors="replace").decode("utf-8")


# --- check -----------------------------------------------------------------------------------


def check(path: str | None) -> int:
    """Validate a knowledge base; print every problem (file:line) or the coverage report."""
    try:
        knowledge = load(path)
    except KnowledgeError as exc:
        _print_problems(exc, sys.stdout)
        return EXIT_CONFIG
    report = coverage(knowledge)
    questions = sum(len(f.questions) for f in knowledge.facts)
    print(f"{resolve_path(path)}: OK")
    print(f"facts: {len(knowledge.facts)}, sections: {len(knowledge.sections)}, "
          f"questions: {questions} (min {min(len(f.questions) for f in knowledge.facts)} per fact), "
          f"related-reading pieces: {len(knowledge.related_reading)}, topics: {len(knowledge.topics)}, "
          f"questions listed as not answered: {len(knowledge.not_answered)} for the article, "
          f"{sum(len(f.not_answered) for f in knowledge.facts)} by facts")
    if not weighs_not_answered(knowledge):
        print("  (too few for the decision to weigh how close a question comes to them: see README)")
    print(f"quotes verbatim in source: {report.quote_count}/{len(knowledge.facts)} "
          f"(each checked; none spans removed page furniture)")
    print(f"body text quoted: {100 * report.quoted_share:.0f}% of its characters")
    translated = sum(1 for f in knowledge.facts if f.answer_ru)
    questions_ru = [len(f.questions_ru) for f in knowledge.facts]
    print(f"russian: {translated}/{len(knowledge.facts)} facts translated, questions_ru: {sum(questions_ru)} "
          f"(min {min(questions_ru)} per fact)" if translated else "russian: none (answers in English only)")
    embedder = load_embedder()
    print("matching: semantic + lexical (embedding model loaded)" if embedder else
          "matching: lexical only (embedding model not available, or SEMANTIC=off)")
    print(f"paragraphs cited: {report.paragraph_count - len(report.uncited_paragraphs)}/{report.paragraph_count}")
    unanswered = _whole_article_unanswered(Engine.load(path, embedder=embedder))
    print(f"whole-article questions not answered: {', '.join(f'“{q}”' for q in unanswered)} (readers ask these "
          "first; list each among the questions of the fact that answers it, the article's point or its byline, "
          "or they get its parts)" if unanswered else "whole-article questions: answered")
    print("facts per section:")
    for section in knowledge.sections:
        print(f"  {report.facts_per_section.get(section.id, 0):3d}  {section.id}")
    for n in report.uncited_paragraphs:
        print(f"uncited paragraph {n}: {knowledge.paragraphs[n - 1][:80]}...")
    return EXIT_OK


def _whole_article_unanswered(engine: Engine) -> list[str]:
    """The plain phrasings of questions about the whole article that the base does not answer."""
    languages = ("en", "ru") if any(f.answer_ru for f in engine.knowledge.facts) else ("en",)
    asked = dict.fromkeys(q for lang in languages for q in whole.plain_phrasings(lang))
    return [q for q in asked if not engine.decide(q).answered]


# --- review ----------------------------------------------------------------------------------


def review_command(settings: Settings, knowledge_path: str | None, days: int, fmt: str) -> int:
    """Print the curator's report; exit 2 when there is no log or the base is broken."""
    from . import review
    from .questionlog import read_only

    if days < 1:
        print("error: --days must be 1 or more", file=sys.stderr)
        return EXIT_CONFIG
    try:
        knowledge = load(knowledge_path)
        with contextlib.closing(read_only(settings.data_dir)) as db:
            data = review.report(db, knowledge, days)
    except KnowledgeError as exc:
        _print_problems(exc, sys.stderr)
        return EXIT_CONFIG
    except (OSError, sqlite3.Error) as exc:
        print(f"error: cannot read the question log ({exc}); is DATA_DIR right?", file=sys.stderr)
        return EXIT_CONFIG
    print(review.render(data, fmt))
    return EXIT_OK


def _print_problems(exc: KnowledgeError, stream: TextIO) -> None:
    print(f"knowledge base has {len(exc.problems)} problem(s):", file=stream)
    for problem in exc.problems:
        print(f"  {problem}", file=stream)


def version() -> str:
    try:
        from importlib.metadata import version as installed

        return installed("article-bot")
    except Exception:  # running from a source tree that was never installed
        return "unknown"


def entry() -> None:
    """Console-script entry point: main() with a quiet exit when the reader of stdout goes away."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `python -m bot check | head -1`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)


if __name__ == "__main__":
    entry()
