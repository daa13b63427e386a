"""Credit needs substance: which sentences are claims, what hollow sentences earn, and the calibrated scale."""

from __future__ import annotations

from itertools import pairwise

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.analyzer import _known
from pmprep.analysis.calibration import IDENTITY, KEPT_FLOOR, Calibration, load_calibration, shipped
from pmprep.analysis.claims import hollow_sentences, is_quantity, is_term_list, own_weight
from pmprep.analysis.signals import Signals
from pmprep.analysis.substance import shape_vocabulary
from pmprep.analysis.text import Doc, split_sentences
from pmprep.bank import ContentError

QUESTION = "Tell me about a feature you launched. How did you decide what made the cut?"


def hollow(text: str, question: str = QUESTION) -> list[str]:
    doc = Doc(text)
    signals = Signals(doc, _known(question), shape_vocabulary())
    return [s.text for s in doc.sentences if s.index in signals.hollow]


def test_a_sentence_that_names_topics_is_hollow_and_one_that_says_who_what_and_why_is_a_claim():
    text = (
        "I defined a north star metric with drivers and guardrails. "
        "Missed bills were the top reason people wrote to support, usually after a late fee."
    )
    assert hollow(text) == ["I defined a north star metric with drivers and guardrails."]


def test_a_number_makes_a_claim_but_a_bare_year_does_not():
    assert hollow("Engagement improved by 12%. In 2019 engagement improved.") == ["In 2019 engagement improved."]
    assert is_quantity("12%") and is_quantity("3 weeks") and not is_quantity("2019")


def test_headings_and_lists_of_terms_are_hollow():
    text = "Situation.\nTask.\nStakeholder alignment, prioritisation, data-driven execution."
    assert hollow(text) == ["Situation.", "Task.", "Stakeholder alignment, prioritisation, data-driven execution."]


def test_a_list_of_terms_is_mostly_short_items_with_nothing_that_ties_them_into_a_clause():
    assert is_term_list("Non-functional requirements: low latency, high availability, durability and global scale.")
    assert is_term_list("Goal, north star, drivers, guardrails, segmentation, trade-offs and next steps.")
    # A reason, a purpose or a condition makes it a clause; so do long items.
    assert not is_term_list("Low latency, high availability and durability, because members leave when it stalls.")
    assert not is_term_list("I'd split it by device, country and tenure to see where the drop is concentrated.")
    assert not is_term_list("The share of the audience that signed up, and the hours they watch in the week after.")


def test_a_list_of_bare_terms_is_hollow_but_a_list_of_instances_is_not():
    # Jargon is words of its own, yet a list of it says nothing; a list of instances names causes.
    listed = "Triage: severity level, incident commander, war room, stakeholder communication and a status page."
    named = "Calendar: a public holiday, a heatwave, school holidays, a Bundesliga restart or a major tournament."
    assert hollow(f"{listed} {named}") == [listed]
    assert is_term_list(listed) and not is_term_list(named)


def test_own_words_count_one_abstract_nouns_and_shape_words_a_quarter_known_words_nothing():
    known = frozenset({"bill"})
    assert own_weight("bills", known) == 0.0
    assert own_weight("the", known) == 0.0
    assert own_weight("reminders", known) == 1.0
    assert own_weight("alignment", known) == 0.25
    assert own_weight("guardrail", known, frozenset({"guardrail"})) == 0.25


def test_hollow_sentences_reads_the_given_numbered_sentences_as_claims():
    doc = Doc("Growth matters. Growth matters a lot.")
    assert hollow_sentences(doc, [], frozenset({"growth", "matt", "lot"})) == {0, 1}
    assert hollow_sentences(doc, [1], frozenset({"growth", "matt", "lot"})) == {0}


def test_content_signals_in_hollow_sentences_earn_nothing_and_the_claim_share_counts_words():
    text = "I defined guardrails. We capped autoplay previews at 30 seconds for kids profiles."
    doc = Doc(text)
    plain, judged = Signals(doc), Signals(doc, _known(QUESTION), shape_vocabulary())
    assert [h.text for h in plain("guardrail")] == ["guardrails"]
    assert judged("guardrail") == []
    assert judged.claim_share == pytest.approx(10 / 13)
    assert plain.claim_share == 1.0  # without known words every sentence counts


def test_a_wrapped_line_does_not_end_a_sentence_but_a_new_bullet_does():
    text = "The real false-positive\nrate is far above 5%.\n- Check the sample ratio.\nThe next point."
    assert [s.text for s in split_sentences(text)] == [
        "The real false-positive\nrate is far above 5%.",
        "- Check the sample ratio.",
        "The next point.",
    ]


