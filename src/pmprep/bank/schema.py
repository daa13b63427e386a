"""The shape of a content folder, as pydantic models.

Every model forbids unknown keys so that a typo in a YAML file is reported rather than ignored.
Cross-references (a question's rounds, a component's dimensions…) are checked by the loader,
which knows the whole folder.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# A question type's id (question_types.yaml): the seven shipped ones are behavioral, product_design, strategy,
# metrics, technical, estimation and culture; the analyzer judges each with its type's judging module.
TypeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", min_length=2, max_length=40)]
# A Python module that judges a type's answers: the CRITERIA it defines, by criterion id.
ModulePath = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$", max_length=200)]


class RoundKind(StrEnum):
    """What a round is run as: an interview of questions and answers, or a case the candidate presents."""

    INTERVIEW = "interview"
    CASE = "case"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(value: list[str]) -> list[str]:
    if len(set(value)) != len(value):
        raise ValueError("lists an id more than once")
    return value


class Industry(Strict):
    """The market the company competes in, as the readiness self-check talks about it."""

    name: Text  # "streaming entertainment"
    words: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z'-]{0,39}$")]] = Field(min_length=1)
    follow: Text  # what a candidate should keep following: "competitors, the ad tier…"


class Company(Strict):
    id: Id
    name: Text
    summary: Text
    industry: Industry


class Track(Strict):
    id: Id
    name: Text
    audience: Text
    title: Text
    process_length: Text
    hiring: Text
    calendar: Id | None = None
    notes: list[Text] = []


class Round(Strict):
    id: Id
    track: Id
    order: int = Field(ge=1)
    name: Text
    minutes: int = Field(ge=5, le=480)
    minutes_max: int | None = Field(default=None, ge=5, le=480)
    duration_note: Text | None = None
    stage: Text | None = None
    optional: bool = False
    kind: RoundKind = RoundKind.INTERVIEW
    interviewer: Text
    format: Text
    assesses: list[Text] = Field(min_length=1)
    question_types: list[TypeId] = Field(min_length=1)
    competencies: list[Id] = Field(min_length=1)
    strong_signals: list[Text] = Field(min_length=1)
    weak_signals: list[Text] = Field(min_length=1)

    @property
    def is_case(self) -> bool:
        return self.kind is RoundKind.CASE

    @property
    def answer_minutes(self) -> int:
        """A budget for one answer in this round: a round holds several questions and follow-ups."""
        return max(2, round(self.minutes / 9))

    @property
    def duration_label(self) -> str:
        if self.minutes_max:
            return f"{self.minutes}–{self.minutes_max} min"
        return f"{self.minutes} min"


class MonthDay(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class Window(Strict):
    id: Id
    name: Text
    start: MonthDay | None = None
    end: MonthDay
    note: Text | None = None


class Calendar(Strict):
    id: Id
    track: Id
    name: Text
    closing_soon_days: int = Field(default=21, ge=0, le=120)
    windows: list[Window] = Field(min_length=1)


class Dimension(Strict):
    id: Id
    name: Text
    question: Text
    looks_like: Text


class Component(Strict):
    id: Id
    name: Text
    description: Text
    dimensions: list[Id] = Field(min_length=1)
    rounds: list[Id] = Field(min_length=1)


class FrameworkStep(Strict):
    id: Id
    name: Text
    prompt: Text
    # The analyzer's signal families that show an answer taking this step (its outline and structure).
    signals: list[Id] = []


class Framework(Strict):
    id: Id
    name: Text
    use: Text
    steps: list[FrameworkStep] = Field(min_length=2)


class QuestionTypeInfo(Strict):
    id: TypeId
    name: Text
    description: Text
    framework: Id
    # The module with the type's judging functions; pmprep.analysis.criteria.<id> when not given.
    judge: ModulePath | None = None
    # How much an answer reads like one of this type: signal families (pmprep.analysis.signals) and their
    # weights. An answer of a type with no profile is never called unrelated for its shape alone.
    profile: dict[Id, float] = {}
    # Types whose answers read alike (a metrics answer and a product one): not "off-topic" for each other.
    siblings: list[TypeId] = []
    # The length, in words, an answer should have when the time for it is not known.
    words: tuple[int, int] = (180, 550)
    # What a question of this type tests when no similar bank question says otherwise (typed-in questions).
    competencies: list[Id] = Field(min_length=1)
    # A question of this type makes a good case prompt (a problem to structure and recommend on): a mock
    # loop's case round draws these first.
    case_prompt: bool = False


class CriterionCompetencies(Strict):
    """Which competencies one rubric criterion is evidence for, when pmprep rates a mock round."""

    id: Id  # a criterion id of the rubric (rubrics.yaml)
    competencies: list[Id]

    @field_validator("competencies")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        return _unique(value)


class Theme(Strict):
    id: Id
    group: Text
    name: Text


class Signal(Strict):
    id: Id
    text: Text


class SignalLists(Strict):
    strong: list[Signal] = []
    weak: list[Signal] = []
    committee: list[Signal] = []
    preparation: list[Signal] = []


Bar = Annotated[float, Field(ge=1, le=4)]  # on the scorecards' 1–4 scale


class CommitteePolicy(Strict):
    """One track's bar at the hiring committee: a must-pass competency averaging below ``pass_bar``
    fails the loop; the overall average is then held against ``hire_bar`` and ``strong_bar``."""

    track: Id
    must_pass: list[Id] = Field(min_length=1)
    pass_bar: Bar
    hire_bar: Bar
    strong_bar: Bar
    required_rounds: list[Id] = Field(min_length=1)

    @field_validator("must_pass", "required_rounds")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        return _unique(value)


class CaseRule(Strict):
    """The committee's one early decision: a case round whose trade-offs were not quantified."""

    # The competency whose written evidence the decision quotes.
    competency: Id
    # pmprep's own scorecard calls a case's trade-offs quantified when one of these rubric criteria
    # reaches Solid; with none judged in the round it says nothing either way.
    trade_off_criteria: list[Id] = []

    @field_validator("trade_off_criteria")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        return _unique(value)


