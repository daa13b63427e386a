"""What kind of question is this? Bank questions keep their stored tags; other text is classified.

Two views are combined: cues in the wording that interviewers use for each type ("tell me about a
time…", "how many…", "should Netflix enter…"), and the most similar questions in the bank, whose
types are known. Both are deterministic and need no model download.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pmprep.analysis.feedback import Classification
from pmprep.analysis.text import FUNCTION_WORDS, stem, tokenize
from pmprep.bounded_regex import bounded
from pmprep.catalog import SHIPPED, Catalog, ContentError, Problem, shipped_catalog
from pmprep.catalog.errors import read_content_yaml

# Questions in many interviewers' phrasings, labelled with type and shape: the classifier's own data.
EXAMPLES_FILE = SHIPPED / "classifier_questions.yaml"
TYPES = ("behavioral", "product_design", "strategy", "metrics", "technical", "estimation", "culture")
# What each type tests when no similar bank question says otherwise.
DEFAULT_COMPETENCIES = {
    "behavioral": ["culture_leadership", "strategy_execution"], "culture": ["culture_leadership", "company_awareness"],
    "product_design": ["customer_obsession", "product_design"], "strategy": ["strategy_execution", "company_awareness"],
    "metrics": ["data_literacy", "quantitative_metrics"], "technical": ["technical_judgment", "technical_fluency"],
    "estimation": ["quantitative_metrics", "data_literacy"],
}


def _cues(*pairs: tuple[str, float]) -> list[tuple[re.Pattern[str], float]]:
    return [(bounded(p, re.I), w) for p, w in pairs]


CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "behavioral": _cues(
        (r"\btell me about (?:a|an|the|one) (?:time|situation|moment|occasion|project|decision|product|failure|mistake|conflict)", 6),
        (r"\b(?:describe|share|give (?:me )?an example of|walk me through) (?:a|an|the|one) (?:time|situation|moment|occasion|instance)", 6),
        (r"\ba time (?:when )?(?:you|your)\b", 4), (r"\bhave you ever\b", 4), (r"\bwhen (?:was the last time|have you)\b", 3),
        (r"\bhow did you (?:handle|deal|manage|resolve|respond|decide|approach|convince|get|know|measure)\b", 3),
        (r"\b(?:your|a) (?:biggest|greatest|proudest|hardest|toughest) (?:failure|mistake|achievement|accomplishment|decision|challenge)", 4),
        (r"\b(?:a|the) (?:product|project|feature|launch) you (?:owned|led|launched|shipped|built|managed|are proud of)", 4),
        (r"\btell me about yourself\b|\bwalk me through your (?:resume|cv|background)\b", 4),
        (r"\b(?:you|your team) (?:disagreed|failed|pushed back|changed|pivoted|had to)\b", 2),
        (r"\bwhat did you learn\b", 2), (r"\bin your (?:last|previous|current) (?:role|job)\b", 2),
        (r"\bweakness(?:es)?\b|\bstrengths?\b", 1.5), (r"\bconflict\b|\bdifficult (?:stakeholder|colleague|person)\b", 1.5),
    ),
    "culture": _cues(
        (r"\bwhy (?:do you want to (?:work|join)|netflix|this (?:company|role|team)|us\b|now\b|product management|pm\b)", 6),
        (r"\bwhy (?:are you|would you) (?:interested|leave|join|apply)", 5),
        (r"\bculture (?:memo|deck|doc)\b|\bour culture\b|\bnetflix(?:'s)? culture\b|\bcompany culture\b", 6),
        (r"\bfreedom (?:and|&) responsibility\b|\bcontext,? not control\b|\bkeeper test\b|\bcandou?r\b|\binformed captain\b|\bdisagree (?:and|then) commit\b", 6),
        (r"\bwhich (?:part|value|principle|aspect) of\b", 3), (r"\bvalues?\b", 2),
        (r"\bwhat (?:would|will|can) you (?:bring|contribute)\b|\bfirst (?:30|60|90) days\b", 4),
        (r"\bwhat (?:excites|draws|attracts|interests) you\b|\bwhere do you see yourself\b|\bcareer goals?\b", 4),
        (r"\bfeedback\b", 1.5), (r"\bwork(?:ing)? style\b|\bmanagement style\b|\bhow do you like to (?:work|receive|give|be managed|get)\b", 4),
    ),
    "estimation": _cues(
        (r"\bhow many\b", 5), (r"\bestimate\b|\bguesstimate\b|\bback[- ]of[- ]the[- ]envelope\b|\bballpark\b", 6),
        (r"\bhow much (?:data|bandwidth|storage|money|revenue|traffic|would|does|will|do|is|are|disk|energy|power|time)\b", 5),
        (r"\bsize (?:of )?the (?:market|opportunity)\b|\bmarket size\b|\bsize the\b|\btam\b", 5),
        (r"\bwhat (?:is|would be) the (?:total|number|size|cost)\b", 3), (r"\bcalculate\b|\bper (?:day|month|year|second)\b", 2),
        (r"\bpeak (?:concurrent|traffic|bandwidth|load)\b", 2),
    ),
    "metrics": _cues(
        (r"\bmetrics?\b|\bkpis?\b|\bnorth[- ]star\b", 4), (r"\bmeasure\b|\bmeasuring\b|\bsuccess of\b|\bsuccessful\b", 3),
        (r"\b(?:dropped|declined|fell|decreased|increased|spiked|went (?:down|up)|is down|is up|has dropped|has fallen|has declined)\b", 4),
        (r"\b(?:down|up) (?:by )?\d+(?:\.\d+)?\s?%", 4), (r"\ba/b test\w*|\bexperiment\w*\b|\bab test\w*", 3),
        (r"\bdashboard\b|\bfunnel\b|\bconversion\b|\bretention\b|\bchurn\b|\bengagement\b|\bwatch time\b|\bdau\b|\bmau\b|\barpu\b", 2),
        (r"\bhow would you (?:evaluate|know|tell|determine|decide whether|assess)\b", 2), (r"\binvestigate\b|\bdiagnose\b|\broot cause\b", 2),
        (r"\bgoals?\b", 1),
    ),
    "product_design": _cues(
        (r"\bdesign (?:a|an)\b(?! (?:backend|system|api|service|database|architecture|pipeline|cache|schema))", 4),
        (r"\bhow (?:would|could|should) you improve\b|\bimprove (?:the|our|a|netflix|its)\b", 5),
        (r"\b(?:build|create|launch) (?:a|an) (?:new )?(?:product|feature|app)\b", 4), (r"\bfeatures?\b", 2),
        (r"\bfavou?rite (?:product|app)\b", 6), (r"\bhow would you (?:make|redesign|rethink|reimagine)\b", 4),
        (r"\bwhat (?:would|will) you (?:build|change|add|remove)\b", 3), (r"\buser experience\b|\bux\b|\bonboarding\b|\bexperience for\b", 2),
        (r"\bfor (?:kids|children|families|the blind|blind people|visually impaired|seniors|older adults|students|travell?ers|commuters)\b", 3),
        (r"\bproduct for\b|\bapp for\b", 3), (r"\busers?\b|\bmembers?\b|\bcustomers?\b", 1),
    ),
    "strategy": _cues(
        (r"\bshould (?:netflix|we|the company|google|apple|amazon|meta|microsoft|spotify|uber|disney|youtube|tiktok|\w+) (?:enter|launch|acquire|buy|expand|invest|offer|add|compete|build|get into|move into|start|open|partner|bid|raise|lower|respond|go)", 7),
        (r"\bstrateg(?:y|ic|ies)\b", 4), (r"\bcompet(?:e|ition|itor|itors|itive)\b", 3), (r"\bmarket (?:entry|share|position)\b", 4),
        (r"\bexpand (?:into|to)\b|\benter (?:the|a|new)\b|\bnew markets?\b|\bnext (?:market|country|region)\b", 4),
        (r"\bacquir(?:e|ing)|acquisition\b|\bpartner(?:ship)?s?\b|\bmerger\b", 3), (r"\bpricing\b|\bprice\b|\bbusiness model\b|\bmonetiz|\bmonetis", 3), (r"\bprice (?:a|an|the|its|our)\b", 3),
        (r"\bgo[- ]to[- ]market\b|\bthreat\b|\blong[- ]term\b|\bover the next (?:\w+ )?years?\b|\bfive years\b|\b10 years\b", 3),
        (r"\bads? (?:tier|plan|supported)\b|\badvertis\w+|\bpassword sharing\b|\bpaid sharing\b|\blive sports\b|\bgam(?:es|ing)\b|\bbundl\w+", 2),
        (r"\bhow should (?:netflix|we|the company) respond\b|\bwhere should\b|\binvest\b", 3),
    ),
    "technical": _cues(
        (r"\bhow (?:does|do|would|could|will) (?:a |an |the )?[\w\s'\-]{0,40}\bwork\b", 4), (r"\bexplain (?:how|what|the difference)\b", 3),
        (r"\barchitecture\b|\bsystem design\b|\binfrastructure\b", 5),
        (r"\bdesign (?:the |a |an )?(?:backend|system|api|service|database|architecture|pipeline|cache|schema)\b", 6),
        (r"\bbackend\b|\bapis?\b|\bendpoints?\b|\bserver\w*\b|\bdatabase\w*\b|\bcdns?\b|\bcach(?:e|es|ing)\b|\blatency\b|\bbandwidth\b", 3),
        (r"\bscal(?:e|ing|able|ability)\b|\boutages?\b|\bfailover\b|\bdebug\w*\b|\bbugs?\b|\bcrash\w*\b|\bload\b|\bthroughput\b", 2),
        (r"\bwhat happens when\b|\bunder the hood\b|\btechnical\w*\b|\balgorithm\w*\b|\bdata pipelines?\b|\bmicroservices?\b|\bsql\b|\bencrypt\w*\b|\bsecurity\b", 3),
        (r"\bengineer(?:s|ing)\b|\btech(?:nical)? debt\b|\bon[- ]device\b|\bcloud\b|\bsync\w*\b|\bstreaming protocol\b|\bbitrate\b|\bencoding\b", 2),
    ),
}


@dataclass(frozen=True)
class _Index:
    by_text: dict[str, str]
    vectors: list[tuple[str, dict[str, float], float]]
    idf: dict[str, float]

    def vector(self, text: str) -> tuple[dict[str, float], float]:
        """``text`` as a tf-idf vector over the bank's questions, with its norm (a word no question uses
        weighs as much as the rarest)."""
        unseen = math.log(len(self.vectors) + 1) + 1
        vec = {t: c * self.idf.get(t, unseen) for t, c in _terms(text).items()}
        return vec, math.sqrt(sum(v * v for v in vec.values())) or 1.0


def _nearest(vec: dict[str, float], norm: float, rows, k: int) -> list[tuple[object, float]]:
    """The ``k`` rows (label, vector, norm) closest to ``vec`` by cosine, earliest first among equals."""
    scored = []
    for n, (label, other, other_norm) in enumerate(rows):
        dot = sum(w * other.get(t, 0.0) for t, w in vec.items())
        if dot:
            scored.append((n, label, dot / (norm * other_norm)))
    scored.sort(key=lambda p: (-p[2], p[0]))
    return [(label, similarity) for _, label, similarity in scored[:k]]


def _key(text: str) -> str:
    return " ".join(w.lower for w in tokenize(text))


def _terms(text: str) -> Counter[str]:
    return Counter(stem(w.lower) for w in tokenize(text) if w.lower not in FUNCTION_WORDS and len(w.lower) > 2)


@lru_cache(maxsize=4)
def _index(catalog: Catalog) -> _Index:
    docs = {q.id: _terms(q.text) for q in catalog.questions.values()}
    df: Counter[str] = Counter()
    for terms in docs.values():
        df.update(terms.keys())
    n = len(docs) or 1
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors = []  # in id order, so among equally close questions the smaller id comes first
    for qid, terms in sorted(docs.items()):
        vec = {t: c * idf[t] for t, c in terms.items()}
        vectors.append((qid, vec, math.sqrt(sum(v * v for v in vec.values())) or 1.0))
    return _Index({_key(q.text): q.id for q in catalog.questions.values()}, vectors, idf)


def neighbours(catalog: Catalog, text: str, k: int = 7) -> list[tuple[str, float]]:
    """The bank questions worded most like ``text``, with their cosine (ties: the smaller id first)."""
    index = _index(catalog)
    return _nearest(*index.vector(text), index.vectors, k)


@dataclass(frozen=True)
class Example:
    """A question in another interviewer's phrasing, labelled with its type and answer shape."""

    text: str
    type: str
    shape: str


