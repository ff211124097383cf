"""One quote and dash style for comparing texts: shared by the matcher and the quote check."""

from __future__ import annotations

_STYLE = str.maketrans({
    "‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
})


def fold_styles(text: str) -> str:
    """Curly quotes, guillemets and dashes as their plain ASCII forms."""
    return text.translate(_STYLE)
