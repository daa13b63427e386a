from __future__ import annotations

import datetime as dt
import io

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from pmprep.reports import (
    BarChart,
    Bullets,
    Document,
    Heading,
    Highlighted,
    Paragraph,
    Quote,
    Table,
    to_markdown,
    to_pdf,
)

CREATED = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
HOSTILE = "<script>alert('x')</script>\n# heading\n| pipes | here |\n- not a list\n👍 “curly” ‘quotes’ *stars*"


def small() -> Document:
    return Document(
        "Feedback",
        "Tell me about a launch you led.",
        [
            Heading("Score"),
            Paragraph("Hire: 72/100."),
            Bullets(["Problem before solution", "Quantified trade-offs"]),
            Table(
                "Criteria", ["#", "Criterion", "Level"], [["1", "Problem before solution", "4/4"], ["2", "Metrics", 2]]
            ),
            Quote("Completion rose from 52% to 61%.", cite="Priya, peer"),
            BarChart("Levels", ["Problem", "Metrics"], [4, 2.5], max_value=4, unit="/4"),
            Heading("Your answer", level=3),
            Highlighted("I would clarify the goal, then measure churn.", [(8, 15, "Problem"), (31, 38, "Metrics")]),
        ],
    )


def pdf_text(data: bytes) -> str:
    # pypdf puts a NUL before each character drawn in the fallback font; pdftotext and viewers do not.
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace("\x00", "")


# ---------------------------------------------------------------- Markdown


def test_markdown_of_a_small_document_is_exact():
    assert (
        to_markdown(small())
        == """# Feedback

*Tell me about a launch you led.*

## Score

Hire: 72/100.

- Problem before solution
- Quantified trade-offs

**Criteria**

| # | Criterion | Level |
| --- | --- | --- |
| 1 | Problem before solution | 4/4 |
| 2 | Metrics | 2 |

> Completion rose from 52% to 61%.
>
> — Priya, peer

**Levels**

|  | Value |
| --- | --- |
| Problem | ██████████ 4/4 |
| Metrics | ██████░░░░ 2.5/4 |

### Your answer

I would **clarify**\\[1\\] the goal, then **measure**\\[2\\] churn.

- \\[1\\] Problem
- \\[2\\] Metrics
"""
    )


def test_markdown_keeps_hostile_user_text_literal_in_every_block():
    doc = Document(
        "# Title |",
        "*sub*",
        [
            Heading("# Also not a heading #"),
            Paragraph(HOSTILE),
            Bullets([HOSTILE]),
            Table("| cap |", ["a|b", "c"], [[HOSTILE, "1. one"]]),
            Quote(HOSTILE, cite="<b>me</b>"),
            Highlighted(HOSTILE, [(0, 8, "<i>")]),
        ],
    )
    md = to_markdown(doc)
    assert md.startswith("# \\# Title \\|\n\n*\\*sub\\**\n\n## \\# Also not a heading \\#\n\n")
    paragraph = (
        "\\<script>alert('x')\\</script>\n\\# heading\n\\| pipes \\| here \\|\n\\- not a list\n"
        "👍 “curly” ‘quotes’ \\*stars\\*"
    )
    assert f"\n\n{paragraph}\n\n" in md
    assert "\n- \\<script>alert('x')\\</script>\n  \\# heading\n  \\| pipes \\| here \\|\n  \\- not a list\n" in md
    # Inside a cell only the pipes and inline marks matter: "#" and "-" start nothing there.
    assert (
        "| a\\|b | c |\n| --- | --- |\n| \\<script>alert('x')\\</script> # heading \\| pipes \\| here \\| "
        "- not a list 👍 “curly” ‘quotes’ \\*stars\\* | 1. one |"
    ) in md
    assert "> \\<script>alert('x')\\</script>\n> \\# heading\n" in md and "> — \\<b>me\\</b>" in md
    assert "**\\<script>**\\[1\\]alert('x')\\</script>\n\\# heading" in md and "- \\[1\\] \\<i>" in md
    # Nothing is left that a Markdown renderer would read as a tag, a heading, or a table row.
    assert "<script>" not in md.replace("\\<script>", "") and "\n# " not in md and "\n| pipes" not in md


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("1. first", "1\\. first"),
        ("2) second", "2\\) second"),
        ("+ plus", "\\+ plus"),
        ("> quoted", "\\> quoted"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("    indented code", "indented code"),
        ("`code` [link](x)", "\\`code\\` \\[link\\](x)"),
        ("&amp; and R&D", "\\&amp; and R&D"),
        ("snake_case ~5%", "snake\\_case \\~5%"),
        ("a\\b", "a\\\\b"),
        ("first\n\n\n\nsecond", "first\n\nsecond"),
        ("C#", "C#"),
        ("2024 - 2025", "2024 - 2025"),
    ],
)
def test_markdown_escapes_only_what_would_change_the_structure(text, escaped):
    assert to_markdown(Document("T", blocks=[Paragraph(text)])) == f"# T\n\n{escaped}\n"


