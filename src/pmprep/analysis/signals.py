"""Observable features of an answer: named families of patterns, each hit a span with a label.

Every criterion and red flag is computed from these hits, so every judgement points at the
words that caused it. The patterns describe what good answers do in general (numbers, time
frames, trade-off language, metrics, segments…), not the wording of any particular answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from pmprep.analysis.claims import hollow_sentences, is_quantity
from pmprep.analysis.text import Doc, stem
from pmprep.bounded_regex import bounded

_NUM_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
              r"fifty|sixty|hundred|a hundred|a thousand|thousand|dozen|a dozen|half|a few|several|couple of)")
_UNIT = (r"(?:%|percent|per ?cent|pp|percentage points?|points?|x\b|k\b|m\b|bn\b|mn\b|million|billion|thousand|"
         r"ms\b|milliseconds?|seconds?|secs?|s\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|"
         r"mbps|gbps|kbps|gb|tb|pb|mb|users?|members?|subscribers?|customers?|people|households?|accounts?|"
         r"titles?|countries|markets?|engineers?|streams?|requests?|sessions?)")
_PERIOD = r"(?:days?|weeks?|months?|quarters?|years?|sprints?)"
# A number that names rather than counts: "Step 2", "phase 1", "option 3", "#3", "H.264" ("v2" is already
# kept out by the boundary before every pattern). The look-ahead first, so other positions cost nothing.
_NOT_A_LABEL = r"(?=\d)" + "".join(rf"(?<!\b{word} )" for word in (
    "step", "steps", "phase", "stage", "option", "part", "tier", "version", "level", "round", "question",
    "chapter", "section", "slide", "figure", "point", "priority", "no.")) + r"(?<!#)(?<![a-z]\.)"


@dataclass(frozen=True)
class Family:
    id: str
    label: str  # what a hit shows, in words a candidate understands
    pattern: re.Pattern[str]


def _lower_literals(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes such as \\S or \\W as they are."""
    out, escaped = [], False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = (ch == "\\") and not escaped
    return "".join(out)


def _f(id: str, label: str, *alternatives: str) -> Family:
    # Patterns run case-sensitively on ASCII-folded text (Doc.folded): the same matches as
    # re.IGNORECASE at less than half the cost. Every repeat is bounded (pmprep.bounded_regex), and a
    # run of digits is possessive ([\d,.]*+): nothing after a number starts with a digit, a comma or
    # a point, so giving digits back could never help, and on "1.1.1.…" it cost a pass per digit.
    body = "|".join(f"(?:{_lower_literals(a)})" for a in alternatives)
    return Family(id, label, bounded(rf"(?<![\w-])(?:{body})(?![\w])"))


