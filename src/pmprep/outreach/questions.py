"""The questions a message asks, and whether each is precise.

A precise question is one a busy PM can answer in two lines and that teaches the writer something
for the case and technical rounds: it asks how or why about a decision, a metric or a trade-off, or
is specific enough (several topic words) that it could only be asked of this person. A question
about the writer ("how do I get in?", "any tips?") or about their career in general is not.

Questions are sentences ending in "?", and the indirect ones people write instead ("I'm curious how
you…", "I'd love to understand why…").
"""

from __future__ import annotations

from dataclasses import dataclass

from pmprep.analysis.text import FUNCTION_WORDS, split_sentences
from pmprep.bounded_regex import bounded

_INDIRECT = bounded(
    r"\bi(?:'m| am)(?: (?:really|especially|particularly|most|very|genuinely))? curious\b"
    r"|\bi(?:'d| would)(?: really)? (?:love|like|be keen|be glad|be grateful|be interested|appreciate (?:it if you "
    r"could|knowing)) to (?:know|understand|hear|learn|ask)\b(?=\s+(?:more\s+about\s+)?(?:how|why|what|which|whether|"
    r"if|when|where)\b)"
    r"|\bi(?:'ve| have)? (?:always |often )?wonder(?:ed|ing)?\b(?=\s+(?:how|why|what|which|whether|if))"
    r"|\bwondering (?:how|why|what|which|whether|if)\b"
    r"|\b(?:my|one|the) question (?:is|would be)\b"
    r"|\bi(?:'m| am) (?:trying|keen|hoping) to (?:understand|learn|figure out) (?:how|why|what|whether|which)\b"
)
_INTERROGATIVE = bounded(
    r"\b(?:how|why|what|which|when|where|whether|who|did|do|does|was|were|is|are|could|would|"
    r"can|have|has|should|if)\b"
)
# A lead-in before the question proper: a greeting, or "one question: ".
_GREETING = bounded(r"^(?:hi|hello|hey|dear|hiya)\b[^,:!\n?]{0,40}[,:!\u2014\u2013-]\s*")
_COLON = bounded(
    r":\s*(?=(?:how|why|what|which|when|where|whether|did|do|does|was|were|is|are|"
    r"could|would|can|have|has)\b)"
)

SPECIFIC = bounded(
    r"\b(?:metrics?|measur\w*|success|kpis?|north[ -]?star|guardrails?|retention|churn|engagement|conversion|"
    r"latency|a/b|experiment\w*|tests?|tested|testing|trade-?offs?|versus|vs\.?|instead of|rather than|weigh\w*|"
    r"decid\w*|decision|chose|choose|chosen|picked|pick|prioriti[sz]\w*|baseline|threshold|segment\w*|cohorts?|"
    r"signals?|data|roll(?:ed)?[ -]?out|launch\w*|scope|scoped|cut|constraints?|surprised?|hypothes\w*|"
    r"lessons?|learn(?:ed|t) from|results?|impact|outcome|estimat\w*|cap|limit\w*|trade|sequenc\w*|"
    r"bitrate|cache|caching|cdn|personali[sz]\w*|ranking|algorithm|model|why did|how did)\b"
)
# Questions about the writer or about the reader's career in general.
GENERIC = bounded(
    r"\b(?:advice|(?:any|some|your|a few|share) tips?\b|tips? (?:on|for|about)\b|it like|typical day|day[- ]to[- ]day|your (?:career |professional )?(?:journey|path|story)|"
    r"break into|get into|get in\b|get started|hired|land (?:a|an|the)|how (?:do|can|should|would|could) i\b|"
    r"what (?:should|can|do|would) i\b|should i\b|look for in (?:a |an )?(?:candidate|pm|applicant|hire)s?|"
    r"culture like|how competitive|your job|get your|what skills|recommend (?:for|to) me|"
    r"what (?:the |a |your )?(?:committee|recruiters?|hiring managers?|interviewers?|panel|you|they|netflix) "
    r"(?:looks?|are looking|is looking|value|values) (?:for|in)\b|"
    # the writer's own things: "could you look at my shop?" asks them to work for you
    r"my (?:shop|store|listings?|app|game|games|portfolio|profile|resume|cv|work|ideas?|deck|website|startup|"
    r"background|experience|career|chances|application|skills)\b|in general\b|more broadly\b|the future of\b)"
)
_GENERIC_WORDS = frozenset(
    """
netflix pm pms product products team teams work role roles company job jobs experience things stuff time people
you your really actually currently like think know tell share question questions thanks please maybe quick
""".split()
)
_TOPIC_WORD = bounded(r"[a-z][a-z'/-]+")
_LETTER = bounded(r"[^\W\d_]")
_CLAUSE_END = bounded(r"\s[\u2014\u2013-]\s|;|\(")
_ASPECTS = (
    (bounded(r"trade|versus|vs|instead|rather|weigh"), "trade-off"),
    (bounded(r"decid|decision|chose|choose|pick|prioriti|scope|cut|sequenc|cap|limit"), "decision"),
    (
        bounded(
            r"metric|measur|success|kpi|north|guardrail|retention|churn|engagement|conversion|baseline|"
            r"threshold|signal|data|result|impact|outcome|estimat"
        ),
        "metric or result",
    ),
)
MIN_TOPIC_WORDS = 4
# After the note names a piece of their work, a shorter question is about that work ("how do you handle late events?").
MIN_TOPIC_WORDS_AFTER_WORK = 2


