"""Helpers for the tests: a fake Bot API server, the bot as a process, a Telegram HTML checker."""
