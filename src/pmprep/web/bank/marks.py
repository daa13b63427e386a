"""What the signed-in user has done with each bank question: answered it, bookmarked it, is due to review it.

One query for a page of questions or the whole bank, however many questions a page shows (never one per
question).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from pmprep.web.bank.models import Bookmark
from pmprep.web.practice.models import Attempt, ReviewCard

# The "Yours" filter of the bank: value -> label.
MINE = {
    "bookmarked": "Bookmarked",
    "answered": "Answered",
    "unanswered": "Not answered yet",
    "due": "Due for review",
}


def _marks_sql(user_id: int, now: datetime, only: list[str] | None) -> tuple[str, list[Any]]:
    """One query for the three marks, as ("a" answered | "b" bookmarked | "d" due, question id) rows.

    Written as SQL because the page shows it on every request: the three ORM querysets it stands for
    (``Attempt.objects.of(user).values_list("question_id")``, the user's ``Bookmark`` ids and their
    question cards due by ``now``) cost the bank list a millisecond of Python to build, this a fifth of
    one. Tables and columns come from the models, and every value is a parameter.
    """
    q = connection.ops.quote_name
    attempts, bookmarks, cards = (q(m._meta.db_table) for m in (Attempt, Bookmark, ReviewCard))
    within = f" AND {{column}} IN ({', '.join(['%s'] * len(only))})" if only is not None else ""
    sql = (
        f"SELECT DISTINCT 'a', {q('question_id')} FROM {attempts}"
        f" WHERE {q('user_id')} = %s AND {q('question_id')} <> ''{within.format(column=q('question_id'))}"
        f" UNION ALL SELECT 'b', {q('question_id')} FROM {bookmarks}"
        f" WHERE {q('user_id')} = %s{within.format(column=q('question_id'))}"
        f" UNION ALL SELECT 'd', {q('key')} FROM {cards}"
        f" WHERE {q('user_id')} = %s AND {q('kind')} = 'question' AND {q('due')} <= %s{within.format(column=q('key'))}"
    )
    ids = only or []
    return sql, [user_id, *ids, user_id, *ids, user_id, connection.ops.adapt_datetimefield_value(now), *ids]


class QuestionMarks(NamedTuple):
    answered: bool
    bookmarked: bool
    due: bool


@dataclass(frozen=True)
class Marks:
    answered: frozenset[str] = frozenset()
    bookmarked: frozenset[str] = frozenset()
    due: frozenset[str] = frozenset()

    @classmethod
    def of(cls, user, now: datetime, only: Collection[str] | None = None) -> Marks:
        """The user's marks on every question, or on the questions ``only`` names (none for a visitor who
        is not signed in)."""
        if not user.is_authenticated or (only is not None and not only):
            return cls()
        found: dict[str, set[str]] = {"a": set(), "b": set(), "d": set()}
        with connection.cursor() as cursor:
            sql, params = _marks_sql(user.pk, now, None if only is None else list(only))
            cursor.execute(sql, params)
            for kind, question_id in cursor.fetchall():
                found[kind].add(question_id)
        return cls(frozenset(found["a"]), frozenset(found["b"]), frozenset(found["d"]))

    def keeps(self, mine: str, question_id: str) -> bool:
        """Whether a question passes the "Yours" filter ``mine`` (a key of MINE, or "" for any)."""
        if mine == "bookmarked":
            return question_id in self.bookmarked
        if mine == "answered":
            return question_id in self.answered
        if mine == "unanswered":
            return question_id not in self.answered
        if mine == "due":
            return question_id in self.due
        return True

    def of_question(self, question_id: str) -> QuestionMarks:
        return QuestionMarks(question_id in self.answered, question_id in self.bookmarked, question_id in self.due)
