"""The graded signals on small crafted notes: the grade, its points, the words it quotes, and the score it moves.

Each pair of notes differs in one thing, so the difference in score is that signal's grade alone.
"""

from __future__ import annotations

import pytest

from pmprep.outreach import Kind, Verdict, check
from pmprep.outreach.scoring import BASE

NAMED = "Hi Ana, I read your post on download limits. How did you pick the success metric?"
DETAIL = (
    "Hi Ana, I read your post on download limits. You wrote that most members download on Wi-Fi at night. "
    "How did you pick the success metric?"
)
CV = (
    "Hi Ana, I read your post on download limits. I'm a PM with six years of experience in payments. "
    "How did you pick the success metric?"
)
CV_FIRST = (
    "Hi Ana, I'm a PM with six years of experience in payments, and I led checkout at two startups where we "
    "doubled conversion. I read your post on download limits. How did you pick the success metric?"
)
PITCH = (
    "Hi Ana, I'm a PM with six years of experience in payments. I've led checkout at two startups. "
    "I'm passionate about streaming. I'd love to connect."
)


def signal(message: str, signal_id: str):
    return next(s for s in check(message).signals if s.id == signal_id)


def graded(message: str, signal_id: str):
    s = signal(message, signal_id)
    return s.grade, s.points, [(e.start, e.end, e.text) for e in s.evidence]


def test_every_report_has_the_three_signals_and_every_quote_is_the_messages_own_words():
    for message in (NAMED, DETAIL, CV, CV_FIRST, PITCH):
        report = check(message)
        assert [s.id for s in report.signals] == ["their_work", "ask", "focus"]
        assert [s.name for s in report.signals] == ["Their own work", "The ask", "About them or about you"]
        for s in report.signals:
            assert all(message[e.start : e.end] == e.text for e in s.evidence)


def test_the_score_is_the_base_plus_the_flags_and_the_grades():
    report = check(NAMED)
    assert [(f.kind, f.points) for f in report.flags] == [(Kind.NAMED_WORK, 0), (Kind.PRECISE_QUESTION, 20)]
    assert [s.points for s in report.signals] == [5, 5, 0]
    assert report.score == BASE + 20 + 5 + 5 == 90


# ---- their own work


def test_a_detail_from_their_work_is_worth_ten_more_than_only_naming_it():
    assert graded(NAMED, "their_work") == ("named", 5, [(15, 43, "your post on download limits")])
    assert graded(DETAIL, "their_work") == (
        "specific",
        15,
        [
            (15, 43, "your post on download limits"),
            (45, 99, "You wrote that most members download on Wi-Fi at night"),
        ],
    )
    assert check(DETAIL).score - check(NAMED).score == 10
    assert signal(DETAIL, "their_work").reason.startswith("Cites a detail from their own work")


def test_their_product_named_with_what_they_did_counts_as_their_work():
    message = "Hi Ana, the Top 10 row you launched counts a week of views. Why a week and not a day?"
    assert graded(message, "their_work") == ("named", 5, [(8, 35, "the Top 10 row you launched")])


def test_the_new_feature_you_launched_names_nothing():
    message = "Hi Ana, the new feature you launched is great. Why a week and not a day?"
    assert graded(message, "their_work") == ("none", -5, [])


def test_admiring_the_company_is_generic_and_quoted():
    message = "Hi Ana, I admire Netflix so much. How did you pick the success metric for downloads?"
    assert graded(message, "their_work") == ("generic", -5, [(10, 24, "admire Netflix")])
    assert signal(message, "their_work").label == "generic praise, nothing of theirs named"


def test_a_note_with_nothing_of_theirs_loses_five_and_quotes_nothing():
    message = "Hi Ana, how did you pick the success metric for downloads?"
    assert graded(message, "their_work") == ("none", -5, [])
    assert check(message).score == BASE + 20 - 5 + 5 == 80


def test_naming_their_work_is_not_counted_twice():
    report = check(NAMED)
    named_flag = next(f for f in report.flags if f.kind is Kind.NAMED_WORK)
    assert named_flag.points == 0 and "grade for their own work" in named_flag.reason
    assert sum(s.points for s in report.signals if s.id == "their_work") == 5


