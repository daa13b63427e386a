"""The loop an interview-week page is about: a mock loop, or the real loop of the user's track.

``ref`` in a URL is "real" or a mock loop's uid. The real loop is the track's rounds (optional ones
included) as planned for the interview date (the study plan's, else the profile's).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.http import Http404

from pmprep.bank.model import Catalog
from pmprep.interview_week import LoopRound, Portfolio, loop_rounds, plan_portfolio
from pmprep.stories import StarStory
from pmprep.web.accounts.models import User
from pmprep.web.cases.models import CaseDeck
from pmprep.web.interview_week.models import AskedQuestion, InterviewerName, PortfolioSwap
from pmprep.web.loops.models import MockLoop
from pmprep.web.plans.models import StudyPlan
from pmprep.web.stories.models import Story

REAL = "real"


@dataclass
class WeekLoop:
    user: User
    ref: str
    mock: MockLoop | None
    track: str
    round_ids: list[str]
    interview_date: date | None

    def owned(self, model: type[models.Model]) -> models.QuerySet:
        return model._default_manager.filter(user=self.user, loop=self.mock, track=self.track)

    def names(self) -> dict[str, str]:
        return {n.slot: n.name for n in self.owned(InterviewerName)}

    def stories(self) -> list[StarStory]:
        out = []
        for story in Story.objects.filter(user=self.user):
            if not story.problems():
                out.append(story.as_story())
        return out

    def rounds(self, catalog: Catalog) -> list[LoopRound]:
        return loop_rounds(self.round_ids, catalog, self.names())

    def portfolio(self, catalog: Catalog) -> tuple[list[LoopRound], list[StarStory], Portfolio]:
        loop = self.rounds(catalog)
        stories = self.stories()
        swaps = [s.as_swap() for s in self.owned(PortfolioSwap).select_related("story", "replaces")]
        return loop, stories, plan_portfolio(loop, stories, catalog, swaps)

    def questions(self, round_id: str) -> list[AskedQuestion]:
        return list(self.owned(AskedQuestion).filter(round_id=round_id))

    def deck(self) -> CaseDeck | None:
        """The case deck for the case round: one built from this mock loop's case prompt, else the newest."""
        decks = CaseDeck.objects.filter(user=self.user).order_by("-updated", "-id")
        if self.mock is not None:
            prompts = [q for r in self.mock.rounds.all() if r.is_case for q in r.question_ids]
            matched = decks.filter(question_id__in=prompts).first() if prompts else None
            if matched is not None:
                return matched
        return decks.first()


def week_loop(user: User, ref: str, catalog: Catalog) -> WeekLoop:
    """The loop ``ref`` names for ``user``; 404 for another user's loop or a malformed ref."""
    if ref == REAL:
        track = user.track if user.track in catalog.tracks else ""
        plan = StudyPlan.objects.filter(user=user).first()
        when = plan.interview_date if plan and plan.interview_date else user.interview_date
        return WeekLoop(user, REAL, None, track, [r.id for r in catalog.rounds_for(track)] if track else [], when)
    try:
        uid = uuid.UUID(ref)
    except ValueError:
        raise Http404("No such loop.") from None
    mock = MockLoop.objects.filter(user=user, uid=uid).prefetch_related("rounds").first()
    if mock is None:
        raise Http404("No such loop.")
    ids = [r.round_id for r in mock.rounds.all() if r.round_id in catalog.rounds]
    return WeekLoop(user, str(mock.uid), mock, mock.track, ids, None)