def load_examples(path: Path) -> tuple[Example, ...]:
    """Read and validate a classifier-examples file; :class:`ContentError` names file, entry and field."""
    from pmprep.analysis.shapes import shipped_shapes

    where, raw = read_content_yaml(path)
    items = raw.get("questions") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise ContentError([Problem(where, None, "questions", "expected a list of questions")])
    shapes = shipped_shapes()
    problems, out, seen = [], [], set()
    for n, item in enumerate(items):
        entry = f"questions[{n}]"
        if not isinstance(item, dict) or set(item) != {"text", "type", "shape"}:
            problems.append(Problem(where, entry, None, "expected the keys text, type and shape"))
            continue
        text, qtype, shape = item["text"], item["type"], item["shape"]
        if not isinstance(text, str) or not 10 <= len(text.strip()) <= 500:
            problems.append(Problem(where, entry, "text", "expected a question of 10 to 500 characters"))
        elif _key(text) in seen:
            problems.append(Problem(where, entry, "text", "the same question appears earlier"))
        if qtype not in TYPES:
            problems.append(Problem(where, entry, "type", f"expected one of {', '.join(TYPES)}"))
        elif shape not in {s.id for s in shapes[qtype]}:
            problems.append(Problem(where, entry, "shape", f"expected one of {qtype}'s shapes: "
                                                           f"{', '.join(s.id for s in shapes[qtype])}"))
        if isinstance(text, str):
            seen.add(_key(text))
            out.append(Example(text.strip(), qtype, shape))
    if problems:
        raise ContentError(problems)
    return tuple(out)


