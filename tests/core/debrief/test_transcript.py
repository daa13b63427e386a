"""The transcript parser: every format, odd spacing, labels and timestamps, merges, and each error's line."""

from __future__ import annotations

import pytest

from pmprep.debrief.transcript import (
    MAX_CHARS,
    Exchange,
    TranscriptError,
    Turn,
    read_transcript,
)


def _pairs(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(e.question, e.answer) for e in read_transcript(text, **kwargs).exchanges]


def test_plain_lines_split_into_questions_and_answers():
    t = read_transcript(
        "Interviewer: Tell me about a launch you led?\n"
        "Me: I led offline downloads for kids profiles.\n"
        "Interviewer: What did you measure?\n"
        "Me: Completion within seven days.\n"
    )
    assert (t.format, t.candidate, t.interviewer) == ("plain", "Me", "Interviewer")
    assert t.exchanges == (
        Exchange("Tell me about a launch you led?", "I led offline downloads for kids profiles.", 1),
        Exchange("What did you measure?", "Completion within seven days.", 3),
    )


def test_odd_spacing_blank_lines_and_leading_timestamps():
    text = (
        "\n\n   [00:01:23]   Priya  Shah :   How would you grow search?  \n\n"
        "00:01:40 - Alex:I'd start with failed searches.\n"
        "(1:52) Alex:    Then measure plays after a search.\n"
        "   \n"
    )
    assert _pairs(text) == [
        ("How would you grow search?", "I'd start with failed searches. Then measure plays after a search.")
    ]
    assert read_transcript(text).candidate == "Alex"  # more words


def test_colons_inside_the_text_do_not_make_a_speaker():
    text = (
        "Interviewer: What was the trade-off?\n"
        "Me: The ratio was 3:1, so we kept the old flow.\n"
        "At 10:30 we met again.\n"
        "Interviewer: Why?\n"
        "Me: Because of cost.\n"
    )
    assert _pairs(text) == [
        ("What was the trade-off?", "The ratio was 3:1, so we kept the old flow. At 10:30 we met again."),
        ("Why?", "Because of cost."),
    ]


def test_a_one_off_label_is_read_as_words_of_the_turn():
    text = (
        "Interviewer: What happened?\n"
        "Me: We slipped.\n"
        "Lesson learned: test earlier.\n"
        "Interviewer: And then?\n"
        "Me: We shipped.\n"
    )
    assert _pairs(text) == [
        ("What happened?", "We slipped. Lesson learned: test earlier."),
        ("And then?", "We shipped."),
    ]


def test_names_with_a_time_suffix_and_a_name_and_time_line():
    text = (
        "Priya Shah (0:05): What metric would you pick?\n"
        "Alex 1m 12s: Hours watched per member.\n"
        "Priya Shah  2:10\n"
        "Why that one?\n"
        "Alex [00:02:30]: It tracks the value members get.\n"
    )
    t = read_transcript(text)
    assert t.turns == (
        Turn("Priya Shah", "What metric would you pick?", 1),
        Turn("Alex", "Hours watched per member.", 2),
        Turn("Priya Shah", "Why that one?", 4),
        Turn("Alex", "It tracks the value members get.", 5),
    )
    assert t.candidate == "Alex"


def test_continuation_lines_and_consecutive_lines_of_one_speaker_merge():
    text = (
        "Heading: notes from the call\n"  # a heading before the first label? no: it is a label used once
        "Interviewer: Walk me through a failure.\n"
        "Interviewer: Take your time?\n"
        "Me: First, the context.\n"
        "It was 2022.\n"
        "Me: Second, what I did.\n"
        "Interviewer: Thanks?\n"
        "Me: Sure.\n"
    )
    assert _pairs(text) == [
        ("Walk me through a failure. Take your time?", "First, the context. It was 2022. Second, what I did."),
        ("Thanks?", "Sure."),
    ]


def test_a_heading_before_the_first_label_is_left_out():
    assert _pairs("Call with Netflix, 3 March\n\nInterviewer: Why Netflix?\nMe: The culture memo.") == [
        ("Why Netflix?", "The culture memo.")
    ]


def test_small_talk_joins_the_next_question_and_a_leading_reply_is_left_out():
    text = (
        "Me: Hello!\n"
        "Interviewer: Thanks for making the time today.\n"
        "Me: Thanks for having me.\n"
        "Interviewer: So, tell me about a time you disagreed with your manager.\n"
        "Me: In 2021 my manager wanted to cut the free trial and I disagreed because of the data.\n"
        "Interviewer: That's all from me, thank you.\n"
    )
    assert _pairs(text) == [
        (
            "Thanks for making the time today. So, tell me about a time you disagreed with your manager.",
            "In 2021 my manager wanted to cut the free trial and I disagreed because of the data.",
        )
    ]


def test_the_candidate_is_chosen_by_label_then_by_words():
    assert read_transcript("Recruiter: Why us?\nSam: Because.").candidate == "Sam"
    assert read_transcript("Candidate: I think so.\nDana: Why?\nCandidate: Yes.").candidate == "Candidate"
    # No known label: the speaker with more words…
    assert read_transcript("Dana: Why?\nSam: Because of the mission and the team.").candidate == "Sam"
    # …and on a tie the one who spoke second.
    assert read_transcript("Dana: Why now?\nSam: Good timing.").candidate == "Sam"
    t = read_transcript("Sam: Why now?\nDana: Good timing.\nSam: Why us?\nDana: The culture.", candidate="dana")
    assert (t.candidate, t.interviewer) == ("Dana", "Sam")