FAMILIES: dict[str, Family] = {f.id: f for f in [
    # ---- numbers and time
    _f("number", "a number",
       r"[$€£₹]\s?\d[\d,]*+(?:\.\d+)?\s?(?:k|m|bn|million|billion)?",
       _NOT_A_LABEL + r"\d[\d,]*+(?:\.\d+)?\s?" + _UNIT,
       _NOT_A_LABEL + r"\d[\d,]*+(?:\.\d+)?(?:\s?[-–]\s?\d[\d,]*+(?:\.\d+)?)?",
       r"p(?:50|90|95|99)",
       _NUM_WORDS + r"\s+" + _UNIT),
    _f("percent", "a percentage", r"\d[\d,]*+(?:\.\d+)?\s?(?:%|percent|per ?cent|pp|percentage points?)"),
    _f("timeframe", "a time frame",
       rf"(?:in|within|over|after|for|by|across|during)\s+(?:the\s+)?(?:first\s+|next\s+|past\s+|last\s+)?"
       rf"(?:\d+|{_NUM_WORDS}|a|an)\s+{_PERIOD}",
       rf"\d+[- ]{_PERIOD[3:-1]}s?(?:\s+(?:test|window|pilot|sprint|period|cycle|trial|retention|period))?",
       r"(?:by|in|before|during)\s+(?:the\s+end\s+of\s+)?(?:q[1-4]|h[12])(?:\s+\d{4})?",
       r"(?:week|month|quarter|year)[- ]over[- ](?:week|month|quarter|year)",
       r"per (?:day|week|month|quarter|year)", r"(?:daily|weekly|monthly|quarterly|annually)"),
    _f("when", "when it happened",
       r"(?:last|this|that|the previous|the following)\s+(?:spring|summer|autumn|fall|winter|year|quarter|semester|term|month)",
       r"in\s+(?:19|20)\d\d", r"(?:\d+|" + _NUM_WORDS + r")\s+(?:years?|months?)\s+ago",
       r"(?:at|in|during)\s+(?:my|our)\s+(?:previous|last|current|first|former)\s+(?:role|job|company|team|internship|startup)",
       r"during\s+(?:my|an?|the)\s+(?:internship|placement|co-?op|degree|junior year|senior year|final year|summer)",
       r"when\s+I\s+(?:was|worked|joined|led|ran|interned)", r"while\s+I\s+was"),
    # ---- ownership
    _f("i_action", "your own action",
       r"I(?:'d| had| have|'ve)?\s+(?:\w+ly\s+)?(?:decided|chose|proposed|led|owned|drove|pushed|convinced|ran|built|"
       r"wrote|set|cut|prioriti[sz]ed|designed|launched|shipped|negotiated|created|defined|analy[sz]ed|interviewed|"
       r"talked|met|presented|recommended|started|organi[sz]ed|reframed|persuaded|escalated|asked|"
       r"took|made|spent|mapped|sketched|tested|measured|pulled|dug|killed|paused|rolled|scoped|split|"
       r"changed|called|pitched|facilitated|aligned|gathered|sat|reached|flagged|raised|owned|hired|coached|"
       r"insisted|argued|agreed|accepted|admitted|apologi[sz]ed|volunteered|stepped|reworked|rewrote|"
       r"documented|sent|replaced|removed|reduced|added|framed|secured|built|partnered|worked|learned|realised|realized|"
       r"noticed|found|discovered|saw|had to|needed to|wanted to|tried|moved|stopped|delivered|hypothesi[sz]ed)"),
    _f("i_word", "first person (I)", r"I(?!\s+(?:think|guess|feel|mean|suppose|believe)\b)", r"I'(?:m|d|ve|ll)", r"me", r"my", r"myself"),
    _f("we_word", "first person plural (we)", r"we", r"we'(?:re|d|ve|ll)", r"us", r"our", r"the team", r"my team"),
    # ---- story arcs
    _f("obstacle", "an obstacle",
       r"however", r"but", r"push(?:ed)?[- ]?back", r"blocker|blocked", r"challenge[sd]?", r"struggl\w+", r"disagre\w+",
       r"conflict\w*", r"concern(?:s|ed)?", r"objection\w*", r"resist\w*", r"constraint\w*", r"delay(?:s|ed)?",
       r"setback", r"unfortunately", r"went wrong", r"obstacle\w*", r"tension", r"skeptic\w*|sceptic\w*",
       r"(?:the )?(?:hard|tricky|difficult) part", r"deadline", r"limited (?:time|budget|resources)"),
    _f("result", "an outcome",
       r"result(?:ed|s)?", r"outcome", r"increas\w+", r"decreas\w+", r"rose|risen", r"grew|grown", r"dropp?ed",
       r"fell", r"improv\w+", r"reduc\w+", r"lift(?:ed)?", r"saved", r"reached", r"boost\w*", r"doubled|tripled|halved",
       r"went (?:up|down) (?:from|by|to)", r"moved (?:from|to)", r"cut\s+\w+\s+(?:by|from)", r"won", r"adopt\w+",
       r"(?:in|by) the end", r"shipped", r"launched"),
    _f("baseline", "a baseline",
       r"from\s+(?:about\s+|roughly\s+|around\s+)?[$€£]?\d[\d,.]*+\s?\S*\s+to\s+(?:about\s+|roughly\s+)?[$€£]?\d[\d,.]*+%?",
       r"baseline", r"compared (?:to|with)", r"up from", r"down from", r"versus (?:the )?(?:control|before|last)",
       r"relative to", r"(?:than|vs\.?) (?:before|last (?:year|quarter|month))"),
    _f("reflection", "reflection",
       r"(?:I|we) learn(?:ed|t)", r"lesson", r"in hindsight", r"looking back", r"next time", r"(?:would|'d) do differently",
       r"if I (?:did|were to do) it again", r"taught me", r"I realis\w+|I realiz\w+", r"since then", r"now I\b", r"I now",
       r"takeaway", r"what I would change", r"(?:it )?changed how I", r"I still", r"going forward"),
    _f("stakeholder", "a stakeholder",
       r"engineer(?:s|ing)?", r"(?:the )?design(?:er|ers)?\b", r"data scien\w+", r"analyst\w*", r"legal", r"marketing",
       r"leadership", r"(?:my |our |the )?(?:vp|director|manager|ceo|cto|head of \w+)", r"stakeholders?", r"partners?",
       r"sales", r"support", r"finance", r"ops|operations", r"content team", r"executives?", r"tech lead",
       r"qa|researchers?|ux"),
    _f("tradeoff", "a trade-off",
       r"trade[- ]?offs?", r"at the (?:cost|expense) of", r"in exchange for", r"versus|vs\.?", r"rather than",
       r"instead of", r"sacrific\w+", r"gave up|give up", r"downside", r"the cost (?:is|was|would be)",
       r"on the other hand", r"balanc\w+", r"weigh(?:ed|ing)?", r"cost us", r"but it (?:means|meant|costs?)",
       r"at the price of", r"which means giving up",
       r"(?:attractive|tempting|appealing|nice|great),? but", r"worth (?:it|the|paying)", r"at what cost", r"when the two (?:disagree|conflict)", r"outweigh\w*", r"net (?:effect|impact|positive|negative|gain|loss)", r"is it worth", r"not worth", r"the price (?:is|of)", r"costs? (?:us )?(?:more|less)", r"in return"),
    # ---- product
    _f("problem_framing", "framing the user problem",
       r"user problem", r"(?:the |their |core )?pain points?", r"(?:the )?problem (?:is|we're solving|to solve|here)",
       r"make sure I understand", r"clarify\w*", r"clarifying question", r"before (?:jumping|diving|proposing|solving)",
       r"who (?:is|are) the (?:user|customer|member)s?", r"job[- ]to[- ]be[- ]done|jtbd", r"why (?:do|would|are) (?:users|members|people|viewers)",
       r"what problem", r"(?:I'd|I would|let me|first,? I'd) (?:start by|first) (?:asking|understanding|clarifying)",
       r"I'?d ask", r"assum(?:e|ing) (?:the )?goal", r"(?:the )?underlying need", r"root (?:problem|cause)",
       r"what (?:users|members|viewers) (?:actually )?(?:want|need|struggle)", r"scope (?:this|it) to", r"to scope"),
    _f("user", "the user",
       r"users?", r"members?", r"customers?", r"viewers?", r"subscribers?", r"people", r"households?", r"famil(?:y|ies)",
       r"parents?", r"kids|children", r"audience", r"fans", r"students?", r"teens?|teenagers?", r"watchers?", r"profiles?",
       r"merchants?", r"buyers?", r"sellers?", r"shoppers?", r"patients?", r"readers?", r"listeners?",
       r"gamers?", r"learners?", r"riders?", r"travell?ers?", r"consumers?", r"borrowers?"),
    _f("segment", "a user segment",
       r"segments?", r"personas?", r"new (?:users|members|subscribers|viewers)", r"first[- ]time", r"returning",
       r"power users?", r"casual (?:users|viewers)", r"heavy (?:users|viewers)", r"light (?:users|viewers)",
       r"mobile[- ]only", r"prepaid", r"low[- ]bandwidth", r"commuters?", r"parents", r"kids", r"teens?",
       r"famil(?:y|ies) with", r"students", r"older (?:viewers|members|users)", r"visually impaired|blind|low[- ]vision",
       r"(?:users|members|viewers) (?:who|in|on|with)", r"shared (?:accounts|households)", r"cohorts?", r"early adopters"),
    _f("reason", "a reason", r"because", r"since", r"the reason", r"which is why", r"that's why", r"given that",
       r"(?:biggest|largest|most|highest|underserved|fastest[- ]growing)", r"so that"),
    _f("solution", "a solution or feature",
       r"feature", r"(?:I|we)(?:'d| would| could| should| will)? (?:build|add|launch|introduce|create|design|ship|offer|redesign)",
       r"solutions?", r"idea", r"build (?:a|an)", r"add (?:a|an)", r"introduce (?:a|an)", r"launch (?:a|an)"),
    # Line-start patterns use [^\S\n]* (spaces, not newlines) after the line break: a \s* there
    # would run on through every following blank line at each break, quadratic on a long answer.
    _f("option", "an option",
       r"options?\s+(?:one|two|three|four|[1-4a-d])\b", r"(?:first|second|third|fourth|another|one|the other) (?:option|approach|idea|alternative|solution|lever|bet)",
       r"alternatively", r"(?:three|four|a few|several|two) (?:options|approaches|ideas|solutions|levers|bets|directions|paths)",
       r"(?:^|\n)[^\S\n]*(?:[1-4][.)]|[a-d][.)]|[-*•])\s+", r"option [a-d]\b", r"plan [a-c]\b"),
    _f("choice", "a choice with criteria",
       r"I'?d (?:pick|choose|go with|prioriti[sz]e|start with|recommend|bet on)", r"I would (?:pick|choose|go with|prioriti[sz]e|start with|recommend|bet on)",
       r"I recommend", r"my (?:recommendation|pick|choice)", r"(?:based on|by|against) (?:impact|effort|reach|cost|confidence|feasibility)",
       r"rice", r"impact (?:vs\.?|versus|and|over) effort", r"highest (?:impact|leverage|expected value)", r"criteria",
       r"scor(?:e|ed|ing) (?:them|each|the options)", r"wins? on", r"best balance"),
    _f("timebox", "a time-boxed first version",
       r"first version", r"v1\b", r"mvp", r"minimum viable", r"pilot", r"phase (?:1|one)", r"first phase",
       rf"(?:in|within|over|for|after) (?:the )?(?:first )?(?:\d+|{_NUM_WORDS}) (?:weeks?|sprints?|months?)",
       r"\d+[- ]week", r"initial (?:launch|version|release)", r"then (?:expand|scale|extend|add|roll)", r"phase (?:2|two)",
       r"v2\b", r"next (?:quarter|phase|step)", r"after that", r"later (?:phases?|we)", r"long[- ]term", r"fast[- ]follow",
       r"beta"),
    _f("risk", "a risk",
       r"risks?", r"risky", r"backfire", r"downside", r"cannibali[sz]\w+", r"privacy", r"abuse", r"failure mode", r"might hurt",
       r"could hurt", r"mitigat\w+", r"worst case", r"unintended", r"side effects?", r"watch out", r"careful", r"danger"),
    _f("rollout", "an experiment or rollout",
       r"a/b(?: tests?)?", r"ab tests?", r"experiments?", r"test cells?", r"control (?:group|cell)", r"holdouts?",
       r"roll(?:ing|ed)?[- ]?outs?", r"ramp(?:ing|ed)?(?: up)?", r"canar(?:y|ies)", r"staged", r"feature flags?", r"kill switch",
       r"roll(?:ing|ed)?[- ]?back", r"\d+\s?% of (?:users|members|traffic|accounts|households)", r"beta", r"pilot",
       r"launch (?:to|in) (?:one|a single|\d+)", r"gradual\w*"),
    # ---- metrics
    _f("metric", "a metric",
       r"metrics?", r"north[- ]star", r"kpis?", r"guardrails?", r"retention", r"churn\w*", r"watch[- ]time", r"hours (?:streamed|watched|viewed)",
       r"viewing hours", r"completion(?: rate)?", r"conversion(?: rate)?", r"engagement", r"dau|mau|wau", r"activation(?: rate)?",
       r"arpu|arm|ltv|lifetime value", r"revenue", r"nps|csat", r"click[- ]?through(?: rate)?|ctr", r"latency", r"rebuffer\w*",
       r"start[- ]?up time|time to first frame|play(?:back)? start", r"success rate", r"error rate", r"adoption(?: rate)?",
       r"sign[- ]?ups?", r"cancellations?", r"plays? per", r"take[- ]?rate", r"satisfaction", r"(?:measure|track|monitor)(?:d|ed|ing)?"),
    _f("north_star", "a north-star metric",
       r"north[- ]star", r"primary metric", r"key metric", r"success metric", r"one metric", r"main metric", r"headline metric",
       r"(?:I'd|I would|we'd|we would) (?:measure|track) (?:success|this) (?:by|with|as)", r"success (?:looks like|means|is)"),
    _f("guardrail", "a guardrail",
       r"guardrails?", r"counter[- ]?metrics?", r"must not (?:drop|fall|rise|increase|hurt|get worse)", r"(?:shouldn't|should not|mustn't|doesn't|does not) (?:hurt|drop|increase|rise|regress|cannibali[sz]e)",
       r"without (?:hurting|increasing|reducing|harming|raising)", r"while (?:keeping|holding|protecting)", r"watch (?:for|out for)",
       r"make sure (?:\w+ ){0,4}(?:doesn't|does not|isn't|don't)", r"keep an eye on", r"not get worse",
       r"no worse than", r"by no more than", r"(?:doesn'?t|does not|don'?t) (?:fall|drop|rise|increase|decrease) (?:by )?more than", r"(?:ship|launch|roll out) (?:it )?only if", r"as long as", r"provided (?:that )?"),
    _f("metric_unit", "a unit or window",
       r"per (?:member|user|account|profile|session|subscriber|household|day|week|month|viewer|title)",
       r"(?:\d+|seven|thirty|twenty[- ]eight)[- ]day", r"d(?:1|7|14|28|30|90)\b", r"(?:daily|weekly|monthly) (?:active|average|retention|churn)",
       r"within (?:\d+|" + _NUM_WORDS + r") (?:days|weeks|hours)", r"each (?:week|month|day)", r"(?:per|a|each) (?:week|month|day)",
       r"share of (?:members|users|sessions|accounts|profiles|households|plays|new)", r"% of (?:members|users|sessions|accounts|profiles|households|plays|new)",
       r"rate of"),
    _f("goal", "a goal", r"goals?", r"objective", r"aim\b|aiming", r"(?:we(?:'re| are)|I'm|I am) trying to", r"the point (?:is|of)",
       r"(?:mission|purpose)", r"what (?:we|Netflix) (?:care|cares) about", r"success (?:looks like|means)", r"in order to",
       r"(?:so|such) that (?:members|users|viewers|people)", r"the outcome we want", r"want(?:s)? to (?:achieve|improve|grow|increase|reduce)",
       r"what (?:we're|we are|I'm|I am) (?:ultimately |really )?(?:after|optimi[sz]ing for|solving for)", r"what (?:really )?matters (?:most )?is", r"the (?:real|underlying|ultimate) (?:goal|aim|question)", r"ultimately"),
    _f("dimension", "a cut of the data",
       r"regions?", r"countr(?:y|ies)", r"markets?", r"devices?", r"platforms?", r"ios|android", r"(?:smart )?tvs?", r"web\b|browser",
       r"mobile", r"app versions?", r"releases?", r"new (?:vs\.?|versus|and|or) (?:returning|existing)", r"cohorts?", r"tenure",
       r"plans?|tiers?", r"isps?", r"time of day", r"day of (?:the )?week", r"by (?:geo|country|region|device|platform|cohort|plan)",
       r"latam|latin america|apac|emea|india|brazil|mexico|europe|asia|north america|the us\b|the uk\b|japan|korea|indonesia",
       r"segment(?:ed|ing)? (?:by|the data)", r"cut (?:the data|it) by", r"break(?:ing)? (?:it|this|the data) down",
       r"(?:heavy|light|casual|new|older|younger) (?:viewers|users|members)", r"kids'? profiles?", r"late[- ]night|evenings?|weekends?|weekdays?", r"split (?:\w+ ){0,3}(?:from|by|into)", r"(?:by|per) (?:segment|region|device|country|platform|cohort|tenure|plan)", r"(?:android|ios) (?:users|app)", r"low[- ]end (?:phones|devices)"),
    _f("data_check", "a data or external check",
       r"logging", r"instrumentation", r"tracking (?:bug|issue|change)", r"data (?:pipeline|quality|issue|bug|problem)", r"dashboard (?:bug|issue)",
       r"definition (?:changed|change)", r"(?:a |the )?(?:bug|glitch) in", r"seasonal\w*", r"holidays?", r"year[- ]over[- ]year|yoy", r"week[- ]over[- ]week|wow\b",
       r"external (?:factors?|causes?|events?)", r"competitor(?:'s)? (?:launch|release|promotion)", r"outages?", r"(?:marketing )?campaigns?",
       r"price (?:change|increase|rise)", r"exchange rate", r"internal (?:vs\.?|or) external", r"is the data (?:right|correct)", r"sanity[- ]check the data",
       r"same period last year", r"school (?:holidays|term)", r"macro\w*", r"news (?:event|cycle)",
       r"sanity[- ]check", r"response rate", r"both arms", r"(?:survey|selection|sampling) bias", r"(?:is|was) (?:the|this) (?:drop|change|spike|dip) real", r"measurement (?:error|issue|change)", r"(?:app|client) (?:release|update) (?:broke|changed)", r"double[- ]count\w*"),
    _f("experiment_design", "experiment design",
       r"control", r"treatment", r"randomi[sz]\w+", r"(?:unit of )?randomi[sz]ation", r"sample size", r"power(?:ed)?\b", r"statistical(?:ly)? significan\w+",
       r"significan(?:ce|t)", r"p[- ]?values?", r"confidence (?:interval|level)", r"mde|minimum detectable", r"novelty effect", r"run (?:it|the test) for",
       r"(?:\d+|two|three|four)[- ]week (?:test|experiment)", r"holdout", r"hypothes[ie]s", r"bucket\w*", r"a/a test", r"sample ratio", r"spillover|network effect",
       r"(?:per|by) (?:account|profile|household|device)(?: level)?"),
    # ---- technical
    _f("tech_concept", "a technical concept",
       r"cdns?", r"content delivery", r"edge (?:servers?|caches?|nodes?|locations?)", r"open connect", r"cach(?:e|es|ing|ed)", r"ttls?", r"invalidat\w+",
       r"origin(?: servers?)?", r"p(?:50|90|95|99)", r"percentiles?", r"tail latency", r"throughput", r"failover", r"replica\w*|replicat\w+",
       r"load[- ]balanc\w+", r"apis?", r"(?:api )?gateway", r"endpoints?", r"rest(?:ful)?", r"graphql", r"rate[- ]limit\w*", r"circuit[- ]breakers?",
       r"fallbacks?", r"retr(?:y|ies)", r"timeouts?", r"idempoten\w+", r"queues?", r"kafka", r"pipelines?", r"batch", r"stream processing",
       r"databases?", r"consisten\w+", r"eventual(?:ly)? consisten\w+", r"shard\w*", r"partition\w*", r"hash\w*", r"feature flags?",
       r"microservices?", r"encod\w+", r"bitrates?", r"abr|adaptive bitrate", r"manifests?", r"prefetch\w*|precomput\w+|pre-?position\w*",
       r"on[- ]device", r"inference", r"index\w*", r"observability", r"monitoring", r"alert\w*", r"logs?\b", r"tracing", r"chaos (?:monkey|engineering|testing)",
       r"redundan\w+", r"slas?|slos?|slis?", r"regions?\b", r"availability", r"stale(?:ness)?", r"write[- ]through|write[- ]back", r"cold start",
       r"canar(?:y|ies)", r"rollback", r"dns", r"tcp|http/?[23]?|quic", r"codecs?", r"drm", r"bandwidth", r"backend|server[- ]side|client[- ]side",
       r"sync(?:hroni[sz]\w+)?", r"conflict resolution|last[- ]writer[- ]wins", r"websockets?|push notifications?", r"schema", r"versioning", r"backpressure",
       r"bulkheads?", r"degrad\w+",
       r"sample ratio mismatch|srm\b", r"chi[- ]squared?", r"assignment (?:service|logic|logs?)", r"allocation", r"exposure (?:logging|events?)", r"trigger(?:ing|ed) (?:analysis|condition)", r"bot traffic", r"salt(?:ed)?\b", r"randomi[sz]ation unit", r"event (?:logs?|logging|pipeline|stream)", r"client[- ]side logging", r"deduplicat\w+", r"a/a tests?", r"instrumentation", r"telemetry", r"heartbeats?", r"sessioni[sz]\w+"),
    _f("tech_tradeoff_dim", "a comparison dimension",
       r"latency", r"cost(?:s|ly)?", r"reliab\w+", r"fresh(?:ness)?", r"availab\w+", r"consisten\w+", r"throughput", r"storage", r"bandwidth",
       r"faster|slower", r"cheaper|more expensive", r"stale(?:ness)?", r"complexity", r"scalab\w+", r"accuracy", r"privacy"),
    _f("scale", "scale",
       r"scale", r"(?:\d[\d,.]*+\s?(?:k|m|million|billion|thousand)?\s+)(?:users|members|requests|rps|qps|streams|devices|concurrent|titles)",
       r"(?:requests|queries) per second|rps|qps", r"concurren\w+", r"peak (?:traffic|load|hours?)", r"(?:how|what) (?:many|much) (?:users|traffic|load|requests)",
       r"at (?:netflix|our) scale", r"global(?:ly)?"),
    _f("requirement", "a requirement",
       r"requirements?", r"(?:functional|non[- ]functional)", r"must (?:be|have|support|handle)", r"needs? to (?:be|support|handle|work)",
       r"constraints?", r"(?:I'd|I would|let me) (?:clarify|confirm|ask)", r"assum(?:e|ing|ption)", r"(?:what|how) (?:fresh|fast|consistent|available) (?:does|do|should)",
       r"slo|sla", r"use cases?", r"in scope|out of scope"),
    _f("hypothesis", "a hypothesis or isolation step",
       r"hypothes[ie]s", r"first (?:check|look|thing)", r"I'?d (?:check|look at|compare|confirm|rule out)", r"I would (?:check|look at|compare|confirm|rule out)",
       r"isolat\w+", r"narrow (?:it )?down", r"rule out", r"root cause", r"correlat\w+", r"bisect\w*", r"is it (?:all|every|one|only|just)",
       r"did (?:anything|something) change", r"recent (?:deploy\w*|releases?|changes?|push)", r"what changed", r"could be (?:caused|due)", r"likely cause",
       r"(?:one|another) (?:possibility|explanation)", r"if (?:it's|it is) (?:only|just|all)", r"suspect", r"dashboards?", r"distributed tracing|traces"),
    _f("honest_limits", "honesty about limits",
       r"I'?m not (?:sure|an expert|certain|100% sure|deeply familiar)", r"I don'?t know", r"I'?d (?:want to )?(?:confirm|verify|check) (?:this |that )?with (?:the )?engineer\w*",
       r"here'?s what I know", r"(?:go|dig) deeper with (?:the )?engineer\w*", r"my understanding is", r"partner with (?:the )?engineer\w*",
       r"I(?:'d| would) need to learn", r"to be honest", r"beyond my (?:depth|expertise)", r"I haven'?t (?:worked|built)", r"as far as I know",
       r"(?:I'd|I would) lean on (?:the )?engineer\w*", r"I may be wrong", r"I'?d want to validate",
       r"where I'?d lean on", r"(?:I'?d|I would) (?:lean on|ask|check with|rely on) (?:the |our )?(?:data |platform |backend )?(?:engineers?|engineering|experts?|specialists?) to (?:confirm|check|verify|validate)", r"(?:they|the engineers) know (?:exactly |better )?(?:where|how)"),
    # ---- strategy
    _f("market", "a market or competitor fact",
       r"markets?", r"market (?:size|share)", r"tam\b", r"penetration", r"competitors?", r"competition", r"disney\+?", r"hbo|max\b", r"prime video|amazon",
       r"youtube", r"tiktok", r"apple tv\+?", r"hulu", r"peacock", r"paramount\+?", r"jiohotstar|hotstar|jio", r"share of (?:screen|viewing|time)", r"pricing", r"price points?",
       r"bundl\w+", r"telcos?|carriers?", r"advertis\w+|ad[- ]supported|ads? tier", r"subscribers?", r"saturat\w+", r"growth", r"arpu", r"churn", r"live sports", r"rights"),
    _f("advantage", "a Netflix advantage",
       r"recommendation (?:engine|system|algorithm)", r"personali[sz]ation", r"global (?:scale|footprint|reach)", r"originals?", r"brand", r"data (?:advantage|on viewing)",
       r"(?:content )?library", r"(?:our|netflix'?s?) (?:strengths?|advantages?|moat|edge)", r"moat", r"scale", r"open connect", r"local(?:-language)? (?:content|originals|production)",
       r"(?:\d+|190) countries", r"hundreds of millions", r"ip\b|franchises?", r"studio", r"ad[- ]free"),
    _f("phase", "a phased plan",
       r"phases?", r"pilot", r"(?:first|second|third) (?:year|step|stage|wave)", r"year (?:1|one|2|two)", r"(?:6|12|18|24|six|twelve|eighteen)[- ]months?",
       r"decision points?", r"milestones?", r"go/no[- ]go", r"if (?:it|that|the pilot|this) (?:works|succeeds|fails|hits)", r"then (?:expand|scale|roll)",
       r"stage[- ]gate", r"test (?:market|country)", r"start (?:small|with)", r"roadmap"),
    _f("recommendation", "a recommendation",
       r"I recommend", r"my recommendation", r"I'?d recommend", r"I would recommend", r"(?:so|overall),? I(?:'d| would)", r"I(?:'d| would) (?:bet|go) (?:on|with)",
       r"we should", r"netflix should", r"the answer is", r"my (?:call|verdict|answer)",
       r"(?:my )?decision rule", r"I(?:'d| would)(?: not|n'?t)? ship", r"(?:don'?t|do not) ship", r"not in (?:this|its current) form"),
    # ---- estimation
    _f("assumption", "an assumption",
       r"assum(?:e|ing|ption|ptions)", r"let'?s say", r"suppose", r"roughly", r"approximately", r"about\s+\d", r"around\s+\d", r"ballpark", r"estimate",
       r"I'?ll (?:take|use|go with)", r"call it", r"give or take", r"based on"),
    _f("arithmetic", "arithmetic",
       r"\d[\d,.]*+\s?[kmb]?\s*(?:[x×*/÷]|times|multiplied by|divided by)\s*\d", r"=\s*[$€£]?\d", r"equals", r"that gives(?: us)?",
       r"(?:so|which) (?:that'?s|is|gives|comes to)\s+(?:about\s+|roughly\s+|around\s+)?[$€£]?\d", r"works out to", r"comes to", r"adds up to", r"in total", r"total of"),
    _f("breakdown", "a segmented structure",
       r"break (?:it|this) (?:down|into)", r"breaking (?:it|this) down", r"split (?:it|this|them) (?:into|by)", r"segment(?:s|ed)? (?:by|into)", r"bucket\w*", r"(?:two|three|four) (?:groups|segments|buckets|parts|components)",
       r"per (?:household|user|member|device|person|day|stream|title|country)", r"by (?:country|region|device|age|plan|tier|segment)", r"(?:first|second|third),? (?:the )?(?:segment|group|bucket|component)"),
    _f("sanity", "a sanity check",
       r"sanity[- ]check", r"cross[- ]check", r"double[- ]check", r"check (?:it|this|that) against", r"compare (?:with|to|it)", r"seems (?:reasonable|plausible|high|low|right)",
       r"order of magnitude", r"another way", r"different angle", r"top[- ]down|bottom[- ]up", r"does that (?:pass|make sense|seem)", r"gut check", r"reality check", r"triangulat\w+"),
    _f("range", "a range",
       r"between\s+[$€£]?\d[\d,.]*+\s*\S*\s+and\s+[$€£]?\d", r"\d[\d,.]*+\s?[kmb%]?\s*[-–]\s*\d[\d,.]*+\s?(?:k|m|bn|million|billion|%|tb|pb|gb)?", r"range", r"give or take", r"[±]", r"plus or minus",
       r"somewhere (?:between|around)", r"low end|high end|lower bound|upper bound", r"(?:at least|at most|up to)\s+\d", r"(?:low|high|base)[- ]case", r"within (?:a )?factor of"),
    # ---- culture
    _f("culture_theme", "a culture theme",
       r"freedom (?:and|&) responsibility", r"context,? not control", r"candou?r", r"direct feedback", r"radical (?:candou?r|transparency|honesty)", r"keeper test",
       r"informed captains?", r"disagree(?:,)? (?:and|then) commit", r"highly aligned,? loosely coupled", r"culture (?:memo|deck|doc)", r"high[- ]performance|dream team",
       r"judg(?:e)?ment", r"selflessness", r"courage", r"inclusion", r"curiosity", r"ownership", r"transparen\w+", r"no rules rules", r"stunning colleagues", r"honest feedback",
       r"feedback (?:culture|openly)", r"(?:minimal|little|no) (?:process|approvals|bureaucracy)", r"autonomy",
       r"(?:say|said) (?:only )?what (?:you|they|we|I|he|she) (?:would|'d) say to (?:their|your|his|her|my) face", r"to (?:their|your|his|her) face", r"feedback in every direction", r"(?:rely|relies|relying) on judg(?:e)?ment", r"judg(?:e)?ment (?:over|instead of|rather than) (?:rules|process)", r"no[- ]blame|blameless", r"(?:stunning|talented) colleagues", r"act in netflix'?s? best interest", r"farming for dissent", r"sunshin(?:e|ing) (?:decisions|mistakes)"),
    _f("company_fact", "knowledge of Netflix",
       r"(?:\d+\s?(?:m|million)\+?|hundreds of millions of) (?:members|subscribers|households)", r"ads? tier|ad[- ]supported|advertising", r"password sharing|paid sharing|extra member",
       r"games?", r"live (?:events?|sports|shows|programming)", r"originals?", r"recommendation", r"personali[sz]ation", r"open connect", r"190 countries|over 190",
       r"local(?:-language)? (?:content|originals|stories)", r"squid game|stranger things|wednesday|money heist|the crown|bridgerton|sacred games|narcos|dark\b",
       r"korean|k-drama|anime", r"content (?:spend|budget|investment)", r"(?:subscription )?pricing|price (?:tiers?|increase)", r"streaming", r"artwork", r"(?:profile|kids) (?:experience|profiles?)",
       r"chaos monkey|engineering blog|tech blog", r"top 10", r"downloads?", r"wwe|nfl|boxing|christmas day",
       r"(?:more than|over|across) 190", r"(?:members|subscribers) (?:in|across) (?:more than |over )?\d+ countries"),
    _f("contribution", "what you would contribute",
       r"I(?:'d| would| can| could) bring", r"I(?:'d| would| can| could) contribute", r"in (?:my|the) first (?:30|60|90|\d+) days", r"I(?:'d| would) (?:help|add|own|focus on|start by)",
       r"what I (?:bring|offer|can offer|would bring)", r"my (?:experience|background|skills?) (?:in|with) \w+ (?:would|will|could)", r"I want to (?:help|build|work on|own)",
       r"where I (?:can|could) (?:help|add value)", r"I'?m excited to (?:work on|build|help)", r"I(?:'d| would) love to (?:work on|own|build|help)",
       r"the first thing I'?d do", r"(?:I'?d|I would) start by (?:writing|building|learning|meeting|mapping)",
       r"I'?d be the (?:person|pm|one|kind of pm) who", r"(?:as a pm|in this role|on this team),? I'?d"),
    # ---- delivery and structure
    _f("signpost", "signposting",
       r"first(?:ly)?,", r"second(?:ly)?,", r"third(?:ly)?,", r"finally,", r"next,", r"then,", r"lastly,", r"to start,", r"let me (?:structure|walk|break|start)",
       r"(?:in|into|on|about|cover|at|through) (?:three|four|two|a few) (?:parts|things|areas|steps|questions|points|buckets|pieces)", r"my approach", r"framework", r"in summary", r"to summari[sz]e",
       r"(?:^|\n)[^\S\n]*(?:[1-9][.)]|[-*•])\s+", r"(?:^|\n)[^\S\n]*(?:situation|task|action|result|reflection|problem|hypothesis|data needs|options|trade-?offs|recommendation|goal|risks?|metrics?|rollout)\s*[:\-—]",
       r"step (?:one|two|three|1|2|3)", r"the (?:first|second|third|last) (?:thing|step|part|piece)", r"moving on", r"(?:on|for) the (?:metrics|options|risks|rollout) side"),
    _f("conclusion", "a conclusion",
       r"in summary", r"to sum(?:marise|marize)? up", r"to summari[sz]e", r"overall", r"my recommendation", r"I recommend", r"I'?d recommend", r"in short", r"the bottom line",
       r"net,?", r"that'?s why", r"which is why", r"ultimately", r"in the end", r"the (?:key )?lesson", r"so the answer", r"so,? (?:my|the) (?:answer|recommendation|call|plan)",
       r"(?:so|therefore),? I(?:'d| would)", r"bottom line", r"the takeaway", r"so what", r"in conclusion", r"to wrap up", r"wrapping up", r"the result was", r"as a result",
       r"(?:my )?decision rule", r"I(?:'d| would)(?: not|n'?t)? ship", r"(?:don'?t|do not) ship", r"so my answer", r"my answer is", r"(?:yes|no),? (?:but|and|I'd|I would)", r"not in (?:this|its current) form",
       r"so[:—–]\s", r"(?:^|\n)[^\S\n]*so,\s"),
    _f("filler", "a filler word",
       r"um+", r"uh+", r"erm?", r"basically", r"you know", r"sort of", r"kind of", r"actually", r"literally", r"I mean", r"like,", r"so yeah", r"stuff like that",
       r"and stuff", r"or whatever", r"honestly"),
    _f("hedge", "a hedge",
       r"I think", r"I guess", r"maybe", r"perhaps", r"probably", r"might", r"possibly", r"somewhat", r"I feel like", r"I'?m not sure", r"sort of", r"kind of",
       r"I suppose", r"hopefully", r"it depends"),
    # ---- red flags
    _f("rf_talk_to_engineering", '"talk to engineering" instead of reasoning',
       r"(?:I'?d|I would|I will|I'?ll|just|we'?d|we would)\s+(?:just\s+)?(?:talk|speak|ask|check|defer|leave it|hand (?:it|that) off|escalate|go)\s+(?:to|with)\s+(?:the\s+)?(?:engineer(?:s|ing)?|tech(?:nical)? (?:team|lead)|developers?|devs?)",
       r"(?:engineer(?:s|ing)?|the tech team|developers?) (?:would|will|can|should) (?:figure|handle|know|sort|decide|take care)",
       r"(?:that'?s|this is|it'?s) (?:an |for )?(?:engineering|the engineers'?) (?:problem|question|job|call|decision)", r"not my (?:job|area|expertise|department)",
       r"leave (?:the|that|those) (?:technical|tech) (?:details|stuff|part) to"),
    _f("rf_rigidity", "rigidity",
       r"(?:how|what) I always do", r"I always (?:use|do|follow|start with|go with|stick)", r"the only (?:right )?way", r"never (?:change|deviate)", r"stick to my (?:process|framework|plan)",
       r"(?:this is )?(?:just )?how I (?:always )?(?:work|do things|operate)", r"I don'?t change my", r"no matter what", r"my way"),
    _f("rf_vague_self", "vague self-description",
       r"team player", r"work(?:s)? well (?:independently|alone|under pressure|with others|in teams?)", r"hard[- ]?work(?:er|ing)", r"detail[- ]oriented", r"passionate about",
       r"people person", r"fast learner|quick learner", r"go[- ]getter", r"perfectionist", r"self[- ]starter", r"results[- ]driven", r"think outside the box", r"strong communicator",
       r"(?:I'?m|I am) (?:very )?(?:organi[sz]ed|motivated|driven|adaptable)"),
    _f("rf_generic_why", "a generic or perks-only reason",
       r"(?:I )?love (?:watching |your |the )?(?:netflix|the shows|shows|movies|your shows|your content|binge)", r"binge[- ]?watch\w*", r"(?:big|huge) fan", r"great perks", r"perks",
       r"unlimited (?:vacation|pto|leave)", r"prestigious", r"(?:great|famous|well[- ]known|cool) (?:brand|company)", r"pays? (?:well|top)", r"top of (?:the )?market (?:pay|salary)",
       r"(?:great|good) (?:salary|pay|compensation|benefits)", r"dream (?:company|job)", r"everyone (?:uses|watches|knows) netflix", r"on (?:my|your) resume|cv"),
    _f("rf_blaming", "blaming others",
       r"(?:his|her|their|the team'?s|engineering'?s|my manager'?s|the designer'?s|marketing'?s) fault", r"not my fault", r"wasn'?t my fault",
       r"(?:I|we) blamed? (?:the|my|our|him|her|them|engineering|design|marketing|ops)", r"(?:they|he|she|engineering|marketing|design) (?:was|were|is|are) to blame",
       r"because (?:of )?(?:him|her|them|the engineers|engineering|my manager) (?:didn'?t|never|failed|refused)", r"(?:they|he|she|engineering|the engineers|my manager|the team) (?:didn'?t|never|failed to|refused to) (?:deliver|listen|do|follow|care)",
       r"if (?:they|he|she|engineering|my manager) had (?:listened|done|delivered)", r"(?:they|engineering|the engineers) dropped the ball", r"threw me under",
       r"(?:engineering|the engineers|design|the designers?|marketing|legal|sales|my manager|my boss|the other team|the client|leadership) "
       r"(?:was|were|kept being|had been) (?:too |really |very |just )?(?:slow|late|behind|difficult|unresponsive|disorganized|disorganised)",
       r"(?:engineering|the engineers|the designers?|design|marketing|my manager|leadership|they|the client) kept (?:changing|moving|adding|missing)"),
    _f("rf_denial", "denying a failure",
       r"I (?:don'?t|do not) (?:really |actually )?have (?:a|any) (?:big |real |major |true |significant )?(?:failures?|mistakes?|weakness(?:es)?)",
       r"(?:I'?ve|I have) never (?:really |actually )?(?:failed|had a (?:real |big )?failure|made a (?:real |big )?mistake)",
       r"(?:I )?can'?t (?:really )?think of (?:a|any) (?:real |big )?(?:failures?|mistakes?)",
       r"(?:it|everything|things) (?:was|were|turned out|worked out) (?:fine|ok|okay|all right|alright) in the end",
       r"nothing (?:really )?went wrong", r"(?:it )?wasn'?t really a failure"),
    _f("rf_dont_know", "\"I don't know\"",
       r"I (?:don'?t|do not) (?:really )?know(?! (?:yet|whether|if|which|how much|how many))", r"(?:I have )?no idea",
       r"I'?m not sure (?:what|how|where) to (?:say|start|begin)", r"(?:I )?(?:have|'ve) never (?:thought about|done) (?:this|that|it)"),
]}


