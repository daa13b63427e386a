"""What is wrong with an export file, collected up to a limit so a hostile file cannot fill memory with them."""

from __future__ import annotations

MAX_PROBLEMS = 20


class ImportProblem(Exception):
    """The file cannot be imported; `problems` lists each place and what was expected."""

    def __init__(self, source: str, problems: list[str], stopped: bool = False):
        self.source = source
        self.problems = problems[:MAX_PROBLEMS]
        more = ""
        if len(problems) > MAX_PROBLEMS:
            more = f"\n  … and {len(problems) - MAX_PROBLEMS} more"
        elif stopped:
            more = f"\n  … checking stopped after the first {MAX_PROBLEMS} problems"
        self.stopped = stopped
        super().__init__(f"{source} was not imported (nothing was changed):\n  " + "\n  ".join(self.problems) + more)


class TooManyProblems(Exception):
    """Raised by ``Problems.add`` once the limit is reached: checking stops there."""


class Problems:
    """The problems found so far; the one that reaches ``MAX_PROBLEMS`` stops the check."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, problem: str) -> None:
        self.found.append(problem)
        if len(self.found) >= MAX_PROBLEMS:
            raise TooManyProblems

    def __bool__(self) -> bool:
        return bool(self.found)

    def __len__(self) -> int:
        return len(self.found)
