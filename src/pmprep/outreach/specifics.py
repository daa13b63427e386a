"""The specifics a good note is built from: who it is to, who it is from, and which of their work it names.

Naming the person's own recent work (a post, a talk, a launch, a paper) is what separates a
researched note from a form letter, so it is found with some care: "your post on download limits",
"your QCon talk", "the profile picker your team shipped", "you wrote about caching". A bare "your
post" or "your amazing work" names nothing and does not count.
"""

from __future__ import annotations

from dataclasses import dataclass

from pmprep.analysis.text import FUNCTION_WORDS
from pmprep.bounded_regex import bounded
from pmprep.outreach.text import squash

WORK_NOUN = (
    r"(?:blog post|blog|post|article|piece|essay|write-?up|talk|keynote|presentation|session|panel|webinar|"
    r"podcast|episode|interview|paper|whitepaper|thread|newsletter|launch|release|feature|project|"
    r"case study|tweet|video|demo|deck|slides|work|research|study|redesign|experiment|rollout|roll-out|"
    r"book|chapter|repo|library|framework|tool|announcement|report|analysis|lecture|course|row|page)s?"
)
_VERBS = (
    r"(?:recently |just |once )?(?:wrote|gave|shipped|launched|published|presented|posted|shared|built|"
    r"released|announced|co-?wrote|co-?authored|authored|led|ran|spoke|talked|designed|introduced|"
    r"rolled out|worked on|tested|open-?sourced|described|explained|outlined|covered)"
)
_TOKEN = r"[\"']?[\w/&+#-]+(?:['.][\w]+)*[\"']?'?"
_PREP = r"(?:on|about|at|for|in|of|with|titled|called|regarding|covering|introducing|describing|explaining|around)"

# "your [modifiers] NOUN [prep TOPIC]": the modifiers or the topic must name something.
_YOURS = bounded(
    rf"\byour(?:\s+team's|\s+own)?\s+(?P<mods>(?:{_TOKEN}\s+){{0,4}}?)"
    rf"(?P<noun>{WORK_NOUN}(?:[ \t]+{WORK_NOUN})?)\b"
    rf"(?:\s+(?P<prep>{_PREP})\b)?"
)
# "the TOPIC you shipped", "the download feature your team launched".
_THE_ONE = bounded(
    rf"\b(?:the|that|this)\s+(?P<mods>(?:{_TOKEN}[ \t]+){{1,8}}?)(?:that\s+|which\s+)?"
    rf"(?:you|your team|you and your team|your group)\s+{_VERBS}\b"
    rf"(?:\s+(?P<prep>on|about|at|for|in|with)\b)?"
)
# "you wrote about caching", "you spoke at QCon on chaos engineering".
_YOU_DID = bounded(rf"\byou\s+{_VERBS}(?:\s+(?:about|on|at|in))?\b")
# "congrats on the launch of the games hub", "great job on the ads tier launch".
_CONGRATS = bounded(
    rf"\b(?:congrat\w*|kudos|great job|nice work|well done)\s+(?:on|for)\s+(?P<what>(?:the|your)\s+"
    rf"(?P<mods>(?:{_TOKEN}\s+){{0,5}}?)(?P<noun>{WORK_NOUN}))\b(?P<of>\s+of\b)?"
)
_TOKEN_RE = bounded(_TOKEN)
_WORK_NOUN = bounded(WORK_NOUN)
_NOUN_AT_END = bounded(rf"\b{WORK_NOUN}\s*$")
_WORDISH = bounded(r"[\w/&+#'-]+")
_TOPIC_WORDS = bounded(rf"[ \t]*(?P<topic>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,9}})")
_PLATFORM_PREFIX = bounded(
    r"(?:the\s+)?(?:netflix\s+)?(?:tech\s*blog|techblog|blog|linkedin|twitter|x|medium|"
    r"substack|youtube|instagram|threads|tiktok|mastodon|bluesky)\s+(?:about|on|regarding|"
    r"covering)\s+"
)

