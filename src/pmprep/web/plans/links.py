"""Where a plan task or a next best action leads: the page that starts the thing it names.

A task's kind and keys say what it is (see pmprep.plans.tasks); this turns them into a URL and the words
of the button that opens it. A drill starts a drill in its round on its competency, a story opens the
user's story of that kind (or a new one), a case-deck task the user's latest deck (or the decks page), a
mock loop the loops page, a review session what is due; what has no page of its own (research, most
logistics) points at the task in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import slugify

from pmprep.bank.model import Catalog
from pmprep.plans import ReadinessItem, Task, TaskKind
from pmprep.web.cases.models import CaseDeck
from pmprep.web.stories.models import Story


@dataclass(frozen=True)
class Link:
    url: str
    label: str  # the button's words: "Start the drill"
    in_plan: bool = False  # the task's own place in the plan: the plan page shows its title unlinked


def start_drill(round_id: str | None = None, competency_id: str | None = None) -> str:
    """The Today page's "start a drill" address for a round and/or a competency."""
    query = {k: v for k, v in (("round", round_id), ("competency", competency_id)) if v}
    return f"{reverse('review:start')}?{urlencode(query)}"


def due_reviews() -> str:
    return f"{reverse('review:start')}?due=1"


def in_plan(task: Task) -> str:
    return f"{reverse('plans:index')}#task-{slugify(task.key)}"


class Links:
    """The links for one user's tasks; their stories and latest deck are read once, when first needed."""

    def __init__(self, user, catalog: Catalog):
        self.user, self.catalog = user, catalog
        self._drills: dict[tuple[str | None, str | None], Link] = {}  # a plan holds hundreds of drills

    @cached_property
    def _stories_by_kind(self) -> dict[str, Story]:
        found: dict[str, Story] = {}
        for story in Story.objects.filter(user=self.user).only("uid", "kinds", "title"):
            for kind in story.kinds or ():
                found.setdefault(kind, story)
        return found

    @cached_property
    def _latest_deck(self) -> CaseDeck | None:
        return CaseDeck.objects.filter(user=self.user).only("uid").first()  # newest first

    def task(self, task: Task) -> Link:
        kind, _, rest = task.key.partition(":")
        if task.kind is TaskKind.DRILL:
            where = (task.round_id, task.competency_id)
            if where not in self._drills:
                self._drills[where] = Link(start_drill(*where), "Start the drill")
            return self._drills[where]
        if task.kind is TaskKind.STORY:
            story = self._stories_by_kind.get(rest)
            if story is not None:
                return Link(reverse("stories:story", args=[story.uid]), "Open your story")
            return Link(reverse("stories:new"), "Write this story")
        if task.kind is TaskKind.CASE_DECK:
            deck = self._latest_deck
            if deck is not None:
                return Link(reverse("cases:deck", args=[deck.uid]), "Open your deck")
            return Link(reverse("cases:index"), "Start a case deck")
        if task.kind is TaskKind.MOCK_LOOP:
            return Link(reverse("loops:index"), "Run the mock loop")
        if kind == "mock_review":
            return Link(reverse("loops:index"), "Open your mock loops")
        if task.kind is TaskKind.REVIEW:
            return Link(due_reviews(), "Start reviews")
        if task.kind is TaskKind.CULTURE_MEMO:
            culture = self.catalog.culture_reading
            if culture is not None and culture.primer in self.catalog.primers:
                return Link(reverse("bank:primer", args=[culture.primer]), "Read the primer")
            return Link(reverse("bank:primers"), "Open the primers")
        if task.key == "logistics:apply" and self.user.track in self.catalog.tracks:
            return Link(reverse("bank:loop", args=[self.user.track]), "See the hiring calendar")
        return Link(in_plan(task), "Open it in your plan", in_plan=True)

    def action(self, item: ReadinessItem | None) -> Link:
        """The button for a readiness item's next action (None: everything is ready, keep it warm)."""
        if item is None:
            return Link(reverse("review:today"), "Open Today")
        if item.kind == "competency":
            return Link(start_drill(item.round_id, item.id), "Start this drill")
        if item.kind == "round":
            return Link(start_drill(item.id), "Start this drill")
        if item.kind == "review":
            if item.numbers.get("due"):
                return Link(due_reviews(), "Start reviews")
            return Link(reverse("review:today"), "Open Today")
        if item.kind == "stories":
            return Link(reverse("stories:new"), "Write a story")
        if not item.numbers.get("loops_done"):
            return Link(reverse("loops:index"), "Run a mock loop")
        return Link(reverse("loops:index"), "Open your mock loops")