def test_a_heading_ending_in_hashes_keeps_them():
    assert to_markdown(Document("T", blocks=[Heading("Question #")])) == "# T\n\n## Question \\#\n"


def test_chart_bars_are_rounded_half_up_and_capped_at_a_full_bar():
    md = to_markdown(Document("T", blocks=[BarChart("", ["a", "b", "c", "d"], [1.25, 0.5, 0, 9], max_value=2)]))
    assert md == (
        "# T\n\n|  | Value |\n| --- | --- |\n| a | ██████░░░░ 1.25 |\n"
        "| b | ███░░░░░░░ 0.5 |\n| c | ░░░░░░░░░░ 0 |\n| d | ██████████ 9 |\n"
    )


def test_chart_without_max_value_scales_to_its_largest_value_and_whole_numbers_stay_whole():
    md = to_markdown(Document("T", blocks=[BarChart("", ["a", "b"], [3, 6.0], unit=" min")]))
    assert "| a | █████░░░░░ 3 min |\n| b | ██████████ 6.0 min |" in md


def test_overlapping_spans_show_the_first_longest_and_number_by_legend():
    block = Highlighted("alpha beta gamma", [(6, 10, "B"), (0, 10, "A"), (11, 16, "C")], legend=["C", "B", "A"])
    assert [(p.text, p.number) for p in block.pieces()] == [("alpha beta", 3), (" ", None), ("gamma", 1)]
    assert block.shown_legend() == [(1, "C"), (3, "A")]
    assert (
        to_markdown(Document("T", blocks=[block]))
        == "# T\n\n**alpha beta**\\[3\\] **gamma**\\[1\\]\n\n- \\[1\\] C\n- \\[3\\] A\n"
    )


@pytest.mark.parametrize(
    "after, escaped",
    [
        ("(javascript:alert(1))", "(javascript:alert(1))"),
        ("(https://evil.example)", "(https://evil.example)"),
        ("[x](https://evil.example)", "\\[x\\](https://evil.example)"),
        ("![x](https://evil.example/p.png)", "!\\[x\\](https://evil.example/p.png)"),
    ],
)
def test_user_text_after_an_evidence_marker_never_makes_a_link_or_an_image(after, escaped):
    # The second span is only spaces at the start of a line: its marker must not start a link
    # definition ("[2]: https://…") that would turn the legend's "[2]" into a link.
    text = f"I measured churn{after} then\n   : https://evil.example"
    spaces = text.index("\n") + 1
    block = Highlighted(text, [(2, 16, "Metrics"), (spaces, spaces + 3, "Blank")])
    md = to_markdown(Document("T", blocks=[block]))
    assert md == (
        "# T\n\nI **measured churn**\\[1\\]" + escaped + " then\n\\[2\\]: https://evil.example\n\n"
        "- \\[1\\] Metrics\n- \\[2\\] Blank\n"
    )
    rendered = MarkdownIt("commonmark").render(md)
    assert "<a " not in rendered and "<img" not in rendered