# Words that name no particular work: platforms, praise, time, and the company everyone writes to.
_EMPTY = frozenset(
    """
recent latest new last great amazing insightful brilliant inspiring awesome excellent fantastic wonderful
interesting fascinating thoughtful incredible impressive helpful cool nice fun popular viral famous old first
previous many numerous various other own entire whole short long detailed really very so linkedin medium twitter
substack youtube blog tech techblog online public netflix company team team's teams career journey path story
stuff things thing topic subject recently lately today yesterday week month year ago me us back you yours it
pm product management leadership role job work works posts post talk talks article articles content
way ways time one ones question questions point points advice tips thoughts insight insights example examples
help support opportunity chance
""".split()
)
_STOP = frozenset(
    """which that where because since while really recently last earlier yesterday i i'm i've i'd made
helped got so but caught struck stuck blew resonated inspired it them this""".split()
)
_EMPLOYMENT = frozenset("work works role job time career".split())
_PREP_WORDS = frozenset("on about at for in of with regarding around".split())
_BE = frozenset("was is were are has had".split())
_WH = frozenset("how why what when where which whether".split())
_AND_STOP = frozenset(
    "i it was is i'm i've found really how why what thought loved learned have had am would wanted wonder made".split()
)

_READ = (
    "blog post article piece essay write-up writeup paper whitepaper thread newsletter study tweet book chapter report"
)
READ = frozenset(_READ.split() + [w + "s" for w in _READ.split()] + ["analysis", "analyses"])
WATCHED = frozenset(
    w + s
    for w in "talk keynote presentation session panel webinar video demo lecture course".split()
    for s in ("", "s")
)
LISTENED = frozenset("podcast podcasts episode episodes".split())

_GREETING = bounded(
    r"^\s*(?i:hi|hello|hey|dear|hiya|greetings|good\s+(?:morning|afternoon|evening))\b[ \t,]*"
    r"(?P<name>(?:(?i:mr|mrs|ms|mx|dr|prof)\.?[ \t]+)?[^\W\d_][\w'’-]*)"
)
_NOT_NAMES = frozenset(
    "there team all everyone folks sir madam hiring recruiter recruiters netflix friend friends "
    "again both y'all guys people i i'm hope quick".split()
)
_NAME = r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)"
_SIGN_OFF = bounded(
    r"(?:^|\n|[.!?][ \t]+)[ \t]*(?i:best(?:\s+regards|\s+wishes)?|kind\s+regards|warm\s+regards|regards|"
    r"thanks(?:\s+again|\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+so\s+much)?|many\s+thanks|cheers|sincerely|"
    r"warmly|all\s+the\s+best)[ \t]*[,.!]?\s*\n?[ \t]*" + _NAME + r"[ \t]*\.?\s*$"
)
_DASH_NAME = bounded(r"(?:^|\n)[ \t]*[-—–][ \t]*" + _NAME + r"\s*$")


@dataclass(frozen=True)
class NamedWork:
    """A span naming the reader's own work; ``noun`` says what kind of work, for the rewrite's verb."""

    start: int
    end: int
    text: str
    noun: str | None
    form: str  # "yours" ("your post on X"), "the_one" ("the X you shipped") or "you_did" ("you wrote about X")

    @property
    def phrase(self) -> str:
        return squash(self.text)


def specific_words(words: str) -> bool:
    """Whether ``words`` name something: a word that is not a function word, praise, a platform, a
    time word or the company everyone writes to ("the Top 10 row" does, "the new row" does not)."""
    return _specific(words)


def _specific(words: str) -> bool:
    tokens = [t.strip("\"'").lower() for t in _WORDISH.findall(words)]
    return any(t and t not in FUNCTION_WORDS and t not in _EMPTY and not _WORK_NOUN.fullmatch(t) for t in tokens)