@dataclass(frozen=True)
class Question:
    start: int
    end: int
    text: str
    direct: bool  # ends in "?"; otherwise an indirect "I'm curious how…"
    precise: bool
    why: str  # what made it precise or not, for the flag's reason


def judge(folded: str, named: bool = False) -> tuple[bool, str]:
    """Whether a (folded) question is precise, and why or why not."""
    if GENERIC.search(folded):
        return False, "it is about you or their career in general, not about something they did"
    if not _INTERROGATIVE.search(folded):
        return False, "it does not ask how, why or what"
    topic = [
        w for w in _TOPIC_WORD.findall(folded) if w not in FUNCTION_WORDS and w not in _GENERIC_WORDS and len(w) > 2
    ]
    hit = SPECIFIC.search(folded)
    if hit and len(topic) >= 2:
        return True, f"it asks about a {_aspect(hit.group(0))} in their work"
    if len(topic) >= (MIN_TOPIC_WORDS_AFTER_WORK if named else MIN_TOPIC_WORDS):
        return True, "it names a specific topic of theirs"
    return False, "it is too general to answer in a line or two"


def _aspect(word: str) -> str:
    return next((aspect for pattern, aspect in _ASPECTS if pattern.match(word)), "specific point")


def _trim(text: str, folded: str, start: int, end: int) -> tuple[int, int]:
    """Skip a greeting or a lead-in ("One question I couldn't answer: how…") to start at the question."""
    g = _GREETING.match(folded, start, end)
    if g:
        start = g.end()
    colons = list(_COLON.finditer(folded, start, end))
    if colons:
        start = colons[-1].end()
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_questions(text: str, folded: str, named: bool = False) -> list[Question]:
    """Direct and indirect questions; ``named``: the message names the reader's work, which gives them context."""
    out: list[Question] = []
    for sentence in split_sentences(text):
        s, e = sentence.start, sentence.end
        if "?" in text[s:e]:
            piece_start = s
            for i in range(s, e):
                if text[i] == "?":
                    qs, qe = _trim(text, folded, piece_start, i + 1)
                    if _LETTER.search(text, qs, qe):
                        precise, why = judge(folded[qs:qe], named)
                        out.append(Question(qs, qe, text[qs:qe], True, precise, why))
                    piece_start = i + 1
            continue
        cue = _INDIRECT.search(folded, s, e)
        if cue:
            # The question runs from the cue to the end of its clause.
            stop = _CLAUSE_END.search(folded, cue.start(), e)
            qe = stop.start() if stop else e
            qe = len(text[:qe].rstrip())
            precise, why = judge(folded[cue.start() : qe], named)
            out.append(Question(cue.start(), qe, text[cue.start() : qe], False, precise, why))
    return out
