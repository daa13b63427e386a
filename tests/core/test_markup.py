from pmprep.web.bank.markup import render_markdown


def test_markdown_renders_headings_lists_and_tables():
    html = render_markdown("## Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h2>Title</h2>" in html and "<li>one</li>" in html and "<td>1</td>" in html


def test_script_and_event_handlers_are_removed():
    html = render_markdown('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))')
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
