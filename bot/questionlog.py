"""The question log: what readers asked and what the bot decided, for the curator. Private by design.

One SQLite file (WAL) in DATA_DIR. A row is the time, the language, the chat type (private,
group...), the question as the matcher read it, the decision, the fact and the confidence:
never a user id, chat id, username or name. A vote is stored under a keyed hash of the reader
and the question (HMAC with a secret made once per installation), so one reader has one vote
per answer and nobody can tell who voted. Recording never stands in the way of an answer: any
database error is logged once as a warning and the bot answers on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from .matching import Decision
from .matching.normalise import MAX_QUESTION_CHARS

log = logging.getLogger(__name__)

DB_FILE = "questions.sqlite3"
SECRET_FILE = "vote-secret"
PRUNE_EVERY = 500  # records between retention passes

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,            -- UTC, ISO 8601, seconds
    lang TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    question TEXT NOT NULL,
    decision TEXT NOT NULL,
    answered INTEGER NOT NULL,
    fact TEXT,                   -- the fact answered, or the closest one when refused
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS votes (
    voter TEXT PRIMARY KEY,      -- HMAC(secret, reader + question id): one vote per reader and answer
    question_id INTEGER NOT NULL,
    fact TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS votes_at ON votes (at);
"""


def default_data_dir(env: dict[str, str] | None = None) -> Path:
    """DATA_DIR, else $XDG_DATA_HOME/article-bot, else ~/.local/share/article-bot."""
    env = os.environ if env is None else env
    if env.get("DATA_DIR"):
        return Path(env["DATA_DIR"])
    base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else Path.home() / ".local" / "share"
    return base / "article-bot"


@dataclass(frozen=True)
class Vote:
    question_id: int
    fact: str
    helpful: bool


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


class QuestionLog:
    """Append-only question log with votes; safe to call from any thread; never raises."""

    def __init__(self, data_dir: Path, *, retention_days: int = 90):
        self.path = Path(data_dir) / DB_FILE
        self.retention_days = retention_days
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._secret = b""
        self._since_prune = 0
        self._warned = False
        self._open(Path(data_dir))

    def _open(self, data_dir: Path) -> None:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            self._secret = self._load_secret(data_dir / SECRET_FILE)
            db = sqlite3.connect(self.path, timeout=0.2, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a crash of the bot
            db.executescript(_SCHEMA)
            self._db = db
            self.prune()
        except (sqlite3.Error, OSError) as exc:
            self._warn("cannot open the question log", exc)
            self._db = None

    @staticmethod
    def _load_secret(file: Path) -> bytes:
        if file.exists():
            return file.read_bytes()
        value = secrets.token_bytes(32)
        descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(value)
        return value

    def _warn(self, what: str, exc: Exception) -> None:
        # Once at WARNING, then at DEBUG: a full disk must not flood the log.
        level = logging.DEBUG if self._warned else logging.WARNING
        log.log(level, "%s (%s: %s); answering without recording", what, exc.__class__.__name__, exc)
        self._warned = True

    def record(self, decision: Decision, chat_type: str) -> int | None:
        """Log one question; returns its row id (for a vote), or None when not recorded."""
        if self._db is None:
            return None
        fact = decision.best.fact.id if decision.best else None
        row = (_now(), decision.lang, str(chat_type), decision.question[:MAX_QUESTION_CHARS], decision.kind.value,
               int(decision.answered), fact, round(decision.confidence, 4))
        try:
            with self._lock:
                cursor = self._db.execute(
                    "INSERT INTO questions (at, lang, chat_type, question, decision, answered, fact, confidence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
                self._since_prune += 1
            if self._since_prune >= PRUNE_EVERY:
                self.prune()
            return cursor.lastrowid
        except sqlite3.Error as exc:
            self._warn("cannot record a question", exc)
            return None

    def vote(self, question_id: int, reader: int, helpful: bool) -> Vote | None:
        """Record (or change) one reader's vote on one logged answer; None if the question is unknown."""
        if self._db is None:
            return None
        voter = hmac.new(self._secret, f"{reader}:{question_id}".encode(), hashlib.sha256).hexdigest()
        try:
            with self._lock:
                found = self._db.execute("SELECT fact FROM questions WHERE id = ? AND answered = 1",
                                         (question_id,)).fetchone()
                if found is None:
                    return None
                self._db.execute("INSERT OR REPLACE INTO votes (voter, question_id, fact, helpful, at) "
                                 "VALUES (?, ?, ?, ?, ?)", (voter, question_id, found[0], int(helpful), _now()))
            return Vote(question_id, found[0], helpful)
        except sqlite3.Error as exc:
            self._warn("cannot record a vote", exc)
            return None

    def prune(self) -> None:
        """Delete questions and votes older than the retention period."""
        if self._db is None:
            return
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=self.retention_days)).strftime("%Y-%m-%dT%H:%M:%S")
        try:
            with self._lock:
                self._db.execute("DELETE FROM questions WHERE at < ?", (cutoff,))
                self._db.execute("DELETE FROM votes WHERE at < ?", (cutoff,))
                self._since_prune = 0
        except sqlite3.Error as exc:
            self._warn("cannot prune the question log", exc)

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None


def read_only(data_dir: Path) -> sqlite3.Connection:
    """A read-only connection to the log, for the review and stats reports (raises if it is missing)."""
    path = Path(data_dir) / DB_FILE
    if not path.exists():
        raise FileNotFoundError(f"no question log at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
