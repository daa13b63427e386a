"""The main pages of pmprep, and what a look at one of them measures: how wide it is against the
viewport, how tall the header is, and what axe-core finds. Shared by tests/e2e/test_browser_pages.py
and scripts/screenshots.py, so the screenshots show exactly the pages the tests check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.e2e.browsing import QUESTION, review_the_split

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# axe-core's impacts that fail a page; "moderate" and "minor" are reported, not failed.
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Page:
    name: str  # also the screenshot's file name
    # may name a thing seed_a_candidate made: {feedback}, {story}, {deck}, {loop}, {round}, {recording}, {debrief}
    path: str
    signed_in: bool = True
    # A page that is the answer to a form (nothing to GET): the steps on the page at `path` that reach it.
    reach: Callable[[object], None] | None = None

    def url(self, base: str, made: dict[str, str]) -> str:
        return base + self.path.format(**made)


PAGES = [
    Page("home", "/"),
    Page("bank", "/questions/"),
    Page("question", f"/questions/{QUESTION}/"),
    Page("loop", "/loop/"),  # the user's own track's loop
    Page("primers", "/primers/"),
    Page("today", "/practice/today/"),
    Page("answer", f"/practice/?question={QUESTION}"),
    Page("feedback", "{feedback}"),
    Page("attempts", "/practice/attempts/"),
    Page("mock-loops", "/loops/"),
    Page("mock-loop", "{loop}"),
    Page("round", "{round}"),
    Page("committee", "{loop}committee/"),
    Page("stories", "/stories/"),
    Page("story", "{story}"),
    Page("decks", "/cases/"),
    Page("deck", "{deck}"),
    Page("rehearse", "{deck}rehearse"),
    Page("interview-week", "/week/"),
    Page("round-sheet", "/week/real/rounds/ei_case_presentation/sheet"),
    Page("questions-to-ask", "/week/real/rounds/ei_hiring_manager/questions"),
    Page("outreach", "/outreach/"),
    Page("contacts", "/outreach/contacts/"),
    Page("plan", "/plan/"),
    Page("readiness", "/plan/readiness/"),
    Page("progress", "/progress/"),
    Page("profile", "/accounts/profile/"),
    Page("data", "/accounts/data/"),
    Page("record", f"/speech/record?question={QUESTION}"),
    Page("pressure", f"/speech/pressure?question={QUESTION}"),
    Page("transcript", "{recording}"),
    Page("replay", "{recording}replay"),
    Page("recordings", "/speech/"),
    Page("debriefs", "/debrief/"),
    Page("debrief-new", "/debrief/new/"),
    Page("debrief-review", "/debrief/new/", reach=review_the_split),
    Page("debrief-round", "{debrief}"),
    Page("calibration", "/plan/calibration/"),
    Page("welcome", "/", signed_in=False),
    Page("login", "/accounts/login/", signed_in=False),
    Page("signup", "/accounts/signup/", signed_in=False),
]


@dataclass
class Look:
    width: int  # document.documentElement.scrollWidth
    header: float  # the site header's height, menu closed
    violations: list[dict] = field(default_factory=list)  # axe-core's serious and critical ones

    def describe(self) -> str:
        return "; ".join(
            f"{v['id']} ({v['impact']}, {len(v['nodes'])}×: {v['nodes'][0]['target']})" for v in self.violations
        )


def look(page, axe=None) -> Look:
    """Measure the page as it is now; with an axe_playwright_python Axe, check it too."""
    width = page.evaluate("document.documentElement.scrollWidth")
    header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    violations: list[dict] = []
    if axe is not None:
        found = axe.run(page).response["violations"]
        violations = [v for v in found if v["impact"] in BLOCKING]
    return Look(width, header, violations)


def widest(page, limit: int) -> list[str]:
    """The elements that reach past the viewport's right edge (innermost first), to say why a page is wide."""
    return page.evaluate(
        """limit => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit + 1 && ![...e.children].some(
                c => c.getBoundingClientRect().right > limit + 1))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
                 + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')""",
        limit,
    )
