"""Credit needs substance: recital, another question's answer and evasion are held down, with a reason."""

from __future__ import annotations

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.analyzer import HOLLOW_CAP
from pmprep.analysis.substance import Topic, relevance, shape_vocabulary
from pmprep.analysis.text import Doc, stem
from pmprep.bank import shipped_catalog

CATALOG = shipped_catalog()
ANSWERS = sorted(CATALOG.strong_answers.values(), key=lambda a: a.question_id)
CHURN = "met-churn-voluntary-involuntary"
HOLLOW = (
    "This names the expected topics but says nothing about them: tie each one to what you would do, a number, "
    "a user or a decision."
)

STUFFED = (
    "First, goal. Second, north star. Third, drivers and guardrails. Segment by region, device, tenure and "
    "plan. A/B test with control and treatment, randomized by account, with 95% significance and 80% power. "
    "Guardrails: retention, engagement, churn. Trade-offs between short term and long term. I would "
    "prioritize, align stakeholders, and recommend we launch, then iterate."
)
BAKING = (
    "First, the goal: a loaf with an open crumb. My north star is oven spring, measured in centimetres. "
    "Drivers: hydration at 75%, a 12-hour cold proof, and a 250 degree oven. Guardrails: the crust must not "
    "burn and the base must not be gummy. I would test two flours side by side for 4 weeks, and pick the one "
    "that rises more. So my recommendation is the high-protein flour, because it holds the gas better."
)
EVASIVE = (
    "I don't really have a big failure. There was a project where engineering was slow and the designers kept "
    "changing things, so the launch slipped. Communication is important, and I learned that everyone needs "
    "to be on the same page. It was fine in the end and we launched."
)


def strong(question_id: str) -> str:
    return CATALOG.strong_answers[question_id].answer


def test_keyword_stuffing_is_held_at_borderline_with_the_reason_first():
    fb = analyze(CHURN, STUFFED)
    assert fb.level <= 2 and fb.score <= HOLLOW_CAP
    assert fb.notes[0] == HOLLOW and fb.summary.endswith(HOLLOW)
    assert fb.score < analyze(CHURN, strong(CHURN)).score


def test_a_well_built_answer_about_something_else_is_poor_and_names_the_question_asked():
    fb = analyze(CHURN, BAKING)
    assert (fb.level, fb.score) == (1, 15.0)
    off = [n for n in fb.notes if n.startswith("This does not answer the question asked")]
    assert off and off[0].endswith(
        "Answer what was asked: “How would you measure churn at Netflix, and why does it "
        "matter whether a cancellation was voluntary?”"
    )


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_every_strong_answer_is_off_topic_for_a_question_of_another_type(answer):
    # The next question (in id order) of another type that has a strong answer of its own.
    own = CATALOG.questions[answer.question_id]
    ids = [a.question_id for a in ANSWERS]
    start = ids.index(answer.question_id)
    other = next(CATALOG.questions[q] for q in ids[start + 1 :] + ids[:start] if CATALOG.questions[q].type != own.type)
    elsewhere = analyze(other.id, answer.answer)
    assert elsewhere.level <= 2
    assert elsewhere.score < analyze(other.id, strong(other.id)).score


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_every_strong_answer_is_nearest_its_own_question(answer):
    question = CATALOG.questions[answer.question_id]
    related = relevance(Doc(answer.answer), Topic.of(question.text, question.talking_points, question.id), CATALOG)
    assert related.ratio >= 0.6


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_reciting_a_questions_own_talking_points_earns_borderline_at_most(answer):
    question = CATALOG.questions[answer.question_id]
    frames = [
        "On {}, that is central here.",
        "We should think about {} as well.",
        "Then there is {}, which matters.",
        "I would also look at {} carefully.",
        "And {} rounds it off.",
    ]
    recital = " ".join(
        frames[i % len(frames)].format(point.rstrip(".").lower()) for i, point in enumerate(question.talking_points)
    )
    fb = analyze(question.id, f"Here is my answer. {recital} That is my recommendation.")
    assert fb.level <= 2