# ---- the ask


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (NAMED, ("small", 5, [(45, 80, "How did you pick the success metric")])),
        (
            NAMED + " A one-line reply is plenty.",
            ("small", 5, [(45, 80, "How did you pick the success metric"), (82, 98, "A one-line reply")]),
        ),
        (
            NAMED + " I'd also love to hear about your career.",
            (
                "fair",
                0,
                [(45, 80, "How did you pick the success metric"), (82, 121, "I'd also love to hear about your career")],
            ),
        ),
        (
            (
                "Hi Ana, I read your post on download limits. How did you pick the metric? What was the hardest part? "
                "Would you be open to a call?"
            ),
            (
                "several",
                -10,
                [
                    (45, 72, "How did you pick the metric"),
                    (74, 99, "What was the hardest part"),
                    (101, 128, "Would you be open to a call"),
                ],
            ),
        ),
        (
            "Hi Ana, I read your post on download limits. Could I walk you through my deck on offline viewing?",
            ("large", -10, [(45, 96, "Could I walk you through my deck on offline viewing")]),
        ),
        (
            "Hi Ana, I read your post on download limits. I'd love to connect and hear your thoughts.",
            ("vague", -10, [(45, 87, "I'd love to connect and hear your thoughts")]),
        ),
        ("Hi Ana, I read your post on download limits. Thanks for writing it!", ("none", -5, [])),
    ],
)
def test_the_ask_is_graded_and_quoted(message, expected):
    assert graded(message, "ask") == expected


def test_a_vague_ask_instead_of_one_question_costs_thirty_five():
    vague = "Hi Ana, I read your post on download limits. I'd love to connect and hear your thoughts."
    # The precise question's 20 and the small ask's 5 are gone, and the vague ask takes 10.
    assert check(NAMED).score - check(vague).score == 20 + 5 + 10 == 35


def test_a_question_worded_as_a_vague_ask_is_not_precise():
    message = "Hi Ana, I read your post on download limits. Could you share any advice for a PM moving into payments?"
    report = check(message)
    # Judged as the open-ended ask it carries, not as a precise question once "any advice" is set aside.
    assert Kind.PRECISE_QUESTION not in {f.kind for f in report.flags}
    assert [(f.kind, f.text) for f in report.flags if not f.good] == [(Kind.OPEN_ENDED, "any advice")]
    assert graded(message, "ask") == (
        "vague",
        -10,
        [(45, 101, "Could you share any advice for a PM moving into payments")],
    )


def test_a_vague_wrapper_around_a_precise_question_keeps_it_precise():
    message = "Hi Ana, I read your post on download limits. Could you share any insights on how you measured retention?"
    report = check(message)
    assert [f.text for f in report.flags if f.kind is Kind.PRECISE_QUESTION] == [
        "Could you share any insights on how you measured retention?"
    ]
    assert graded(message, "ask")[:2] == ("small", 5)


# ---- about them or about you


def test_a_note_all_about_them_quotes_its_sentences_about_them():
    assert graded(NAMED, "focus") == (
        "them",
        0,
        [(8, 43, "I read your post on download limits"), (45, 80, "How did you pick the success metric")],
    )
    assert signal(NAMED, "focus").reason == "All about them and their work: 100% of its words."


def test_one_cv_sentence_makes_it_half_about_you_and_costs_ten():
    assert graded(CV, "focus") == ("mixed", -10, [(45, 94, "I'm a PM with six years of experience in payments")])
    assert signal(CV, "focus").reason.startswith("Only 62% of its words are about them;")
    assert check(NAMED).score - check(CV).score == 10


def test_a_cv_paragraph_makes_it_mostly_about_you_and_costs_fifteen():
    assert graded(CV_FIRST, "focus") == (
        "you",
        -15,
        [
            (
                8,
                121,
                (
                    "I'm a PM with six years of experience in payments, and I led checkout at two startups where we "
                    "doubled conversion"
                ),
            )
        ],
    )
    assert signal(CV_FIRST, "focus").reason.startswith("Mostly about you: only 38% of its words are about them.")
    assert check(NAMED).score - check(CV_FIRST).score == 15


def test_politeness_is_not_about_them():
    message = "Hi Ana, I hope you're well. I'm a PM with six years of experience in payments. Thank you for your time!"
    assert graded(message, "focus") == ("you", -15, [(28, 77, "I'm a PM with six years of experience in payments")])


def test_a_note_that_says_nothing_about_either_side_is_not_graded_on_focus():
    assert graded("Hello. Greetings.", "focus") == ("none", 0, [])


# ---- together


def test_a_specific_note_about_them_scores_far_above_a_generic_pitch_that_trips_no_rule():
    pitch = check(PITCH)
    assert [f.kind for f in pitch.flags if not f.good] == []  # no phrase rule sees anything wrong
    assert [(s.grade, s.points) for s in pitch.signals] == [("none", -5), ("vague", -10), ("you", -15)]
    assert pitch.score == BASE - 30 == 30
    assert check(DETAIL).score == 100
    # Nothing in it backfires, so it is to be revised, not "do not send"; the summary says what to change.
    assert pitch.verdict is Verdict.REVISE
    assert pitch.summary == (
        "Revise: nothing of theirs named; a vague ask; mostly about you. The suggestion keeps your specifics."
    )


def test_a_rule_violation_still_dominates_the_grades():
    message = DETAIL + " Could you refer me for the APM role?"
    report = check(message)
    assert report.score == 35 and report.verdict is Verdict.DO_NOT_SEND
    assert report.summary.startswith("Do not send: it contains a referral ask.")
