"""How the answer would sound: length, speaking time at about 150 words a minute, fillers and hedges."""

from __future__ import annotations

from collections import Counter

from pmprep.analysis.feedback import Delivery
from pmprep.analysis.judging import Context
from pmprep.analysis.text import FUNCTION_WORDS

WORDS_PER_MINUTE = 150


def delivery(ctx: Context) -> Delivery:
    words = ctx.doc.word_count
    speaking = round(words / WORDS_PER_MINUTE * 60, 1)
    fillers = ctx.signals("filler")
    hedges = ctx.signals("hedge")
    counts = Counter(w.lower for w in ctx.doc.alpha_words if w.lower not in FUNCTION_WORDS and len(w.lower) > 3)
    repeated = sorted(((w, n) for w, n in counts.items() if n >= 3), key=lambda p: (-p[1], p[0]))[:5]
    sentences = len(ctx.doc.sentences)
    return Delivery(
        words=words,
        sentences=sentences,
        speaking_seconds=speaking,
        budget_seconds=ctx.seconds,
        over_budget_seconds=round(speaking - ctx.seconds, 1) if ctx.seconds else None,
        fillers=len(fillers),
        hedges=len(hedges),
        filler_examples=sorted({h.text.lower() for h in fillers})[:5],
        hedge_examples=sorted({h.text.lower() for h in hedges})[:5],
        average_sentence_words=round(words / sentences, 1) if sentences else 0.0,
        repeated_words=repeated,
    )
