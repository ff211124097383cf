# Build the wheel in one stage, install it into a clean slim runtime in the next.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl \
    && rm -rf /wheels \
    && groupadd --gid 10001 bot \
    && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin bot \
    && mkdir /data && chown 10001:10001 /data
USER 10001:10001
WORKDIR /home/bot
# Embed the bundled knowledge base once at build time, so start-up reads the cache (a base
# mounted through KNOWLEDGE_PATH is embedded at its first start and cached the same way).
ENV EMBEDDING_CACHE_DIR=/home/bot/.cache/article-bot \
    DATA_DIR=/data
RUN article-bot ask "warm-up" > /dev/null
# The question log (SQLite) and the vote secret live here: keep them on a volume.
VOLUME ["/data"]
# Webhook mode listens here (PORT); long polling needs no open port.
EXPOSE 8080
# Healthy when the installed bot can load and validate its knowledge base.
HEALTHCHECK --interval=60s --timeout=10s --start-period=10s --retries=3 CMD ["article-bot", "check"]
# No token here: pass TELEGRAM_BOT_TOKEN at run time (--env-file). SIGTERM stops it cleanly.
CMD ["article-bot", "run"]
