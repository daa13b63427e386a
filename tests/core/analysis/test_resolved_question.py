"""analyze() takes the resolved question, so a question outside the shipped bank (a coach's overlay)
keeps its own type, talking points and follow-ups instead of being classified again from its words."""

from pmprep.analysis import analyze
from pmprep.bank import shipped_catalog
from pmprep.bank.schema import Question

COACH = Question(
    id="coach-lockers",
    text="Tell me how many parcel lockers a city of two million people needs.",
    type="estimation",
    tracks=["consumer"],
    rounds=["hiring-manager"],
    competencies=["analytical-rigor"],
    difficulty="medium",
    talking_points=[
        "Segments households by how often they receive parcels.",
        "Sizes locker capacity from peak-day deliveries, not the yearly average.",
        "Gives a range and names the assumption that moves it most.",
    ],
    probes=["Which assumption would you check first, and how?", "How would the answer change for a town?"],
)

ANSWER = (
    "I'd size it from deliveries. Two million people is about 800,000 households; online shoppers among "
    "them get roughly 2 parcels a week, so about 1.6 million parcels weekly, and a peak day is about 25% "
    "of a week, 400,000 parcels. If lockers take 10% of deliveries, that is 40,000 parcels a day; each "
    "compartment turns over about once a day, and a locker has 60 compartments, so about 650 lockers. "
    "My range is 500 to 900 because the share choosing lockers moves it most, and I'd check that first."
)


def test_a_coach_question_keeps_its_own_type_points_and_follow_ups():
    assert COACH.id not in shipped_catalog().questions
    fb = analyze(COACH, ANSWER)
    assert fb.question_type == "estimation"
    assert fb.question == COACH.text
    coverage = fb.criterion("coverage")  # judged against its own three talking points
    assert (coverage.level, len(coverage.evidence)) == (4, 3)
    # Typed in as words, the same question has no talking points to cover.
    assert "coverage" not in {c.id for c in analyze(COACH.text, ANSWER).criteria}


def test_a_coach_question_keeps_the_type_its_author_gave_it():
    growth = COACH.model_copy(update={"type": "strategy"})
    assert analyze(growth, ANSWER).question_type == "strategy"


def test_a_bank_question_object_and_its_id_give_the_same_feedback():
    question = shipped_catalog().questions[sorted(shipped_catalog().questions)[0]]
    assert analyze(question, ANSWER).to_dict() == analyze(question.id, ANSWER).to_dict()


def test_a_question_that_is_neither_text_nor_a_bank_question_is_refused():
    import pytest

    with pytest.raises(TypeError):
        analyze(42, ANSWER)  # type: ignore[arg-type]