def _topic(folded: str, pos: int) -> tuple[int, int] | None:
    """The topic after a preposition: up to ten words, ending at a clause break or a word that starts a new one."""
    while pos < len(folded) and folded[pos] in " \t":
        pos += 1
    platform = _PLATFORM_PREFIX.match(folded, pos)
    if platform:
        pos = platform.end()
    m = _TOPIC_WORDS.match(folded, pos)
    if not m:
        return None
    start = m.start("topic")
    tokens = list(_TOKEN_RE.finditer(folded[start : m.end("topic")]))
    end = start
    for i, tok in enumerate(tokens):
        word = tok.group(0).strip("\"'").lower()
        nxt = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
        if i > 0 and (
            word in _STOP
            or (word in _BE and tokens[0].group(0).lower() not in _WH)
            or (word == "and" and nxt in _AND_STOP)
        ):
            if tokens[i - 1].group(0).lower() in _PREP_WORDS:  # "with Lenny on it" ends at "Lenny"
                end = start + (tokens[i - 2].end() if i >= 2 else 0)
            break
        if i == 0 and word in _STOP:
            return None
        end = start + tok.end()
    return (start, end) if end > start else None


def named_work(text: str, folded: str) -> list[NamedWork]:
    """Every place the message names the reader's own work, earliest first, overlaps removed."""
    found: list[NamedWork] = []
    for m in _YOURS.finditer(folded):
        if any(t.lower() in FUNCTION_WORDS for t in m.group("mods").split()):
            continue  # "your help with my project" is not a piece of their work
        if m.group("noun") in _EMPLOYMENT and m.group("prep") in ("at", "with", "for", "in") and not m.group("mods"):
            continue  # "your work at Naver" is where they work, not something they made
        end = m.end("noun")
        topic = _topic(folded, m.end("prep")) if m.group("prep") else None
        if topic and _specific(folded[topic[0] : topic[1]]):
            end = topic[1]
        elif not _specific(m.group("mods")):
            continue
        found.append(NamedWork(m.start(), end, text[m.start() : end], m.group("noun").split()[-1], "yours"))
    for m in _THE_ONE.finditer(folded):
        # "the TechBlog post you co-wrote on Chaos Kong": the topic can come after the verb.
        end = m.end("prep") if m.group("prep") else m.end()
        topic = _topic(folded, m.end("prep")) if m.group("prep") else None
        if topic and _specific(folded[topic[0] : topic[1]]):
            end = topic[1]
        elif _specific(m.group("mods")):
            end = m.start("prep") if m.group("prep") else m.end()
        else:
            continue
        noun = _NOUN_AT_END.search(m.group("mods").strip())
        found.append(
            NamedWork(m.start(), end, text[m.start() : end], noun.group(0).split()[-1] if noun else None, "the_one")
        )
    for m in _YOU_DID.finditer(folded):
        topic = _topic(folded, m.end())
        if topic and _specific(folded[topic[0] : topic[1]]):
            found.append(NamedWork(m.start(), topic[1], text[m.start() : topic[1]], None, "you_did"))
    for m in _CONGRATS.finditer(folded):
        topic = _topic(folded, m.end()) if m.group("of") else None
        if topic and _specific(folded[topic[0] : topic[1]]):
            end = topic[1]
        elif _specific(m.group("mods")):
            end = m.end("noun")
        else:
            continue
        start = m.start("what")
        found.append(NamedWork(start, end, text[start:end], m.group("noun").split()[-1], "yours"))
    found.sort(key=lambda w: (w.start, -w.end))
    kept: list[NamedWork] = []
    for w in found:
        if kept and w.start < kept[-1].end:
            continue
        kept.append(w)
    return kept


def recipient(text: str) -> str | None:
    """The name in the greeting ("Hi Sam," → "Sam"; "Dear Dr. Chen" → "Dr. Chen"), if it is a name."""
    m = _GREETING.match(text)
    if not m:
        return None
    name = m.group("name")
    first = name.split()[0].rstrip(".")
    if first.lower() in _NOT_NAMES or not first[:1].isupper():
        return None
    if first.lower().rstrip(".") in {"mr", "mrs", "ms", "mx", "dr", "prof"} and len(name.split()) < 2:
        return None
    return name


def sender(text: str) -> str | None:
    """The name after a sign-off at the very end ("Thanks,\\nLeo Martins" → "Leo Martins")."""
    m = _SIGN_OFF.search(text) or _DASH_NAME.search(text)
    if not m:
        return None
    name = m.group("name").strip()
    if not name[:1].isupper() or name.split()[0].lower() in _NOT_NAMES:
        return None
    return name
