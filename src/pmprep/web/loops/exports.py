"""A mock loop as a document to download (Markdown or PDF): each round with its questions and
scorecards, then the committee's decision exactly as the committee page shows it (``hear``)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

from pmprep.clock import minutes_seconds
from pmprep.config import active_catalog
from pmprep.reports import BarChart, Block, Bullets, Document, Heading, Paragraph, Quote, Table, to_markdown, to_pdf
from pmprep.web.downloads import MARKDOWN, PDF, download, filename
from pmprep.web.loops.committee import Hearing, Rating, hear
from pmprep.web.loops.models import LoopRound, MockLoop, RoundScorecard


def loop_document(loop: MockLoop, now: datetime | None = None) -> Document:
    """``now`` reads the clock of a round still running (the current time when None)."""
    catalog = active_catalog()
    hearing = hear(loop, catalog)
    track = catalog.tracks.get(loop.track)
    by_round: dict[int | None, list[tuple[RoundScorecard, list[Rating]]]] = {}
    for card, ratings, _ in hearing.considered:
        by_round.setdefault(card.loop_round_id, []).append((card, ratings))

    blocks: list[Block] = [Heading("Rounds")]
    for r in hearing.rounds:
        spec = catalog.rounds[r.round_id]
        questions = [catalog.questions[q].text for q in r.question_ids if q in catalog.questions]
        blocks += [
            Heading(f"Round {r.order}: {spec.name}", level=3),
            Paragraph(f"{r.get_status_display()} · {_time_used(r, now or timezone.now())}"),
        ]
        if questions:
            blocks += [
                Paragraph("The case prompt (given in advance):" if r.is_case else "Questions:"),
                Bullets(questions),
            ]
        cards = by_round.pop(r.id, [])
        for card, ratings in cards:
            blocks += _scorecard(card, ratings)
        if not cards:
            blocks.append(Paragraph("No scorecard for this round yet."))
    leftover = [c for cards in by_round.values() for c in cards]
    if leftover:  # scorecards of rounds the catalog no longer has: still weighed, so still shown
        blocks.append(Heading("Scorecards for rounds no longer in the catalog", level=3))
        for card, ratings in leftover:
            blocks += _scorecard(card, ratings)

    blocks += _decision(hearing)
    title = f"{track.name if track else loop.track} mock loop"
    return Document(title, f"Started {_day(loop.created)}", blocks)


def _time_used(r: LoopRound, now: datetime) -> str:
    used, planned = r.seconds_used(now), r.minutes * 60
    text = f"{minutes_seconds(used)} used of {minutes_seconds(planned)}"
    return text + (f" ({minutes_seconds(used - planned)} over)" if used > planned else "")


def _day(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y}"


def _card_title(card: RoundScorecard) -> str:
    return {
        "automatic": "pmprep's scorecard (from the analyzer)",
        "self": "Your own scorecard",
        "peer": f"Peer scorecard by {card.rater}",
    }.get(card.source, f"Referral by {card.rater}")


def _recommendation(card: RoundScorecard) -> str:
    tradeoffs = {True: " · trade-offs quantified", False: " · trade-offs not quantified"}
    quantified = card.trade_offs_quantified
    return f"Recommendation: {card.recommendation_label}{tradeoffs[quantified] if quantified is not None else ''}"


def _scorecard(card: RoundScorecard, ratings: list[Rating], level: int = 4) -> list[Block]:
    blocks: list[Block] = [Heading(_card_title(card), level=level), Paragraph(_recommendation(card))]
    if ratings:
        blocks.append(
            Table(
                "",
                ["Competency", "Rating", "Evidence"],
                [[name, f"{rating}/4", evidence or "—"] for name, rating, evidence in ratings],
            )
        )
    if card.summary.strip():
        blocks.append(Paragraph(card.summary))
    return blocks


def _decision(hearing: Hearing) -> list[Block]:
    decision = hearing.decision
    blocks: list[Block] = [
        Heading("The committee's decision"),
        Paragraph(f"Decision: {decision.outcome.label}"),
        Paragraph(decision.deciding),
        Paragraph(f"What would change it: {decision.what_would_change}"),
    ]
    if hearing.evidence:
        blocks.append(Heading("The evidence behind it", level=3))
        blocks += [Quote(text, cite=f"{round_name}, {competency}") for round_name, competency, text in hearing.evidence]

    blocks.append(Heading("Averages by competency"))
    if hearing.averages:
        overall = f"; overall {decision.overall}" if decision.overall is not None else ""
        blocks.append(
            BarChart(
                f"Each competency's average across considered scorecards, out of 4{overall}",
                [f"{name} (must pass)" if must else name for name, _, must in hearing.averages],
                [average for _, average, _ in hearing.averages],
                max_value=4,
            )
        )
    else:
        blocks.append(Paragraph("No scorecard yet."))

    flags = [*decision.flags, *hearing.ignored]
    if flags:
        blocks += [Heading("Flags"), Bullets(flags)]

    blocks.append(Heading("Documented referrals"))
    if hearing.referrals:
        for card in hearing.referrals:
            blocks += _scorecard(card, [], level=3)
    else:
        blocks.append(Paragraph("None recorded."))

    blocks.append(Heading("Noted, not considered"))
    blocks.append(
        Bullets([f"{item.kind} — {item.who}: “{item.note}” ({reason})" for item, reason in decision.not_considered])
        if decision.not_considered
        else Paragraph("Nothing informal recorded.")
    )
    blocks += [Heading("The rule"), Bullets(list(hearing.rule))]
    return blocks


def markdown_download(loop: MockLoop) -> HttpResponse:
    return download(to_markdown(loop_document(loop)), _filename(loop, "md"), MARKDOWN)


def pdf_download(loop: MockLoop, now: datetime) -> HttpResponse:
    return download(to_pdf(loop_document(loop, now), created=now), _filename(loop, "pdf"), PDF)


def _filename(loop: MockLoop, extension: str) -> str:
    return filename("mock-loop", loop.track, loop.created, extension)