def test_denying_a_failure_and_blaming_others_are_red_flags():
    fb = analyze("beh-failure-product-you-owned", EVASIVE)
    flags = {f.id: [e.text for e in f.evidence] for f in fb.red_flags}
    assert flags == {
        "blaming": ["engineering was slow", "the designers kept changing"],
        "denies_failure": ["I don't really have a big failure", "It was fine in the end"],
    }
    assert fb.level == 1
    assert fb.probes[0].text == "What part of that was in your control, looking back?"  # the first flag's probe


def test_a_denial_only_counts_where_a_failure_was_asked_for():
    answer = (
        "Nothing went wrong with the billing migration because we rehearsed it twice: I ran a dry run on 2% "
        "of accounts, compared invoices line by line and only then moved the rest over a weekend."
    )
    assert "denies_failure" not in {f.id for f in analyze("met-churn-voluntary-involuntary", answer).red_flags}


def test_giving_up_is_a_red_flag_but_an_open_question_is_not():
    gave_up = analyze(
        CHURN,
        "Honestly I don't know. I have never thought about this, so I am not sure what to say "
        "about churn or cancellations, it is not something I have worked on before at all.",
    )
    assert [(f.id, [e.text for e in f.evidence]) for f in gave_up.red_flags if f.id == "dont_know"] == [
        ("dont_know", ["I don't know", "I have never thought about this"])
    ]
    open_question = analyze(
        CHURN,
        strong(CHURN) + " I don't know yet whether the pause option would hold up "
        "outside the US, so I would test it in two markets first.",
    )
    assert "dont_know" not in {f.id for f in open_question.red_flags}


def test_the_shape_vocabulary_reads_both_spellings_and_hyphenated_words_from_the_patterns():
    vocabulary = shape_vocabulary()
    assert {stem("prioritize"), stem("prioritise"), stem("guardrails"), stem("trade-off")} <= vocabulary
    assert stem("sourdough") not in vocabulary


WEAK_CHURN = (
    "I would look at churn as the share of members who cancel each month. It matters because cancellations "
    "hurt revenue, so we should reduce them with better content and maybe discounts for people who are "
    "about to leave."
)


def test_coverage_quotes_where_each_talking_point_is_covered():
    coverage = analyze(CHURN, strong(CHURN)).criterion("coverage")
    assert (coverage.level, coverage.advice) == (4, "Keep this: it is what interviewers listen for.")
    assert [e.signal for e in coverage.evidence] == [
        "covers: defines monthly churn as members whose paid access ended in…",
        "covers: splits voluntary churn",
        "covers: notes involuntary churn is often fixed with payment…",
        "covers: tracks net churn including rejoins within 90 days",
    ]
    assert coverage.evidence[1].text == "Split by cause\n- Voluntary: the member cancelled."


def test_coverage_names_the_points_an_answer_leaves_out_and_asks_about_the_first():
    fb = analyze(CHURN, WEAK_CHURN)
    coverage = fb.criterion("coverage")
    assert (coverage.level, coverage.evidence) == (1, [])
    assert coverage.advice == (
        "You covered 0 of 4 points. A strong answer also defines monthly churn as members whose paid access ended "
        "in the month divided by paying…; splits voluntary churn; notes involuntary churn is often fixed with "
        "payment retries; tracks net churn including rejoins within 90 days."
    )
    assert (
        "A strong answer here also defines monthly churn as members whose paid access ended in the month "
        "divided by paying…. How would you cover that?"
    ) in [p.text for p in fb.probes if p.criterion == "coverage"]


def test_a_typed_in_question_has_no_coverage_criterion():
    fb = analyze("How should a meal-kit company measure churn?", WEAK_CHURN)
    assert "coverage" not in {c.id for c in fb.criteria}