def test_calibration_interpolates_between_knots_and_scales_by_claims():
    scale = Calibration(((0.0, 0.0), (20.0, 40.0), (100.0, 100.0)), 1.0, 0.2)
    assert scale.score(10) == 20.0 and scale.score(20) == 40.0 and scale.score(60) == 70.0
    assert scale.score(100) == 100.0 and scale.score(0) == 0.0
    assert scale.kept(1.0) == 1.0 and scale.kept(0.6) == pytest.approx(0.5) and scale.kept(0.1) == KEPT_FLOOR
    assert IDENTITY.score(42.0) == 42.0


def test_the_shipped_calibration_is_monotone_from_zero_to_one_hundred():
    scale = shipped()
    shown = [scale.score(x) for x in range(0, 101)]
    assert shown[0] == 0.0 and shown[-1] == 100.0
    assert all(a <= b for a, b in pairwise(shown))


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ("knots: [[0, 0], [100, 100]]\n", None, "expected the fields knots and claims"),
        (
            "claims: {full: 1.0, none: 0.2}\nknots: [[0, 0], [50, 40], [40, 60], [100, 100]]\n",
            "knots",
            "expected rubric scores rising",
        ),
        ("claims: {full: 1.0, none: 0.2}\nknots: [[5, 0], [100, 100]]\n", "knots", "expected the first pair [0, 0]"),
        ("claims: {full: 0.2, none: 0.5}\nknots: [[0, 0], [100, 100]]\n", "claims", "0 <= none < full <= 1"),
        ("claims: {full: 1.0, none: 0.2}\nknots: nope\n", "knots", "expected a list of"),
    ],
)
def test_a_bad_calibration_file_names_the_field(tmp_path, body, field, message):
    path = tmp_path / "calibration.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_calibration(path)
    problem = caught.value.problems[0]
    assert problem.file.endswith("calibration.yaml") and problem.field == field and message in problem.message


STUFFED = (
    "I'll answer this using the STAR framework. Situation. At my previous company we had a big opportunity "
    "to build a new feature that would delight our customers and drive engagement. Task. As the product "
    "manager I owned this feature end to end, from ideation through discovery, definition and delivery. "
    "Action. I aligned all the key stakeholders to make sure everyone was on the same page. I used "
    "prioritisation frameworks such as RICE and MoSCoW to decide what went into the first version. I defined "
    "a north star metric with drivers and guardrails. I planned an A/B test with statistical significance and "
    "a staged rollout with a rollback plan. Result. The launch was a big success. Engagement improved and "
    "stakeholders were happy. Learnings. I learned the importance of focusing on the MVP and of being "
    "data-driven."
)
REAL = (
    "Last year I was the only PM on a budgeting app with about 180,000 monthly actives. Missed bills were the "
    "most common reason people wrote to support, so I proposed bill reminders. I had four candidate pieces: "
    "detecting recurring bills, a push reminder three days before the due date, calendar sync, and shared bills "
    "for couples. Shared bills was the loudest request, but only 6% of users had a partner linked and it needed "
    "five weeks of permissions work, so I cut it. Version one was detection plus the reminder. Before launch I "
    "set the bar: 30% of new users setting up a reminder within 14 days. Eight weeks in we were at 24%, and "
    "late-fee tickets were down 38%. Detection was right only 71% of the time on utility bills, so we fixed "
    "merchant matching and reached 29%. Next time I would hand-check 200 real statements before building "
    "anything that guesses for the user."
)


def test_stuffed_prose_is_held_at_borderline_and_under_a_real_answer():
    stuffed, real = (
        analyze(QUESTION, STUFFED, question_type="behavioral"),
        analyze(QUESTION, REAL, question_type="behavioral"),
    )
    assert stuffed.level <= 2 and real.level >= 3 and real.score > stuffed.score


def test_feedback_says_why_hollow_prose_scores_low_and_quotes_a_sentence_that_earns_nothing():
    feedback = analyze(QUESTION, STUFFED, question_type="behavioral")
    assert feedback.notes[0].startswith("Much of this answer names topics without saying anything about them: 100% ")
    assert "“At my previous company we had a big opportunity" in feedback.notes[0]
    assert feedback.summary.startswith(f"Poor ({round(feedback.score)}/100). Much of this answer names topics")
    assert analyze(QUESTION, REAL, question_type="behavioral").notes == []
