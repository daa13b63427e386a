"""A story as a review-queue item: what to recall (its key numbers and lesson) and the answer.

The review queue (:mod:`pmprep.review.schedule`) keys items by kind and key; a story is scheduled
with ``kind=REVIEW_KIND`` and ``key=story.id``, and mixed with questions as a behavioural item.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from pmprep.stories.numbers import key_numbers
from pmprep.stories.story import StarStory

REVIEW_KIND = "story"
REVIEW_TYPE = "behavioral"


@dataclass(frozen=True)
class RecallPrompt:
    kind: str  # always REVIEW_KIND
    key: str  # the story id
    type: str  # the question type the review queue mixes it as
    title: str
    question: str
    numbers: tuple[str, ...]  # from the action, then the result, in order of first appearance
    lesson: str  # the reflection, whitespace collapsed ("" when there is none)
    answer: str  # what to check your recall against

    def to_dict(self) -> dict:
        return asdict(self)


def recall_prompt(story: StarStory) -> RecallPrompt:
    """What to recall about ``story``: its key numbers (action and result) and its lesson (reflection)."""
    numbers = tuple(key_numbers(story.action, story.result))
    lesson = " ".join(story.reflection.split())
    title = story.title.strip()
    if numbers and lesson:
        question = f"What were the key numbers and the lesson of '{title}'?"
    elif numbers:
        question = f"What were the key numbers of '{title}'?"
    elif lesson:
        question = f"What was the lesson of '{title}'?"
    else:
        question = f"Tell '{title}' in STAR order: situation, task, action, result."
    parts = []
    if numbers:
        parts.append(f"Key numbers: {', '.join(numbers)}.")
    if lesson:
        parts.append(f"Lesson: {lesson}")
    if not parts:
        parts.append("This story has no numbers and no lesson yet: add them to the story first.")
    return RecallPrompt(REVIEW_KIND, story.id, REVIEW_TYPE, title, question, numbers, lesson, " ".join(parts))
