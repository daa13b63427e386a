"""A feedback page as a document to download (Markdown or PDF), and the download response itself.

The document says what the attempt page says, in the same order: the conversation for a
follow-up reply, the score, the answer with its evidence numbered by criterion, the criteria,
red flags, the probes, the user's own ratings, delivery and the structure outline.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

from pmprep.analysis.feedback import Delivery, Evidence, score_points
from pmprep.reports import Block, Bullets, Document, Heading, Highlighted, Paragraph, Quote, Table, to_markdown, to_pdf
from pmprep.web.downloads import MARKDOWN, PDF, download, filename
from pmprep.web.practice.models import Attempt

EVIDENCE_SHOWN = 4  # quotes per criterion in the table, as on the page


def attempt_document(attempt: Attempt) -> Document:
    fb = attempt.analysed
    criteria = fb.criteria
    chain, replies, probes = attempt.conversation()
    root = chain[0]
    blocks: list[Block] = []
    if len(chain) > 1:
        blocks += [Heading("The conversation so far")]
        for a in chain[:-1]:
            if a.probe:
                blocks.append(Paragraph(f"Follow-up: {a.probe}"))
            blocks.append(Quote(a.answer, cite=f"{score_points(a.score)}/100"))
        blocks.append(Paragraph(f"Follow-up: {attempt.probe}"))
        if fb.follow_up:
            blocks.append(Paragraph(f"Outcome: {fb.follow_up.outcome}"))

    blocks += [Heading(f"{fb.level_label} — {score_points(attempt.score)}/100"), Paragraph(fb.summary)]
    blocks += [Paragraph(f"Note: {note}") for note in fb.notes]
    blocks.append(Paragraph(f"Type: {fb.question_type} · Structure to follow: {fb.framework}"))

    reply = "Your reply" if len(chain) > 1 else "Your answer"
    spans = [
        (e.start, e.end, c.name) for c in criteria for e in c.evidence if 0 <= e.start < e.end <= len(attempt.answer)
    ]  # as the page: a bad span is not shown
    blocks += [
        Heading(f"{reply}, with the evidence found"),
        Highlighted(attempt.answer, spans, legend=[c.name for c in criteria]),
    ]

    blocks += [
        Heading("Criteria"),
        Table(
            "",
            ["#", "Criterion", "Level", "Your words", "Missing, and what to do"],
            [
                [
                    str(n),
                    c.name,
                    f"{c.level}/4",
                    _quotes(c.evidence[:EVIDENCE_SHOWN], with_signal=True),
                    " ".join(p for p in (f"{'; '.join(c.missing)}." if c.missing else "", c.advice) if p),
                ]
                for n, c in enumerate(criteria, start=1)
            ],
        ),
    ]

    if fb.red_flags:
        blocks += [
            Heading("Red flags"),
            Bullets([f"{f.name}: {_quotes(f.evidence[:3])} — {f.advice}" for f in fb.red_flags]),
        ]

    blocks.append(Heading("What an interviewer would ask next"))
    if replies:
        blocks += [
            Paragraph("Follow-ups you answered:"),
            Bullets([f"{r.probe} — {r.analysed.follow_up.outcome if r.analysed.follow_up else ''}" for r in replies]),
        ]
    blocks.append(
        Bullets([f"{p.text} ({p.reason})" for p in probes]) if probes else Paragraph("No obvious gaps left to probe.")
    )

    if attempt.self_ratings:
        blocks += [
            Heading("Your ratings beside pmprep's"),
            Table(
                "",
                ["Criterion", "pmprep", "You", "Difference"],
                [[c.name, f"{c.level}/4", *_self_rating(attempt.self_ratings.get(c.id), c.level)] for c in criteria],
            ),
        ]

    blocks += [Heading("Delivery"), Bullets(_delivery(fb.delivery, attempt.seconds_taken))]
    if fb.outline:
        blocks += [
            Heading("Which step of the structure each sentence serves"),
            Bullets([f"{o.step_name}: {attempt.answer[o.start : o.end]}" for o in fb.outline]),
        ]

    title = "Feedback on your follow-up reply" if len(chain) > 1 else "Feedback"
    return Document(title, f"{root.question_text} ({_when(attempt.created)})", blocks)


def markdown_download(attempt: Attempt) -> HttpResponse:
    return download(
        to_markdown(attempt_document(attempt)),
        filename("feedback", attempt.question_text, attempt.created, "md"),
        MARKDOWN,
    )


def pdf_download(attempt: Attempt, now: datetime) -> HttpResponse:
    return download(
        to_pdf(attempt_document(attempt), created=now),
        filename("feedback", attempt.question_text, attempt.created, "pdf"),
        PDF,
    )


def _quotes(evidence: list[Evidence], *, with_signal: bool = False) -> str:
    if not evidence:
        return "—"
    return "; ".join(f"“{e.text}”" + (f" ({e.signal})" if with_signal else "") for e in evidence)


def _self_rating(mine: int | None, auto: int) -> list[str]:
    if mine is None:
        return ["—", "—"]
    diff = "you rated higher" if mine > auto else "you rated lower" if mine < auto else "the same"
    return [f"{mine}/4", diff]


def _delivery(d: Delivery, seconds_taken: int | None) -> list[str]:
    time = f"about {d.speaking_seconds:.0f} s at 150 words a minute"
    if d.budget_seconds:
        time += f"; budget {d.budget_seconds:.0f} s"
    if seconds_taken:
        time += f"; you took {seconds_taken} s to write it"

    def examples(found: list[str]) -> str:
        return f" ({', '.join(found)})" if found else ""

    repeated = ", ".join(f"{word} ×{n}" for word, n in d.repeated_words) or "—"
    return [
        f"Words: {d.words} in {d.sentences} sentences ({d.average_sentence_words} per sentence)",
        f"Speaking time: {time}",
        f"Fillers: {d.fillers}{examples(d.filler_examples)}",
        f"Hedges: {d.hedges}{examples(d.hedge_examples)}",
        f"Most repeated words: {repeated}",
    ]


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y, %H:%M}"