@lru_cache(maxsize=1)
def shipped_examples() -> tuple[Example, ...]:
    return load_examples(EXAMPLES_FILE)


@lru_cache(maxsize=4)
def _example_index(catalog: Catalog) -> list[tuple[Example, dict[str, float], float]]:
    index = _index(catalog)
    return [(example, *index.vector(example.text)) for example in shipped_examples()]


def similar_examples(catalog: Catalog, text: str, k: int = 7) -> list[tuple[Example, float]]:
    """The classifier examples worded most like ``text``, with their cosine (ties: the earlier example first)."""
    return _nearest(*_index(catalog).vector(text), _example_index(catalog), k)


def bank_question(text: str, catalog: Catalog | None = None):
    """The bank question with this id or this exact wording, if any."""
    catalog = catalog or shipped_catalog()
    stripped = text.strip()
    if stripped in catalog.questions:
        return catalog.questions[stripped]
    qid = _index(catalog).by_text.get(_key(stripped))
    return catalog.questions.get(qid) if qid else None


def classify(question: str, catalog: Catalog | None = None) -> Classification:
    """The question's type, competencies and a 0–1 confidence."""
    if not isinstance(question, str):
        raise TypeError("question must be text")
    catalog = catalog or shipped_catalog()
    stored = bank_question(question, catalog)
    if stored is not None:
        return Classification(stored.type.value, list(stored.competencies), 1.0, "bank", stored.id)

    text = question[:5000]
    scores = {t: 0.0 for t in TYPES}
    for qtype, cues in CUES.items():
        for pattern, weight in cues:
            if pattern.search(text):
                scores[qtype] += weight
    near = neighbours(catalog, text)
    for qid, similarity in near:
        scores[catalog.questions[qid].type.value] += 6 * similarity
    # Questions in other interviewers' phrasings (classifier_questions.yaml) vote the same way.
    for example, similarity in similar_examples(catalog, text):
        scores[example.type] += 6 * similarity
    total = sum(scores.values())
    if total <= 0:
        return Classification("product_design", DEFAULT_COMPETENCIES["product_design"], 0.0, "rules")
    best = max(TYPES, key=lambda t: (scores[t], -TYPES.index(t)))
    ranked = sorted(scores.values(), reverse=True)
    margin = (ranked[0] - ranked[1]) / ranked[0] if ranked[0] else 0.0
    confidence = round(min(1.0, 0.5 * scores[best] / total + 0.5 * margin), 3)
    competencies: Counter[str] = Counter()
    for qid, similarity in near:
        q = catalog.questions[qid]
        if q.type.value == best:
            for c in q.competencies:
                competencies[c] += similarity
    chosen = [c for c, _ in competencies.most_common(3)] or DEFAULT_COMPETENCIES[best]
    return Classification(best, chosen, confidence, "rules")