class StoryTask(Strict):
    """One STAR story the preparation plan asks for (task key ``story:<id>``)."""

    id: Id  # a story kind of story_kinds.yaml
    about: Text  # "a failure and what you changed because of it": the task reads "STAR story: <about>"
    competency: Id  # the competency the story mostly shows


class CultureRead(Strict):
    """One reading of the company's culture document in the plan."""

    title: Text
    detail: Text  # may name the company as {company}
    minutes: int = Field(ge=5, le=240)


class CultureReading(Strict):
    """The culture document the plan has the candidate read twice (tasks ``culture_memo:first_read`` and
    ``culture_memo:second_read``); a company without one has no such tasks."""

    name: Text  # "the culture memo": the milestone reads "Read the culture memo twice"
    primer: Id | None = None  # the primer the tasks open; without it in the bank, they open the primers page
    first_read: CultureRead
    second_read: CultureRead


class ResearchTopic(Strict):
    """One research session of the plan (task key ``research:<n>``, cycling through the topics)."""

    id: Id
    title: Text
    detail: Text


class Question(Strict):
    id: Id
    text: Text
    type: TypeId
    tracks: list[Id] = Field(min_length=1)
    rounds: list[Id] = Field(min_length=1)
    competencies: list[Id] = Field(min_length=1)
    difficulty: Difficulty
    talking_points: list[Text] = Field(min_length=3, max_length=7)
    probes: list[Text] = Field(min_length=2, max_length=4)
    themes: list[Id] = []
    primers: list[Id] = []

    @field_validator("tracks", "rounds", "competencies", "themes", "primers")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        return _unique(value)


class StrongAnswer(Strict):
    """An original exemplary answer shown after the user's own attempt."""

    question_id: Id
    answer: Text


class PrimerMeta(Strict):
    title: Text
    summary: Text
    order: int = 100
    rounds: list[Id] = []
    competencies: list[Id] = []
    as_of: dt.date | None = None


class Primer(Strict):
    id: Id
    title: Text
    summary: Text
    order: int
    rounds: list[Id]
    competencies: list[Id]
    as_of: dt.date | None
    body: str
