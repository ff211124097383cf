"""Every sentence the bot says that is not from the knowledge base, in English and in Russian.

Templates use str.format with named fields; the reply builder fills and escapes them. Both
catalogues are instances of one dataclass, so a message cannot exist in one language only.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "ru")
GROUP_COMMANDS = ("ask", "sections", "about", "help")  # of the private ones: no /start, /privacy in groups


@dataclass(frozen=True)
class Messages:
    # Command menu: (command, description). The Telegram menus, /help and the terminal chat use these.
    private_commands: tuple[tuple[str, str], ...]
    admin_commands: tuple[tuple[str, str], ...]  # added to the private menu of admins only
    intro: str
    examples_heading: str
    help: str
    inline_hint: str
    about: str
    sections_heading: str
    outline: str
    section_facts: str
    source_line: str
    quote_label: str
    did_you_mean: str
    more_on_this: str
    other_facts_heading: str
    related_heading: str
    not_covered: str
    not_sure: str
    not_mentioned: str
    word: str  # one of the reader's words, quoted in the language's style
    gap_when: str
    gap_day: str
    gap_hour: str
    gap_how_many: str
    gap_how_long: str
    gap_who: str
    gap_said: str
    gap_event: str
    gap_which: str
    closest_topics: str
    other_piece: str
    empty: str
    truncated: str
    non_text: str
    unknown_button: str
    rate_limited: str
    inline_sections: str
    privacy: str
    vote_helpful: str
    vote_not_helpful: str
    vote_thanks: str
    stats: str
    stats_unavailable: str
    reload_done: str
    reload_failed: str
    console_welcome: str
    privacy_terminal: str
    console_pick: str
    console_no_such_choice: str
    console_one_choice: str
    console_no_choices: str

    @property
    def group_commands(self) -> tuple[tuple[str, str], ...]:
        return tuple(c for c in self.private_commands if c[0] in GROUP_COMMANDS)


EN = Messages(
    private_commands=(
        ("start", "What this bot is, with example questions"),
        ("ask", "Ask a question about the article"),
        ("sections", "Browse the article by section"),
        ("about", "The full citation of the article"),
        ("privacy", "What the bot stores about your questions"),
        ("help", "How to use the bot"),
    ),
    admin_commands=(
        ("stats", "Questions and answer rate, top topics, top unanswered"),
        ("reload", "Reload the knowledge base"),
    ),
    intro=(
        "I answer questions about one article: “{title}” by {author} ({publisher}, {date}). "
        "Every answer says what the article claims, where it says so, and quotes it."
    ),
    examples_heading="Try one of these:",
    help=(
        "Ask me anything about the article in your own words, e.g. “{example}”.\n"
        "In a group, use /ask followed by your question, mention me, or reply to one of my messages.\n"
        "Commands:\n{commands}"
    ),
    inline_hint="You can also type @{username} followed by a question in any chat.",
    about="{author}, “{title}”. {series}, {publisher}, {date}.\nAuthor: {affiliation}.",
    sections_heading="The article, part by part:",
    outline="“{title}” by {author}, part by part:",
    section_facts="What it says here:",
    source_line="Section: {section}",
    quote_label="From the article:",
    did_you_mean="Did you mean:",
    more_on_this="More on this",
    other_facts_heading="More on this topic:",
    related_heading="Related points in the article:",
    not_covered="The article does not seem to cover that, so I won't guess.",
    not_sure="I'm not sure the article answers that as asked, so I won't guess.",
    not_mentioned="The article does not mention {words}, so I won't guess.",
    word="“{word}”",
    gap_when="The article gives no date for that, so I won't guess.",
    gap_day="The article does not give the exact day, so I won't guess.",
    gap_hour="The article does not give the time of day, so I won't guess.",
    gap_how_many="The article does not give that number, so I won't guess.",
    gap_how_long="The article does not say how long that lasted or took, so I won't guess.",
    gap_who="The article does not say who that was, so I won't guess.",
    gap_said="The article does not report what was said, so I won't guess.",
    gap_event="The article does not report that, so I won't guess.",
    gap_which="The article does not say which, so I won't guess.",
    closest_topics="Closest topics it does cover:",
    other_piece=(
        "That is from another piece, not this article: “{title}” by {author}, which was shown next to it "
        "on the web page. I only answer about “{article_title}” by {article_author}."
    ),
    empty="Send me a question about the article, for example: “{example}”",
    truncated="(Your message was long: I read only its first {limit} characters.)",
    non_text="I can only read text. Send me your question as a message.",
    unknown_button="That button has expired. Ask me again.",
    rate_limited="You are asking very fast. I'll answer again in a minute.",
    inline_sections="Sections of the article",
    privacy=(
        "What I keep: the text of each question, its language, the kind of chat (private or group), what I "
        "answered and how sure I was, and the “Helpful” / “Not helpful” votes. What I never keep: your user id, "
        "chat id, username or name; a vote is stored under a one-way code, so nobody can tell who voted. "
        "Questions and votes are deleted after {days} days. They help the curator improve the answers."
    ),
    vote_helpful="👍 Helpful",
    vote_not_helpful="👎 Not helpful",
    vote_thanks="Thanks, noted.",
    stats=(
        "Today: {today_total} questions, {today_rate}% answered.\n"
        "Last 7 days: {week_total} questions, {week_rate}% answered.\n"
        "Top topics: {topics}\nTop unanswered: {unanswered}"
    ),
    stats_unavailable="No question log yet (it is off, or nothing was asked).",
    reload_done="Knowledge base reloaded: {facts} facts.",
    reload_failed="The knowledge base has problems; still answering from the old one:\n{problems}",
    console_welcome="Ask a question (or {commands}; a number picks a suggestion; Ctrl-D quits).",
    privacy_terminal="The terminal chat records nothing: no question, no answer, nothing about you.",
    console_pick="Pick a number:",
    console_no_such_choice="Pick a number from 1 to {count}, or ask a question.",
    console_one_choice="Type 1 to pick it, or ask a question.",
    console_no_choices="There is nothing to pick here: ask a question, or /sections.",
)

RU = Messages(
    private_commands=(
        ("start", "Что это за бот, с примерами вопросов"),
        ("ask", "Задать вопрос о статье"),
        ("sections", "Статья по разделам"),
        ("about", "Полная ссылка на статью"),
        ("privacy", "Что бот хранит о ваших вопросах"),
        ("help", "Как пользоваться ботом"),
    ),
    admin_commands=(
        ("stats", "Вопросы и доля ответов, частые темы, вопросы без ответа"),
        ("reload", "Перезагрузить базу знаний"),
    ),
    intro=(
        "Я отвечаю на вопросы об одной статье: «{title}», автор {author} ({publisher}, {date}). "
        "В каждом ответе — что утверждает статья, в каком разделе и цитата из оригинала."
    ),
    examples_heading="Попробуйте спросить:",
    help=(
        "Спросите о статье своими словами, например: «{example}».\n"
        "В группе напишите /ask и вопрос, упомяните меня или ответьте на моё сообщение.\n"
        "Команды:\n{commands}"
    ),
    inline_hint="В любом чате можно набрать @{username} и вопрос.",
    about="{author}, «{title}». {series}, {publisher}, {date}.\nОб авторе: {affiliation}.",
    sections_heading="Статья по частям:",
    outline="«{title}», {author}, по частям:",
    section_facts="Что здесь говорится:",
    source_line="Раздел: {section}",
    quote_label="Цитата из статьи (англ.):",
    did_you_mean="Возможно, вы имели в виду:",
    more_on_this="Подробнее",
    other_facts_heading="Ещё по этой теме:",
    related_heading="Связанные мысли статьи:",
    not_covered="Похоже, в статье об этом не говорится, и я не буду гадать.",
    not_sure="Не уверен, что в статье есть ответ именно на этот вопрос, и не буду гадать.",
    not_mentioned="В статье не упоминается {words}, и я не буду гадать.",
    word="«{word}»",
    gap_when="В статье нет даты для этого, и я не буду гадать.",
    gap_day="В статье не указан точный день, и я не буду гадать.",
    gap_hour="В статье не указано, в котором часу это было, и я не буду гадать.",
    gap_how_many="В статье нет этой цифры, и я не буду гадать.",
    gap_how_long="В статье не сказано, сколько это длилось, и я не буду гадать.",
    gap_who="В статье не сказано, кто это был, и я не буду гадать.",
    gap_said="В статье не приводятся эти слова, и я не буду гадать.",
    gap_event="В статье об этом не сообщается, и я не буду гадать.",
    gap_which="В статье не сказано, какой именно, и я не буду гадать.",
    closest_topics="Ближайшие темы, о которых в статье говорится:",
    other_piece=(
        "Это из другого материала, не из этой статьи: «{title}», автор {author}; он был показан рядом "
        "на веб-странице. Я отвечаю только о статье «{article_title}» ({article_author})."
    ),
    empty="Задайте вопрос о статье, например: «{example}»",
    truncated="(Сообщение длинное: я прочитал только первые {limit} символов.)",
    non_text="Я понимаю только текст. Пришлите вопрос сообщением.",
    unknown_button="Эта кнопка устарела. Спросите ещё раз.",
    rate_limited="Вы спрашиваете очень часто. Я снова отвечу через минуту.",
    inline_sections="Разделы статьи",
    privacy=(
        "Что я храню: текст каждого вопроса, его язык, тип чата (личный или группа), что я ответил и насколько "
        "был уверен, а также оценки «Полезно» / «Не помогло». Чего я не храню никогда: ваш id, id чата, имя "
        "пользователя и имя; оценка хранится под необратимым кодом, так что нельзя узнать, кто голосовал. "
        "Вопросы и оценки удаляются через {days} дн. Они помогают составителю улучшать ответы."
    ),
    vote_helpful="👍 Полезно",
    vote_not_helpful="👎 Не помогло",
    vote_thanks="Спасибо, учтено.",
    stats=(
        "Сегодня: вопросов {today_total}, отвечено {today_rate}%.\n"
        "За 7 дней: вопросов {week_total}, отвечено {week_rate}%.\n"
        "Частые темы: {topics}\nЧастые вопросы без ответа: {unanswered}"
    ),
    stats_unavailable="Журнала вопросов пока нет (он выключен или вопросов не было).",
    reload_done="База знаний перезагружена: фактов {facts}.",
    reload_failed="В базе знаний ошибки; продолжаю отвечать по старой:\n{problems}",
    console_welcome="Задайте вопрос (или {commands}; номер выбирает вариант; Ctrl-D — выход).",
    privacy_terminal="Чат в терминале ничего не записывает: ни вопросов, ни ответов, ничего о вас.",
    console_pick="Выберите номер:",
    console_no_such_choice="Выберите номер от 1 до {count} или задайте вопрос.",
    console_one_choice="Введите 1, чтобы выбрать, или задайте вопрос.",
    console_no_choices="Здесь нечего выбирать: задайте вопрос или наберите /sections.",
)

_CATALOGUES = {"en": EN, "ru": RU}

# Not a reply to a user: printed by the command line before any language is known.
MISSING_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and set it, "
    "or run `python -m bot chat` to try the bot in a terminal."
)


def get(lang: str | None) -> Messages:
    """The catalogue for a language code ("ru", "ru-RU", "en", None...); English when unknown."""
    return _CATALOGUES.get((lang or "en").split("-")[0].lower(), EN)
