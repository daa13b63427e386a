"""Spoken practice in the browser: a recording of an answer, heard offline by pmprep.speech, its draft
transcript corrected by the user and judged like a typed answer; delivery figures from the audio; replay
with the words in sync; per-user storage with a limit."""