def test_an_unknown_chosen_candidate_is_refused():
    with pytest.raises(TranscriptError) as caught:
        read_transcript("Dana: Why?\nSam: Because.", candidate="Lee")
    assert (caught.value.line, caught.value.message) == (
        None,
        "'Lee' is not a speaker here; the speakers are Dana and Sam",
    )


VTT = """WEBVTT
Kind: captions

NOTE recorded by the call app
two lines of note

intro
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Priya Shah>How would you improve
search on TV?</v>

00:00:05.000 --> 00:00:09.000
<v.loud Alex>I&#39;d look at <b>abandoned</b> searches.</v>

00:00:09.500 --> 00:00:12.000
Alex: Then test <00:00:10.000>a fix.

00:01:00.000 --> 00:01:02.000
<v Priya Shah>Why?
"""


def test_webvtt_with_ids_settings_notes_voice_tags_and_prefixes():
    t = read_transcript(VTT)
    assert (t.format, t.candidate, t.interviewer) == ("vtt", "Alex", "Priya Shah")
    assert t.turns == (
        Turn("Priya Shah", "How would you improve search on TV?", 9),
        Turn("Alex", "I'd look at abandoned searches. Then test a fix.", 13),
        Turn("Priya Shah", "Why?", 19),
    )
    assert t.exchanges == (
        Exchange("How would you improve search on TV?", "I'd look at abandoned searches. Then test a fix.", 9),
    )


SRT = """1
00:00:01,000 --> 00:00:04,000
Interviewer: What would you measure
for downloads?

2
00:00:04,500 --> 00:00:08,000
Me: Completion of downloaded titles.

3
00:00:08,500 --> 00:00:09,000
and storage left.
"""


def test_srt_cues_with_prefixes_and_continuation():
    t = read_transcript(SRT)
    assert t.format == "srt"
    assert _pairs(SRT) == [
        ("What would you measure for downloads?", "Completion of downloaded titles. and storage left.")
    ]


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "Me: one\n\nMe: two\n",
            1,
            "only one speaker (Me) is labelled: a debrief needs the interviewer's questions and your answers, "
            "each turn starting with its speaker's name and a colon",
        ),
        (
            "\nwe talked about search\nand then metrics\n",
            2,
            "no speaker labels found: expected each turn to start with its speaker's name and a colon, "
            "as in 'Interviewer: …' and 'Me: …' (or a <v Name> voice tag in a VTT cue)",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v A>Why?\n\n00:00:05 --> 00:00:06\n<v B>Because.\n",
            6,
            "expected a cue timing line like 00:00:01.000 --> 00:00:04.000, got '00:00:05 --> 00:00:06'",
        ),
        (
            "WEBVTT\n\ncue-1\n<v A>Why?\n",
            4,
            "expected a cue timing line like 00:00:01.000 --> 00:00:04.000, got '<v A>Why?'",
        ),
        (
            "1\n00:00:01,000 --> 00:00:04,000\nA: Why?\n\n2\n00:00:05.000 --> 00:00:06.000\nB: Because.\n",
            6,
            "expected a cue timing line like 00:00:01,000 --> 00:00:04,000, got '00:00:05.000 --> 00:00:06.000'",
        ),
        (
            "Ann: Why?\nBen: Because.\nCat: Really?\nAnn: Yes?\nBen: Yes.\nCat: Fine.\n",
            3,
            "more than two speakers (Ann, Ben, Cat): pmprep reads a conversation between the interviewer and you; "
            "label the other voices' lines with one of those two names, or take them out",
        ),
        ("   \n\n", 1, "the transcript is empty: paste the interview's lines, 'Interviewer: …' and 'Me: …'"),
        (
            "Me: Hi there, I am ready.\nInterviewer: Great.\n",
            1,
            "no question of Interviewer's is followed by an answer of Me's: expected the interviewer's turn, "
            "then yours",
        ),
    ],
)
def test_each_error_names_its_line_and_what_was_expected(text, line, message):
    with pytest.raises(TranscriptError) as caught:
        read_transcript(text)
    assert (caught.value.line, caught.value.message) == (line, message)
    assert str(caught.value) == f"line {line}: {message}"


def test_ten_megabytes_are_refused_by_size():
    text = "Me: " + "word " * 2_000_000  # 10 MB
    with pytest.raises(TranscriptError) as caught:
        read_transcript(text)
    assert caught.value.line is None
    assert (
        caught.value.message
        == f"the transcript is 10,000,004 characters; the limit is {MAX_CHARS:,} (one interview at a time)"
    )


def test_too_many_lines_are_refused():
    with pytest.raises(TranscriptError) as caught:
        read_transcript("Me: a\n" * 40_001)
    assert caught.value.message == "the transcript has 40,001 lines; the limit is 40,000"


def test_long_pathological_lines_at_the_limit_still_parse():
    # One line of a million colons and digits: every pattern is anchored and bounded, so this is quick.
    text = "Interviewer: Why?\nMe: " + "3:1 " * 240_000
    t = read_transcript(text)
    assert len(t.exchanges) == 1 and t.exchanges[0].answer.startswith("3:1 3:1")
