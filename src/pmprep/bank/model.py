"""The loaded catalog: one company's tracks, rounds, competencies, questions and primers, and the
policy pmprep applies to them (the committee's bars, the criterion-to-competency map, the plan's
stories and research topics)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmprep.bank.schema import (
    Calendar,
    CaseRule,
    CommitteePolicy,
    Company,
    Component,
    CultureReading,
    Dimension,
    Framework,
    Primer,
    Question,
    QuestionTypeInfo,
    ResearchTopic,
    Round,
    SignalLists,
    StoryTask,
    StrongAnswer,
    Theme,
    Track,
)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one loaded catalog, one index
class Catalog:
    company: Company
    tracks: dict[str, Track]
    rounds: dict[str, Round]
    calendars: dict[str, Calendar]
    dimensions: dict[str, Dimension]
    components: dict[str, Component]
    frameworks: dict[str, Framework]
    question_types: dict[str, QuestionTypeInfo]
    themes: dict[str, Theme]
    signals: SignalLists
    # committee.yaml: track id -> its committee policy, and the case rule every track shares
    committee: dict[str, CommitteePolicy]
    case_rule: CaseRule
    # competencies.yaml's criteria: rubric criterion id -> the competencies it is evidence for
    criterion_competencies: dict[str, tuple[str, ...]]
    # plan.yaml: the STAR stories the plan asks for (in plan order), how many make the core vault,
    # and the research topics (in the order the plan takes them)
    story_tasks: dict[str, StoryTask]
    core_stories: int
    research_topics: tuple[ResearchTopic, ...]
    questions: dict[str, Question]
    primers: dict[str, Primer]
    # question id -> its strong reference answer
    strong_answers: dict[str, StrongAnswer] = field(default_factory=dict)
    # id of a question or primer -> the file it came from (for messages and `content check`)
    sources: dict[str, str] = field(default_factory=dict)
    # plan.yaml's culture document, read twice in the plan (None: the company has none)
    culture_reading: CultureReading | None = None

    def rounds_for(self, track_id: str) -> list[Round]:
        return sorted((r for r in self.rounds.values() if r.track == track_id), key=lambda r: r.order)

    def answer_seconds(self, question_id: str, track_id: str = "") -> int | None:
        """The time for one answer to a bank question: its round's answer budget, the round of
        ``track_id`` first when the question belongs to several. None for a question not in the bank.
        The web, the mock loops and `pmprep analyze` all judge concision against this one figure."""
        q = self.questions.get(question_id)
        if q is None:
            return None
        rounds = [self.rounds[r] for r in q.rounds]
        mine = [r for r in rounds if r.track == track_id]
        return (mine or rounds)[0].answer_minutes * 60

    def in_case_round(self, question: Question) -> bool:
        """Whether the question is asked in a case round (``kind: case``): a case prompt."""
        return any(r in self.rounds and self.rounds[r].is_case for r in question.rounds)

    def competency_name(self, competency_id: str) -> str:
        found = self.dimensions.get(competency_id) or self.components.get(competency_id)
        return found.name if found else competency_id

    def dimensions_of(self, competency_id: str) -> set[str]:
        """The dimensions a competency id stands for (itself if it is one)."""
        if competency_id in self.dimensions:
            return {competency_id}
        comp = self.components.get(competency_id)
        return set(comp.dimensions) if comp else set()

    def primers_for(self, question: Question) -> list[Primer]:
        return [self.primers[p] for p in question.primers if p in self.primers]

    def questions_citing(self, primer_id: str) -> list[Question]:
        return [q for q in self.questions.values() if primer_id in q.primers]

    def counts(self) -> dict[str, int]:
        return {
            "tracks": len(self.tracks),
            "rounds": len(self.rounds),
            "competencies": len(self.dimensions) + len(self.components),
            "frameworks": len(self.frameworks),
            "themes": len(self.themes),
            "questions": len(self.questions),
            "primers": len(self.primers),
        }

    def counts_by_type(self) -> dict[str, int]:
        out = {t: 0 for t in self.question_types}
        for q in self.questions.values():
            out[q.type] = out.get(q.type, 0) + 1
        return out
