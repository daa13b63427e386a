"""The phrase rules: what in an outreach message backfires, what helps, and why.

Each rule is a set of regular expressions over the folded message (see ``text.fold``): lower case,
straight apostrophes, no accents. A space in a pattern stands for any run of whitespace, so a
phrase broken over two lines still matches. Patterns name the ask, not the exact words, so that
"could you refer me", "would you be open to referring" and "any chance of a referral" are one rule.

A problem phrase is not flagged when its own clause says the writer is not asking for it
("I'm not asking for a referral", "no need to refer me", "rather than a call"): see ``negated``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from pmprep.bounded_regex import bounded
from pmprep.outreach.report import Kind

_SPACE = r"\s+"


def _compile(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    # One pattern per phrasing, each run on its own: a combined alternation would stop at the first
    # phrasing that matches and miss a longer one starting inside it.
    return tuple(bounded(a.replace(" ", _SPACE)) for a in alternatives)


@dataclass(frozen=True)
class Rule:
    kind: Kind
    patterns: tuple[re.Pattern[str], ...]
    reason: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: Kind
    reason: str


_DOC = r"(?:resume|cv|portfolio|application|profile)"
_RESUME = r"(?:resume|cv|curriculum vitae)s?"
_TEAM = r"(?:your|the|netflix's|netflix) (?:\w+ )?team"
# Plural "roles" only: "did data play any role in it?" is a fair question, not a job ask.
_OPENINGS = (
    r"(?:open |current |upcoming |new |available )?(?:[\w-]+ )?(?:openings?|open roles?|roles\b|positions\b|"
    r"opportunit(?:y|ies)(?! to)|vacanc(?:y|ies)|headcount|internships\b|jobs\b)"
)
_WANT = r"(?:love|like|want|hope|hoping|eager|excited|keen|dream|aspire|aspiring|dying|wish|plan|planning)"

# Minutes a reader is asked to give. At most SMALL_MINUTES is a small ask; more is a big one.
SMALL_MINUTES = 15
_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_DURATION = bounded(
    r"\b(?P<n>\d{1,3}|five|ten|fifteen|twenty-five|twenty|thirty|forty-five|forty|sixty|ninety)"
    r"(?:\s*-\s*|\s+)?(?:min(?:ute)?s?\b|mins?\b)(?P<what>(?:\s+(?:of\s+your\s+time|call|chat|meeting|"
    r"conversation|zoom|video\s+call|phone\s+call|coffee(?:\s+chat)?))?)"
    r"|\b(?P<hour>half\s+an\s+hour|an\s+hour|one\s+hour|1\s+hour|two\s+hours|2\s+hours|a\s+couple\s+of\s+hours)\b"
)

RULES: tuple[Rule, ...] = (
    Rule(
        Kind.HIRING_ASK,
        _compile(
            r"\bhow (?:to|can i|do i|could i|would i|should i|might i|one can|someone can) (?:best |actually |possibly )?"
            r"(?:get|land|secure|score|obtain|earn) (?:hired|a job|an? (?:pm |product |full-time |entry-level )?"
            r"(?:job|role|position|offer|interview|internship)|in(?:to)? (?:netflix|your team|the team|the company)|"
            r"my foot|a foot)",
            r"\bget(?:ting)? (?:me )?hired\b",
            r"\bget(?:ting)? (?:an? )?(?:job|interview|offer|role|position) (?:at|with|on|in)\b",
            r"\bfoot in the door\b",
            r"\bland(?:ing)? (?:an? |the )?(?:pm |product |dream )?(?:job|role|position|offer|interview|internship)\b",
            rf"\b(?:any|are there any|is there any|know of any|if there are any|if there's an?|if there is an?|about any|"
            rf"of any|if any) {_OPENINGS}",
            rf"\b(?:join|joining) (?:{_TEAM}|netflix|you all|your company|your org(?:anization)?)\b",
            rf"\b{_WANT} to (?:work (?:on|with|for|in|at|alongside)|be (?:a )?part of|be on|contribute to) {_TEAM}\b(?!')",
            r"\b(?:is|are) (?:your team|you|netflix|your org|the team) (?:currently |still |actively )?hiring\b",
            r"\b(?:netflix|your team|the team|your org|you) (?:is|are|'re|'s) (?:currently |still |actively )?hiring\b",
            r"\bget me (?:an? )?(?:interview|job|role|offer|foot|in(?:to)?)\b",
            r"\bbe considered for\b",
            r"\bhiring (?:for|on) (?:your|the) team\b",
            r"\b(?:consider|considering) (?:me|my (?:profile|application|candidacy)) for\b",
            r"\bkeep me in mind\b",
            r"\b(?:put|bring) me (?:forward|in front of)\b",
            r"\bhelp(?:ing)? me (?:to )?(?:get|land|break|secure) (?:in(?:to)?|a |an |hired|the (?:job|role))",
            r"\bbreak into netflix\b",
            r"\b(?:fast(?:-|\s)?track|expedite|speed up) (?:my|the) (?:application|process|candidacy|interview)",
            r"\b(?:get|move|make it) (?:past|around|through) (?:the )?(?:recruiters?|resume screen|hr screen|screening)\b",
            r"\b(?:chance|opportunity) to interview\b",
            r"\binterview (?:opportunity|slot|spot)\b",
        ),
        "Asks them to help you get hired. A PM has no way to move a candidate past the recruiter or the "
        "committee, so the ask can only be declined, and it turns the note into a job request.",
    ),
    Rule(
        Kind.REFERRAL_ASK,
        _compile(
            r"\brefer(?:ring|red)? me\b",
            r"\brefer(?:ring)? my (?:profile|application|resume|cv|name|candidacy)\b",
            r"\breferring\b(?! to\b)",
            # A referral programme is a product feature, not an ask.
            r"\breferrals?\b(?! (?:program|programme|bonus|traffic|feature|flow|rewards?|codes?|loop|mechanics?|"
            r"funnel|growth|marketing|incentives?)\b)",
            r"\b(?:put|pass|send) my name (?:forward|along|in|on)\b",
            r"\bput (?:in )?a good word\b",
            r"\bput in a (?:kind )?word\b",
            r"\b(?:say|drop|share) a good word\b",
            r"\bgood word (?:for|about) me\b",
            rf"\b(?:forward(?:ing)?|pass(?:ing)?|send(?:ing)?|shar(?:e|ing)|hand(?:ing)?|submit(?:ting)?|rout(?:e|ing)|"
            rf"get(?:ting)?) (?:along |on )?my {_DOC}s?(?: along| on)? "
            rf"(?:to|with) (?:the |your |a |an |whoever |someone )?(?:hiring (?:manager|team|lead)s?|hiring|recruit\w*|"
            rf"team|manager|hr\b|talent(?: team)?|right (?:person|people)|relevant (?:team|person|people)|"
            rf"decision[- ]makers?|people)",
            rf"\b(?:could|can|would|will) you (?:please |kindly |possibly |maybe )?(?:forward|pass along|pass on|pass|"
            rf"submit|route|flag) my {_DOC}",
            r"\b(?:introduce|connect|put) me (?:to|with|in touch with) (?:the |your |a |an )?(?:hiring manager|recruiter|"
            r"recruiting|talent|hr\b|hiring team|someone (?:on|in) (?:the )?(?:hiring|recruiting))",
            r"\bvouch for me\b",
            r"\brecommend me\b",
            r"\b(?:advocate|speak up) for me\b",
            r"\bon my behalf\b",
            rf"\bflag my {_DOC}",
            r"\b(?:check|look) (?:on|at|into|up) (?:the status of )?my application\b",
            r"\bstatus of my application\b",
            r"\b(?:check|look) (?:on|into|up on) (?:my|the) (?:status|candidacy|application status)\b",
            r"\bpoint me (?:to|towards|in the direction of) (?:the |a |your )?(?:right )?(?:recruiter|hiring manager|"
            r"hiring team|recruiting team|person (?:in|on) (?:recruiting|hiring))",
        ),
        "Asks for a referral or to be passed on. Netflix counts a referral only when the referrer files "
        "formal feedback, which nobody does for a stranger; informal word of mouth is ignored, and the chat "
        "ends politely with nothing.",
    ),
    Rule(
        Kind.RESUME,
        _compile(
            rf"\b(?:i(?:'ve| have)? )?attach(?:ed|ing)? (?:is |are |you'll find |please find )?(?:my |a copy of my |"
            rf"the |an? )?(?:updated |current |latest )?(?:{_RESUME}|portfolio)\b",
            rf"\b(?:please )?find (?:my |the )?(?:{_RESUME}|portfolio) (?:attached|enclosed|below|here|linked)\b",
            rf"\b(?:please )?find (?:attached|enclosed) (?:my |a copy of my )?(?:{_RESUME}|portfolio)\b",
            rf"\b(?:see|view|check out|find|review|look at|look over|glance at) my (?:updated |current |latest )?"
            rf"(?:{_RESUME}|portfolio)\b(?: (?:attached|enclosed|below|here|linked))?",
            # Asking a stranger to look over your profile is asking them to screen you as a candidate.
            r"\b(?:take a (?:quick |short )?look at|look (?:at|over)|review|check out|glance at) my "
            r"(?:linkedin )?profile\b",
            rf"\b(?:happy|glad|able|can|could|would love|'d love|willing|ready) to (?:send|share|forward|provide|pass) "
            rf"(?:you )?(?:over |along )?my (?:{_RESUME}|portfolio)\b",
            rf"\b(?:here(?:'s| is)|enclosed is|linked is|below is) my (?:{_RESUME}|portfolio)\b",
            rf"\b(?:{_RESUME}) (?:is |are )?(?:attached|enclosed|linked|below)\b",
            rf"\bmy (?:updated |current |latest )?(?:{_RESUME}|portfolio)\b",
        ),
        "Attaches, offers or mentions your résumé. That turns a question into an application the reader has "
        "no channel for; sent after a chat, a résumé can even be reported as back-channelling.",
    ),
    Rule(
        Kind.REJECTION_FEEDBACK,
        _compile(
            r"\bwhy (?:was i|i was|did i get|i got|i wasn't|was i not|i didn't get|i did not get|i didn't make it|"
            r"they) (?:rejected|turned down|not selected|declined|passed on me|moved on|the offer|selected|an offer)",
            r"\b(?:after|since|following) (?:my|the|a|this) (?:recent |last |latest )?rejection\b",
            r"\b(?:i was|i got|i've been|i have been|i've just been|i just got|got) (?:rejected|turned down|"
            r"not selected|declined)\b",
            r"\brejection (?:email|letter|from)\b",
            r"\b(?:wasn't|was not|weren't|were not|haven't been|hasn't been|have not been) (?:selected|chosen|"
            r"successful|moved forward|advanced|picked|offered)\b",
            r"\bfeedback\b(?: [\w']+){0,5}? (?:on|about|regarding|from) my (?:[\w-]+ )?(?:interviews?|application|"
            r"candidacy|performance|loop|onsite|presentation|case|answers?|rounds?)\b",
            r"\b(?:i )?(?:didn't|did not|don't|do not) (?:get|receive|land) (?:the|an|any) offer\b",
            r"\b(?:didn't|did not) (?:make it|get) (?:past|through|beyond|to) (?:the )?(?:\w+ )?(?:round|stage|"
            r"screen|onsite|interview|loop)",
            r"\b(?:decided|chose) not to (?:move|go) forward\b",
            r"\bnot (?:moving|to move|going) forward with (?:my|me)\b",
            r"\bwhat (?:could|should|might) i have done (?:better|differently)\b",
            r"\bwhat i (?:could|should|might) have done (?:better|differently)\b",
            r"\bwhat i (?:could|can|should|need to) (?:improve|work on|do better|change)\b",
            r"\b(?:didn't|did not) (?:get|land) (?:the|that|this) (?:job|role|position|offer)\b",
            r"\bhow (?:i|to) (?:could )?improve (?:for next time|my (?:interview|performance|chances|application))",
            r"\bwhere i went wrong\b",
            r"\bwhat went wrong (?:in|with|during) my\b",
            r"\b(?:feedback|insight|insights) (?:on|about|regarding|from) (?:my|the) (?:\w+ )?(?:interview|application|"
            r"candidacy|performance|loop|rejection|onsite|case presentation)",
            r"\bwhy i (?:didn't|did not|wasn't|was not) (?:get|selected|chosen|hired|successful|make)\b",
            r"\bunsuccessful (?:application|interview|candidacy|attempt)\b",
        ),
        "Asks for feedback on a rejection. Netflix PMs are not allowed to give individual interview feedback, "
        "so this ask is always declined and sours the contact.",
    ),
    Rule(
        Kind.JOB_SEEKING,
        _compile(
            r"\bi(?:'ve| have)? (?:recently |just |already )?(?:applied|submitted (?:an|my) application)\b",
            r"\bi(?:'m| am) (?:currently )?applying\b",
            r"\bmy application\b",
            r"\b(?:looking|searching|hunting|on the hunt) for (?:an? |my )?(?:new |next |first |full-time |"
            r"entry-level )?(?:pm |product |product management |product manager |apm )?(?:jobs?|roles?|positions?|"
            r"opportunit(?:y|ies)|internships?|work)\b",
            r"\b(?:open to|exploring|seeking|pursuing) (?:new |my next |an? )?(?:pm |product |full-time )?"
            r"(?:opportunit(?:y|ies)|roles?|positions?|jobs?)\b",
            r"\bjob (?:search|hunt|hunting)\b",
            r"\bre-?apply(?:ing)?\b",
            r"\bi (?:recently |just )?interviewed (?:for|with) (?:the|a|an|netflix|your)\b",
            r"\binterest(?:ed)? in (?:the |a |an |your |any )?(?:[\w,-]+ ){0,4}?(?:roles?|positions?|openings?|jobs?|"
            r"opportunit(?:y|ies))\b(?! (?:of|to|for (?:data|the user)))",
            r"\b(?:i(?:'d| would| might| could)? be|i'm|i am) (?:a )?(?:good|great|strong|perfect|right) fit\b",
            r"\b(?:trying|want|wanting|looking|hoping|aiming|eager) to (?:break|get|transition|move|pivot) into "
            r"(?:product(?: management)?|pm|netflix|tech|the industry)\b",
            r"#?\bopen\s*to\s*work\b",
            r"\b(?:great|good|strong|perfect) fit for (?:a |the |your )?(?:\w+ )?(?:role|team|position|job)\b",
            rf"\b{_WANT} to work (?:at|for) netflix\b",
        ),
        "Says you are job hunting or points to your application, so the note reads as a request for "
        "advocacy, which nobody at Netflix can give informally.",
    ),
    Rule(
        Kind.BIG_ASK,
        _compile(
            r"\bpick (?:at )?your brains?\b",
            r"\b(?:hop|jump|get) on a (?:quick |short |brief |zoom |phone |video )?(?:call|zoom|chat)\b",
            r"\b(?:schedule|set up|book|arrange|organise|organize) (?:a |some |an? )?(?:quick |short |brief |virtual |"
            r"phone |video )*(?:time|call|meeting|chat|zoom|coffee(?: chat)?|lunch|conversation)\b",
            r"\b(?:grab|get|have|buy you) (?:a |an )?(?:virtual |quick )?(?:coffee|lunch|drink|beer)\b",
            r"\b(?:virtual )?coffee chat\b",
            r"\b(?:a|an) (?:quick |short |brief |informal |informational )?(?:call|zoom|phone call|video call|"
            r"meeting|informational interview)\b",
            r"\b(?:would you be|are you|if you're|if you are) (?:open|available|free|willing) (?:to|for) (?:a )?"
            r"(?:chat|talk|connect|meet|speak|call)\b",
            r"\b(?:could|can|shall) we (?:chat|talk|meet|speak|connect)\b",
            r"\b(?:be|become) my mentor\b",
            r"\bmentor(?:ing)? me\b",
            r"\bmentorship\b",
            r"\b(?:a|any) (?:chance|way) (?:to|we could) (?:chat|talk|meet|connect)\b",
        ),
        "A big ask of a stranger (a call, coffee, a meeting, mentoring). Such chats tend to be booked as short "
        "slots and end early; one question answered in two lines costs them less and tells you more.",
    ),
    Rule(
        Kind.OPEN_ENDED,
        _compile(
            r"\b(?:any|some) (?:general |other )?(?:advice|tips|guidance|pointers|wisdom|insights?|thoughts)\b",
            r"\byour (?:advice|tips|guidance|wisdom|mentorship)\b",
            r"\b(?:learn|hear|know|chat|talk|speak|connect) (?:a bit |a little |more )*about (?:your|the|their) "
            r"(?:\w+ )?(?:role|team|"
            r"experience|career|journey|path|background|story|day|day-to-day|company|work|life)\b",
            r"\btell me (?:a bit |a little |more )*about (?:your|the) (?:\w+ )?(?:role|team|experience|career|journey|"
            r"path|background|story|day|work|company)\b",
            r"\bwhat(?:'s| is) it (?:like|really like) (?:to work|working|being|to be)\b",
            r"\bwhat (?:does|is) (?:a |your )?typical (?:day|week)\b",
            r"\bhow (?:did|do) you (?:get|break|make it|end up|land) (?:in(?:to)?|at|where|(?:your|the|a) \w+)\b",
            r"\bhow you (?:got|broke|made it|ended up|landed) (?:in(?:to)?|to|at|where|(?:your|the|a) \w+)\b",
            r"\b(?:your|the) (?:career|professional) (?:journey|path|story)\b",
            r"\banything (?:you (?:can|could|would|might) share|at all)\b",
            r"\b(?:what|which) skills (?:matter|are|do|should)\b",
            r"\bwhat should i (?:study|learn|know|focus on|do|read)\b",
        ),
        "Open-ended: it leaves them to work out what to tell you. Ask one question about something they did.",
    ),
    Rule(
        Kind.FLATTERY,
        _compile(
            r"\b(?:a |an |such a |such an )?(?:huge|big|biggest|massive|long-?time|longtime|die-hard|great|enormous) "
            r"(?:[\w-]+ )?(?:fan|admirer)\b",
            r"\b(?:you're|you are|u r) (?:so |truly |really |absolutely |just )?(?:amazing|incredible|awesome|brilliant|"
            r"a legend|legendary|an inspiration|so inspiring|inspiring|a rockstar|a rock star|a genius|the best|"
            r"a role model|my role model|my idol|phenomenal)",
            r"\b(?:such|so|truly|really) (?:an? )?(?:inspiration|inspiring|inspirational|amazing|incredible)\b",
            r"\b(?:my|a) dream (?:company|job|role|employer|workplace|place to work)\b",
            r"\bi (?:just |really |absolutely |truly )?(?:love|adore|have always loved|have loved|(?:'ve|have) always "
            r"loved) (?:netflix|everything (?:about )?netflix|everything you (?:do|post)|the company)\b",
            r"\b(?:love|loved|admire|admired|adore|respect|enjoy|enjoyed) (?:all )?(?:of )?(?:your|ur) (?:\w+ )?"
            r"(?:work|content|posts|journey|career|profile|leadership|achievements|accomplishments)\b"
            r"(?! (?:on|about|at|in|for|with|around|behind)\b)",
            r"\b(?:truly |really |greatly |deeply |always )?(?:admire|respect|look up to) (?:you|what you(?:'ve| have)? "
            r"(?:done|built|achieved|accomplished)|everything)\b",
            r"\b(?:inspired|impressed) by (?:you|your (?:journey|career|story|profile|background|success))\b",
            r"\b(?:impressive|inspiring|amazing|incredible|remarkable|stellar) (?:career|journey|profile|background|"
            r"story|trajectory|path|achievements)\b",
            r"\b(?:been following|follow) (?:you|your (?:career|journey|work|posts))(?: for| closely| since)?",
            r"\bthought leader\b",
            r"\brock\s?star\b",
            r"\b(?:obsessed with|in love with) netflix\b",
            r"\bnetflix is my (?:favou?rite|dream)\b",
            r"\b(?:your|ur) (?:profile|background|career|journey|resume) (?:is|was) (?:so |really |truly |very )?"
            r"(?:impressive|amazing|inspiring|incredible)\b",
            # Only the adjective is flagged: "your post on X" itself is a strength.
            r"\b(?:your|that|the) (?:(?:very|really|truly|so|super) )?(?P<flag>insightful|amazing|brilliant|inspiring|"
            r"incredible|fantastic|awesome|excellent|impressive|wonderful|fascinating|outstanding|phenomenal|"
            r"thought-provoking|stellar|mind-blowing) (?:[\w'-]+ )?(?:blog post|post|talk|article|piece|keynote|"
            r"presentation|podcast|episode|paper|thread|newsletter|work|launch|feature|project|video)s?\b",
        ),
        "Generic praise that could go to anyone; it reads as a form letter and gives them nothing to answer. "
        "Say which part of their work you used instead.",
    ),
    Rule(
        Kind.SMALL_ASK,
        _compile(
            r"\b(?:a|even a|just a|an?) (?:one|two|few|couple of)(?:-| )?(?:line|sentence|word)s? (?:reply|answer|"
            r"response|note|email)\b",
            r"\b(?:a|even a|just a) (?:one|two|few|couple of)(?:-| )?(?:lines?|sentences?)\b",
            r"\b(?:a|even a|just a) (?:sentence|line) or two\b",
            r"\b(?:a|an|even a|just a) (?:short|quick|brief|one-line|two-line|one-sentence) (?:reply|answer|response|"
            r"note)\b",
            r"\bno need (?:to (?:reply|respond|meet|call|hop on a call)|for a (?:call|meeting|chat))\b",
            r"\bno (?:call|meeting) (?:needed|necessary|required)\b",
            r"\b(?:totally |completely )?(?:fine|ok|okay|understand) if (?:you're|you are|you don't|you can't|not|a )",
            r"\bno (?:worries|pressure) (?:at all )?if\b",
            r"\bno pressure\b",
            r"\b(?:reply|answer) (?:here|by (?:email|message|reply))\b",
            r"\bby reply\b",
        ),
        "A small, easy ask: it makes a reply cheap. What it earns is in the grade for the ask.",
    ),
    Rule(
        Kind.RESEARCH_FRAMING,
        _compile(
            r"\b(?:i(?:'m| am) |while |as i(?:'m| am)? |currently )?(?:preparing|prepping|getting ready|studying|"
            r"practi[sc]ing) for (?:my |a |an |the |netflix's |product |pm )?(?:[\w'-]+ ){0,3}(?:interviews?|rounds?|"
            r"case(?: study| studies| interviews?)?|loop|screen|presentation)\b",
            r"\b(?:as i|to|while i|as part of how i) prep(?:are)? for\b",
            r"\bfor my (?:case |interview |pm )?(?:prep|preparation|practice case|research|mock)\b",
            r"\b(?:working (?:on|through)|building) (?:a |my )?(?:similar )?(?:practice|mock) (?:case|presentation|"
            r"interview)\b",
            r"\bi(?:'m| am) (?:researching|studying|learning about|digging into) (?:how|why|what|the|this)\b",
            r"\bresearching (?:how|why|what)\b",
            r"\b(?:practice|mock) case\b",
            r"\bcase prep\b",
        ),
        "Framed as research for your preparation, not as a request for help getting in.",
    ),
)

# A clause ends at punctuation or a contrastive word: "I'm not asking much, but could you refer me"
# still asks.
_CLAUSE_BREAK = bounded(r"[.!?;:,\n()\u2014\u2013]| - |\bbut\b|\bhowever\b|\bthough\b|\bjust\b|\bonly\b")
_NEGATION = bounded(
    r"(?:\bnot\b|n't\b|\bnever\b|\bno need (?:to|for)\b|\bno (?:expectations?|intention|plans?) (?:of|to)\b|"
    r"\bwithout\b|\brather than\b|\binstead of\b|\bnothing to do with\b)"
    r"(?!\s+(?:know|sure|mind|suppose|hesitate|wonder|a bother|too much|trouble|a problem|an imposition|often|"
    r"only|just|much|so|that|very|always)\b)"
)
NEGATION_WINDOW = 60
_SENTENCE_BREAK = bounded(r"[.!?\n]")


def negated(folded: str, start: int) -> bool:
    """Whether the clause leading up to ``start`` denies the ask ("I'm not asking for", "no need to")."""
    window = folded[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return _NEGATION.search(window) is not None


def _minutes(match: re.Match[str]) -> int:
    if match.group("hour"):
        return 30 if match.group("hour").startswith("half") else 60
    n = match.group("n")
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


# A duration right after these words measures something ("in under ten minutes", "the 60-minute
# prompt", "every 15 minutes"); it is not time asked of the reader.
_MEASURED = bounded(
    r"\b(?:in|under|within|every|after|before|the|than|over|per|each|first|last|nearly|almost|"
    r"least|most|took|lasted|to)\s+$"
)
MEASURED_WINDOW = 12


def durations(folded: str) -> Iterator[Match]:
    """Time asked for: up to SMALL_MINUTES is a small ask, more is a big one."""
    for m in _DURATION.finditer(folded):
        if _MEASURED.search(folded, max(0, m.start() - MEASURED_WINDOW), m.start()):
            continue
        minutes = _minutes(m)
        if minutes <= SMALL_MINUTES:
            yield Match(
                m.start(),
                m.end(),
                Kind.SMALL_ASK,
                f"A small, bounded ask ({minutes} minutes): easy to say yes to. What it earns is in the "
                "grade for the ask.",
            )
        else:
            yield Match(
                m.start(),
                m.end(),
                Kind.BIG_ASK,
                f"Asks a stranger for {minutes} minutes. Calls like this tend to be booked as 15-minute "
                "slots and end early; ask for a two-line reply or fifteen minutes at most.",
            )


def scan(folded: str) -> list[Match]:
    """Every rule's matches, the negated problem phrases left out, calls with a short time limit kept as small."""
    found: list[Match] = []
    times = list(durations(folded))
    # Sentences are numbered by the breaks before them, so "same sentence" is a lookup, not a scan.
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(folded)]
    short = {bisect_left(breaks, t.start) for t in times if t.kind is Kind.SMALL_ASK}
    for t in times:
        if t.kind.good or not negated(folded, t.start):
            found.append(t)
    for rule in RULES:
        for m in (m for pattern in rule.patterns for m in pattern.finditer(folded)):
            start, end = m.span("flag") if m.groupdict().get("flag") else m.span()
            while end > start and folded[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if not rule.kind.good and negated(folded, start):
                continue
            # "a quick 15-minute call" is a small ask, not an open-ended call.
            if rule.kind is Kind.BIG_ASK and bisect_left(breaks, start) in short:
                continue
            found.append(Match(start, end, rule.kind, rule.reason))
    return found
