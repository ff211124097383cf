"""Every sentence the bot says that is not from the knowledge base, in one place.

Templates use str.format with named fields; the reply builder fills and escapes them.
"""

from __future__ import annotations

# Command menu: (command, description). The Telegram menus and /help are built from these.
PRIVATE_COMMANDS = (
    ("start", "What this bot is, with example questions"),
    ("ask", "Ask a question about the article"),
    ("sections", "Browse the article by section"),
    ("about", "The full citation of the article"),
    ("help", "How to use the bot"),
)
GROUP_COMMANDS = (
    ("ask", "Ask a question about the article"),
    ("sections", "Browse the article by section"),
    ("about", "The full citation of the article"),
    ("help", "How to use the bot"),
)

INTRO = (
    "I answer questions about one article: “{title}” by {author} ({publisher}, {date}). "
    "Every answer says what the article claims, where it says so, and quotes it."
)
EXAMPLES_HEADING = "Try one of these:"
HELP = (
    "Ask me anything about the article in your own words, e.g. “{example}”.\n"
    "In a group, use /ask followed by your question, mention me, or reply to one of my messages.\n"
    "Commands:\n{commands}"
)
INLINE_HINT = "You can also type @{username} followed by a question in any chat."
ABOUT = "{author}, “{title}”. {series}, {publisher}, {date}.\nAuthor: {affiliation}."
SECTIONS_HEADING = "The article, part by part:"
SECTION_FACTS = "What it says here:"
SOURCE_LINE = "Section: {section}"
DID_YOU_MEAN = "Did you mean:"
MORE_ON_THIS = "More on this"
RELATED_HEADING = "Related points in the article:"
NOT_COVERED = "The article does not seem to cover that, so I won't guess."
CLOSEST_TOPICS = "Closest topics it does cover:"
OTHER_PIECE = (
    "That is from another piece, not this article: “{title}” by {author}, which was shown next to it "
    "on the web page. I only answer about “{article_title}” by {article_author}."
)
EMPTY = "Send me a question about the article, for example: “{example}”"
TRUNCATED = "(Your message was long: I read only its first {limit} characters.)"
NON_TEXT = "I can only read text. Send me your question as a message."
UNKNOWN_BUTTON = "That button has expired. Ask me again."
RATE_LIMITED = "You are asking very fast. I'll answer again in a minute."
MISSING_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and set it, "
    "or run `python -m bot chat` to try the bot in a terminal."
)
CONSOLE_WELCOME = "Ask a question (or /sections, /about, /help; a number picks a suggestion; Ctrl-D quits)."
CONSOLE_PICK = "Pick a number:"
CONSOLE_NO_SUCH_CHOICE = "Pick a number from 1 to {count}, or ask a question."
CONSOLE_ONE_CHOICE = "Type 1 to pick it, or ask a question."
CONSOLE_NO_CHOICES = "There is nothing to pick here: ask a question, or /sections."