class Hit(NamedTuple):  # a named tuple for speed, as text.Sentence and text.Word
    family: str
    start: int
    end: int
    text: str


# The content families that decide whether a sentence says something (the same ones that describe
# which type of answer a text is). Style (fillers, hedges, pronouns, signposts) does not count.
CONTENT_FAMILIES = (
    "number", "when", "i_action", "result", "reflection", "baseline", "culture_theme", "company_fact", "contribution",
    "user", "solution", "segment", "option", "problem_framing", "metric", "dimension", "experiment_design",
    "data_check", "north_star", "guardrail", "tech_concept", "hypothesis", "requirement", "market", "advantage",
    "phase", "arithmetic", "assumption", "range", "breakdown", "tradeoff", "risk", "rollout", "stakeholder",
)

# Content signals that count only in claims. A number is a claim of its own.
CLAIM_FAMILIES = frozenset(CONTENT_FAMILIES) - {"number"}


def _blank(text: str, spans: list) -> str:
    """``text`` with each span's characters turned into spaces (same length, so offsets hold)."""
    if not spans:
        return text
    pieces, pos = [], 0
    for span in spans:
        pieces += [text[pos:span.start], " " * (span.end - span.start)]
        pos = span.end
    pieces.append(text[pos:])
    return "".join(pieces)


