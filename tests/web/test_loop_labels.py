"""The loop, round, committee and peer pages, and the loop's Markdown and PDF exports, name rounds,
competencies and tracks as the catalog does: an internal id never shows as text where the catalog
has a name for it (ids in URLs, form values and other attributes are fine)."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from pmprep.config import active_catalog
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink, RoundScorecard
from pmprep.web.loops.rounds import start_loop

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # the shape of every id the catalog names


class _Text(HTMLParser):
    """What a reader sees: text nodes only (tags and their attributes dropped), outside <script>/<style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def named_ids() -> dict[str, str]:
    catalog = active_catalog()
    return {
        **{r: catalog.rounds[r].name for r in catalog.rounds},
        **{t: catalog.tracks[t].name for t in catalog.tracks},
        **{c: catalog.competency_name(c) for c in [*catalog.dimensions, *catalog.components]},
    }


def leaks(text: str) -> list[str]:
    """Ids (as written, or squashed by a filter the way "Earlyin" was) and any snake_case word."""
    ids = named_ids()
    found = [key for key in ids if "_" in key and re.search(rf"\b{re.escape(key)}\b", text)]
    found += [
        squashed for key in ids if "_" in key and re.search(rf"\b{(squashed := key.replace('_', '').title())}\b", text)
    ]
    found += [m for m in SNAKE_CASE.findall(text) if m not in found]
    return found


def _card(loop, order, source, rater, ratings, rec=3, trade_offs=None):
    return RoundScorecard.objects.create(
        user=loop.user,
        loop=loop,
        loop_round=loop.rounds.get(order=order),
        source=source,
        rater=rater,
        ratings=ratings,
        evidence={k: f"{rater} heard it" for k in ratings},
        recommendation=rec,
        trade_offs_quantified=trade_offs,
    )


def loop_in_every_state(user, track: str) -> MockLoop:
    """Rounds done (with pmprep's, the user's and a peer's cards two levels apart), running, paused and
    not started; a case with unquantified trade-offs; a referral; an informal note; a stored card the
    committee refuses; peer links open, used, revoked and expired; competencies with no evidence and
    rounds not done."""
    loop = start_loop(user, active_catalog(), track, T0, include_optional=True)
    rounds = list(loop.rounds.all())
    first, second, case = rounds[0], rounds[1], next(r for r in rounds if r.is_case)
    LoopRound.objects.filter(pk__in=[first.pk, case.pk]).update(status="done", elapsed=1900, started=T0, finished=T0)
    LoopRound.objects.filter(pk=second.pk).update(status="paused", elapsed=600, started=T0)
    LoopRound.objects.filter(pk=rounds[2].pk).update(status="running", running_since=T0, started=T0)
    competency = active_catalog().rounds[first.round_id].competencies[0]
    _card(loop, first.order, "automatic", "pmprep", {competency: 4})
    _card(loop, first.order, "self", user.username, {competency: 3})
    peer = _card(loop, first.order, "peer", "Priya", {competency: 1}, rec=1)
    _card(loop, case.order, "peer", "Omar", {"case_solving": 2}, rec=2, trade_offs=False)
    RoundScorecard.objects.create(
        user=user,
        loop=loop,
        source="referral",
        rater="Sam",
        recommendation=4,
        summary="Worked with her for three years.",
    )
    InformalNote.objects.create(user=user, loop=loop, kind="verbal_referral", who="A director", note="Great fit.")
    # Only an edited database (or an old import) holds a card the core refuses; the pages say why.
    RoundScorecard.objects.filter(pk=_card(loop, second.order, "peer", "Kim", {competency: 3}).pk).update(evidence={})
    later = T0 + dt.timedelta(days=7)
    PeerLink.objects.create(user=user, loop_round=first, expires=later, used=T0, scorecard=peer)
    PeerLink.objects.create(user=user, loop_round=first, expires=later, revoked=T0)
    PeerLink.objects.create(user=user, loop_round=first, expires=T0 - dt.timedelta(hours=1))
    PeerLink.objects.create(user=user, loop_round=second, expires=later)
    return loop


def pages(client, loop: MockLoop) -> dict[str, str]:
    shown = {
        "index": reverse("loops:index"),
        "loop": reverse("loops:loop", args=[loop.uid]),
        "committee": reverse("loops:committee", args=[loop.uid]),
    }
    shown |= {f"round {r.order}": reverse("loops:round", args=[loop.uid, r.order]) for r in loop.rounds.all()}
    texts = {}
    for name, path in shown.items():
        response = client.get(path)
        assert response.status_code == 200, name
        texts[name] = visible(response.content.decode())
    markdown = client.get(reverse("loops:export_md", args=[loop.uid])).content.decode()
    texts["markdown export"] = markdown.replace("\\_", "_")
    pdf = client.get(reverse("loops:export_pdf", args=[loop.uid])).content
    texts["pdf export"] = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    client.logout()
    for link in PeerLink.objects.filter(loop_round__loop=loop):
        response = client.get(reverse("peer", args=[link.token]))
        texts[f"peer link ({link.state()})"] = visible(response.content.decode())
    return texts


@pytest.mark.parametrize("track", ["early_in", "experienced"])
@time_machine.travel(T0 + dt.timedelta(minutes=20), tick=False)
def test_no_loop_page_or_export_shows_an_id_where_the_catalog_has_a_name(client, alice, track):
    loop = loop_in_every_state(alice, track)
    client.force_login(alice)
    texts = pages(client, loop)
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}
    # The states are all there, so the pages said what they say about each of them.
    committee = texts["committee"]
    assert "Decision: No hire" in committee and "not done yet" in committee and "no evidence" in committee
    assert " rated 4, Priya rated 1" in committee
    assert "Kim's scorecard for " in committee and "rated 3 with no written evidence" in committee
    assert {"peer link (open)", "peer link (used)", "peer link (revoked)", "peer link (expired)"} <= set(texts)