def _answers_to_check():
    for answer in ANSWERS:
        yield answer.question_id, answer.answer
    yield CHURN, STUFFED
    yield CHURN, BAKING
    yield CHURN, WEAK_CHURN
    yield "beh-failure-product-you-owned", EVASIVE


def test_a_level_and_its_words_never_contradict():
    for question, answer in _answers_to_check():
        for c in analyze(question, answer).criteria:
            if c.level >= 3:
                assert c.missing == [], (question, c.id, c.level, c.missing)
            if c.level <= 3:
                assert not c.advice.startswith("Keep this"), (question, c.id, c.level, c.advice)


def test_a_broken_substance_words_file_is_refused_with_list_and_entry(tmp_path):
    from pmprep.analysis.substance import load_substance_words
    from pmprep.bank import ContentError

    path = tmp_path / "substance.yaml"
    path.write_text("generic: [the, 'Two Words']\nbuzzwords: synergy\nframework: [step]\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_substance_words(path)
    assert {(p.entry, p.field, p.message) for p in error.value.problems} == {
        ("generic", "[1]", "expected one lower-case word (found 'Two Words')"),
        ("buzzwords", None, "expected a list of words"),
    }


def test_buzzwords_are_not_words_of_the_answers_own():
    from pmprep.analysis.substance import generic_stems

    assert {stem("synergies"), stem("leverage"), stem("data-driven")} <= generic_stems()


def test_the_summary_card_names_two_strengths_with_quotes_and_two_gaps_with_what_is_missing():
    fb = analyze(CHURN, WEAK_CHURN)
    assert [(g.criterion, g.level, g.quote) for g in fb.gaps] == [
        ("goal_first", 1, "no goal stated"),
        (
            "coverage",
            1,
            "not covered: defines monthly churn as members whose paid access ended in the month divided by paying…",
        ),
    ]
    strong_fb = analyze(CHURN, strong(CHURN))
    assert [s.criterion for s in strong_fb.strengths] == ["north_star", "coverage"]
    assert all(s.level >= 3 and s.quote in strong(CHURN) for s in strong_fb.strengths)
    assert strong_fb.to_dict()["strengths"][0]["name"] == "A precise north star with drivers and guardrails"


BLIND = "How would you improve Netflix for members who are blind or have low vision?"
PIVOT_BODY = (
    " Language is the biggest barrier to enjoying a title made in another country, so I'd start there. "
    "Dubbing reaches 30 languages today; I'd add 10 more for the top 50 titles, ranked by hours watched, and "
    "measure completion of dubbed episodes against subtitled ones over 8 weeks."
)


def test_an_answer_that_turns_the_question_into_another_one_is_poor_and_says_so():
    feedback = analyze(BLIND, "I'll approach this as a subtitles and dubbing question." + PIVOT_BODY)
    assert feedback.level == 1 and feedback.score <= 15.0
    assert feedback.notes[0] == (
        "This does not answer the question asked: “I'll approach this as a subtitles and dubbing question” turns "
        "it into a question it does not ask. Answer the question as asked, or show how your angle answers it."
    )


@pytest.mark.parametrize(
    "opening",
    [
        "I'd treat this as an experiment design problem.",  # a method: the rubric's words, not a subject
        "I'd look at this through what blind members hear when they browse.",  # the question's own subject
        "I looked at this as a subtitles question once.",  # not an opening that sets out an answer
    ],
)
def test_turning_to_a_method_or_to_the_question_s_own_subject_is_not_a_pivot(opening):
    notes = analyze(BLIND, opening + PIVOT_BODY).notes
    assert not any("turns it into a question it does not ask" in note for note in notes)


def test_a_pivot_counts_only_in_the_first_two_sentences():
    late = "Audio description is the first thing. Screen readers are the second." + PIVOT_BODY
    notes = analyze(BLIND, late + " I'd look at this as a subtitles question too.").notes
    assert not any("turns it into a question it does not ask" in note for note in notes)