class Signals:
    """Lazily finds and caches each family's hits in one document.

    Sentences that repeat an earlier one are ignored, so pasting text again never adds evidence; they
    are blanked out before the patterns run, so a pasted wall of repeats costs no more than one copy.

    With ``known`` (the stems that are not the answer's own: pmprep.analysis.claims), content signals
    count only in claims: a sentence that names topics and says nothing about them earns nothing.
    """

    def __init__(self, doc: Doc, known: frozenset[str] | None = None, shape: frozenset[str] = frozenset()):
        self.doc = doc
        self._known = known
        self._shape = shape
        self._cache: dict[str, list[Hit]] = {}
        self._sentences: dict[str, set[int]] = {}
        self._where: dict[str, list[int]] = {}  # per family, the sentence of each hit (-1: none)
        self.ignored = doc.repeated_sentences()
        self._scanned = _blank(doc.folded, [doc.sentences[i] for i in sorted(self.ignored)])

    def __call__(self, family: str) -> list[Hit]:
        hits = self._cache.get(family)
        if hits is None:
            pattern = FAMILIES[family].pattern
            hits, where = [], []
            sentences, i, last = self.doc.sentences, 0, len(self.doc.sentences)
            for m in pattern.finditer(self._scanned):
                start, end = m.start(), m.end()
                raw = m.group(0)
                # Trim whitespace and list markers so the quoted evidence starts at a word.
                lead = len(raw) - len(raw.lstrip(" \n\t-*•"))
                trail = len(raw) - len(raw.rstrip(" \n\t,"))
                start, end = start + lead, end - trail
                if end > start:
                    # Hits come in order, so the sentence each falls in is found by walking forward.
                    while i < last and sentences[i].end <= start:
                        i += 1
                    index = i if i < last and sentences[i].start <= start else -1
                    if index in self.ignored or (family in CLAIM_FAMILIES and index in self.hollow):
                        continue
                    hits.append(Hit(family, start, end, self.doc.text[start:end]))
                    where.append(index)
            self._cache[family] = hits
            self._where[family] = where
        return hits

    @cached_property
    def hollow(self) -> frozenset[int]:
        """Sentences that are not claims (none unless ``known`` was given)."""
        if self._known is None:
            return frozenset()
        numbered = {index for h, index in zip(self("number"), self._where["number"]) if is_quantity(h.text)}
        return hollow_sentences(self.doc, numbered, self._known, self._shape)

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is not the answer's own: the question's, generic or the rubric's and frameworks'
        vocabulary (never, when no ``known`` stems were given)."""
        return self._known is not None and stem(word.lower()) in self._known

    @cached_property
    def claim_share(self) -> float:
        """The share of the answer's words (repeats left out) that lie in claims."""
        counted = claimed = 0
        for index in self.doc.word_sentences:
            if index >= 0 and index not in self.ignored:
                counted += 1
                claimed += index not in self.hollow
        return claimed / counted if counted else 0.0

    def count(self, family: str) -> int:
        return len(self(family))

    def distinct(self, family: str) -> int:
        return len({h.text.lower() for h in self(family)})

    def in_sentences(self, family: str, sentence_indexes: set[int]) -> list[Hit]:
        hits = self(family)
        return [h for h, index in zip(hits, self._where[family]) if index in sentence_indexes and index >= 0]

    def sentences_with(self, family: str) -> set[int]:
        found = self._sentences.get(family)
        if found is None:
            self(family)
            found = set(self._where[family])
            found.discard(-1)
            self._sentences[family] = found
        return found

    @cached_property
    def informative(self) -> list[int]:
        """Indexes of sentences that carry at least one content signal (not only style)."""
        found: set[int] = set()
        for family in CONTENT_FAMILIES:
            found |= self.sentences_with(family)
        return sorted(found)

    @cached_property
    def informative_words(self) -> int:
        wanted = set(self.informative)
        return sum(1 for index in self.doc.word_sentences if index in wanted)
