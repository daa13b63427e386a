"""The STAR story bank: stories, their feedback, kinds, coverage, suggestions, outlines and recall.

    from pmprep.stories import StarStory, analyse_story, coverage, suggest_stories
    story = StarStory.from_dict({"id": "s1", "title": "Onboarding rescue", "situation": "…", …})
    analyse_story(story).checks          # plain-word checks per field
    coverage(bank, catalog).gaps         # "No story shows a failure"
    suggest_stories("beh-failure-product-you-owned", bank, catalog)

Pure (no Django): values in, values out; every inference names the words that caused it.
"""

from __future__ import annotations

from pmprep.stories.analysis import (
    FieldEvidence,
    StoryAnalysis,
    StoryCheck,
    StoryCriterion,
    StoryRedFlag,
    analyse_story,
)
from pmprep.stories.coverage import Column, Coverage, Gap, Overuse, columns, coverage
from pmprep.stories.cues import CueHit, KindDef, StoryKinds, load_story_kinds, story_kinds
from pmprep.stories.kinds import (
    KindMatch,
    QuestionKind,
    Reason,
    StoryProfile,
    detect_kinds,
    question_kinds,
    story_profile,
)
from pmprep.stories.outline import outline
from pmprep.stories.recall import REVIEW_KIND, RecallPrompt, recall_prompt
from pmprep.stories.story import STAR_FIELDS, StarStory, StoryError
from pmprep.stories.suggest import Asks, Suggestion, fit, rank, suggest_stories

__all__ = [
    "REVIEW_KIND",
    "Asks",
    "STAR_FIELDS",
    "Column",
    "Coverage",
    "CueHit",
    "FieldEvidence",
    "Gap",
    "KindDef",
    "KindMatch",
    "Overuse",
    "QuestionKind",
    "Reason",
    "RecallPrompt",
    "StarStory",
    "StoryAnalysis",
    "StoryCheck",
    "StoryCriterion",
    "StoryError",
    "StoryKinds",
    "StoryProfile",
    "StoryRedFlag",
    "Suggestion",
    "analyse_story",
    "columns",
    "coverage",
    "detect_kinds",
    "fit",
    "load_story_kinds",
    "outline",
    "question_kinds",
    "rank",
    "recall_prompt",
    "story_kinds",
    "story_profile",
    "suggest_stories",
]