def test_the_markdown_of_an_answer_with_a_link_after_a_marker_is_exact():
    text = "I cut churn(javascript:alert(1)) fast"
    md = to_markdown(Document("T", blocks=[Highlighted(text, [(2, 11, "Metrics")])]))
    assert md == "# T\n\nI **cut churn**\\[1\\](javascript:alert(1)) fast\n\n- \\[1\\] Metrics\n"


def test_a_span_across_lines_is_bolded_line_by_line():
    md = to_markdown(Document("T", blocks=[Highlighted("one\ntwo three", [(0, 7, "x")])]))
    assert md == "# T\n\n**one**\n**two**\\[1\\] three\n\n- \\[1\\] x\n"


# ---------------------------------------------------------------- validation


def test_bad_blocks_are_refused_with_every_problem_named():
    with pytest.raises(ValueError) as table:
        Table("t", ["a", "b"], [["1"], ["1", "2"], ["1", "2", "3"]])
    assert str(table.value) == "Table: row 1 has 1 cells, the header 2; row 3 has 3 cells, the header 2"
    with pytest.raises(ValueError) as chart:
        BarChart("c", ["a", "b"], [-1, float("nan")], max_value=0)
    assert str(chart.value) == (
        "BarChart: value 1 (-1) is not a finite number of zero or more; value 2 (nan) is not "
        "a finite number of zero or more; max_value 0 is not a number above zero"
    )
    with pytest.raises(ValueError, match=r"span 1 \(3, 2\) .* span 2 \(0, 9\) is not inside the text of 5"):
        Highlighted("hello", [(3, 2, "a"), (0, 9, "b")])
    with pytest.raises(ValueError, match="title is empty; block 1 is a str"):
        Document(" ", blocks=["just text"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="level 7 is not 1 to 4"):
        Heading("x", level=7)


def test_a_document_copies_its_blocks():
    items = ["a"]
    blocks = [Bullets(items)]
    doc = Document("T", blocks=blocks)
    items.append("b")
    blocks.append(Paragraph("later"))
    assert doc.blocks == (Bullets(["a"]),)


# ---------------------------------------------------------------- PDF


def test_pdf_holds_the_text_of_every_block_type_and_the_footer():
    data = to_pdf(small(), created=CREATED)
    text = pdf_text(data)
    for words in (
        "Feedback",
        "Tell me about a launch you led.",
        "Score",
        "Hire: 72/100.",
        "Problem before solution",
        "Quantified trade-offs",
        "Criteria",
        "Criterion",
        "4/4",
        "Completion rose from 52% to 61%.",
        "Priya, peer",
        "Levels",
        "2.5/4",
        "Your answer",
        "clarify",
        "[1]",
        "measure",
        "[2]",
        "Metrics",
        "pmprep — private, generated on your machine",
        "Page 1 of 1",
    ):
        assert words in text, words
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Feedback" and reader.metadata.creation_date == CREATED


def test_pdf_draws_each_bar_as_a_rectangle():
    one = to_pdf(Document("T", blocks=[BarChart("c", ["a"], [1], max_value=4)]))
    page = PdfReader(io.BytesIO(one)).pages[0].get_contents().get_data().decode("latin-1")
    # The grey track and the filled part: two rectangles, the second a quarter of the first.
    rects = [line.split()[:4] for line in page.splitlines() if " re " in line]
    widths = [float(r[2]) for r in rects]
    assert len(rects) == 2 and widths[1] == pytest.approx(widths[0] / 4, abs=0.01)


def test_pdf_shows_hostile_text_literally_and_does_not_crash():
    doc = Document(
        HOSTILE,
        HOSTILE,
        [
            Heading(HOSTILE),
            Paragraph(HOSTILE),
            Bullets([HOSTILE]),
            Table(HOSTILE, [HOSTILE, "b"], [[HOSTILE, HOSTILE]]),
            Quote(HOSTILE, cite=HOSTILE),
            BarChart(HOSTILE, [HOSTILE], [1]),
            Highlighted(HOSTILE, [(0, 8, HOSTILE)]),
        ],
    )
    text = pdf_text(to_pdf(doc))
    for words in (
        "<script>alert('x')</script>",
        "# heading",
        "| pipes | here |",
        "- not a list",
        "\ufffd “curly” ‘quotes’ *stars*",
    ):
        assert text.count(words) >= 7, words


def test_pdf_is_byte_for_byte_reproducible_for_one_creation_date():
    assert to_pdf(small(), created=CREATED) == to_pdf(small(), created=CREATED)
    assert to_pdf(small()) == to_pdf(small())
    assert to_pdf(small(), created=CREATED) != to_pdf(small(), created=CREATED + dt.timedelta(seconds=1))


def test_pdf_carries_a_table_row_taller_than_a_page_over_several_pages():
    tall = " ".join(f"w{i}" for i in range(4000))
    doc = Document(
        "T",
        blocks=[
            Table("Long", ["Name", "Evidence"], [["first", tall], ["second", "short"]]),
            Paragraph("The end."),
            Highlighted("x" * 3000 + " y", [(3001, 3002, "why")]),
        ],
    )
    reader = PdfReader(io.BytesIO(to_pdf(doc)))
    pages = len(reader.pages)
    text = pdf_text(to_pdf(doc))
    assert pages >= 3 and f"Page {pages} of {pages}" in text
    assert "w0" in text and "w3999" in text and "second" in text and "The end." in text
    assert text.count("Evidence") >= pages - 1  # the header repeats on every page the table runs onto


NON_LATIN = "São Paulo, Ελληνικά, Кириллица"


def test_pdf_prints_accented_greek_and_cyrillic_text_in_every_block_without_a_missing_glyph(caplog):
    doc = Document(
        NON_LATIN,
        subtitle=NON_LATIN,
        blocks=[
            Heading(NON_LATIN),
            Paragraph(NON_LATIN),
            Bullets([NON_LATIN]),
            Table(NON_LATIN, [NON_LATIN, "b"], [[NON_LATIN, "Łódź"]]),
            Quote(NON_LATIN, cite=NON_LATIN),
            BarChart(NON_LATIN, [NON_LATIN], [1]),
            Highlighted(NON_LATIN, [(0, 9, NON_LATIN)]),
        ],
    )
    with caplog.at_level("WARNING", logger="fpdf"):
        text = pdf_text(to_pdf(doc))
    assert " ".join(text.split()).count(NON_LATIN) >= 9
    assert "?" not in text and "\ufffd" not in text and "Łódź" in text
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_pdf_draws_chinese_and_japanese_and_marks_only_what_no_font_draws(caplog):
    with caplog.at_level("WARNING", logger="fpdf"):
        text = pdf_text(to_pdf(Document("中文 title", blocks=[Paragraph("Launch 🚀 in 東京 → next")])))
    assert "中文 title" in text and "Launch \ufffd in 東京 → next" in text
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_the_cjk_fallback_is_read_only_by_documents_that_need_it():
    from pmprep.pdf_fonts import UnicodePDF

    latin, chinese = UnicodePDF(), UnicodePDF()
    for pdf, text in ((latin, "Łódź, Ελληνικά, café"), (chinese, "Launch in 東京")):
        pdf.add_page()
        pdf.set_font("OpenSans", size=10)
        pdf.cell(text=text)
    assert sorted(latin.fonts) == ["opensans", "opensansB", "opensansBI", "opensansI"]
    assert sorted(chinese.fonts) == ["notosanscjk", "opensans", "opensansB", "opensansBI", "opensansI"]
