"""The JSON API: POST /api/analyze and POST /api/classify (stateless: nothing is stored)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pmprep.analysis import MAX_ANSWER_CHARS, analyze, classify
from pmprep.analysis.analyzer import MAX_QUESTION_CHARS
from pmprep.analysis.classify import bank_question
from pmprep.analysis.company_files import question_types
from pmprep.analysis.shapes import shape_type, shipped_shapes
from pmprep.config import active_catalog
from pmprep.web import text_workers
from pmprep.web.throttling import api_throttle

MAX_BODY = MAX_ANSWER_CHARS * 4 + 20_000
RETRY_SECONDS = 5
T = TypeVar("T")


def json_error(message: str, status: int = 400, fields: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse({"error": message, "fields": fields or {}}, status=status)


def read_json(request: HttpRequest) -> tuple[dict[str, Any] | None, JsonResponse | None]:
    if request.content_type != "application/json":
        return None, json_error("Send a JSON body with Content-Type: application/json.", 415)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        # The declared length is checked first, so an oversized body is never read.
        body = request.body if declared <= MAX_BODY else None
    except RequestDataTooBig:
        body = None
    if body is None or len(body) > MAX_BODY:
        return None, json_error(f"The request body is over {MAX_BODY:,} bytes.", 413)
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return None, json_error("The request body is not UTF-8.")
    except (json.JSONDecodeError, RecursionError):
        return None, json_error("The request body is not valid JSON.")
    except ValueError:  # an integer of more than 4,300 digits: Python refuses to convert it
        return None, json_error("The request body has a number too long to read.")
    if not isinstance(data, dict):
        return None, json_error("The JSON body must be an object.")
    return data, None


def unknown_fields(data: dict[str, Any], allowed: set[str], fields: dict[str, str]) -> None:
    for name in sorted(set(data) - allowed):
        fields[name] = "is not a known field"


def text_field(data: dict[str, Any], name: str, limit: int, fields: dict[str, str], required: bool = True) -> str:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            fields[name] = "is required"
        return ""
    if not isinstance(value, str):
        fields[name] = "must be a string"
        return ""
    if len(value) > limit:
        fields[name] = f"must be at most {limit:,} characters (got {len(value):,})"
        return ""
    return value


def run_job(job: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T | None, JsonResponse | None]:
    """Run a core text job in the worker processes: its result, or the error to answer with."""
    try:
        return text_workers.run(job, *args, **kwargs), None
    except text_workers.TextWorkError as exc:
        response = json_error(str(exc), 503)
    except ValueError as exc:  # the core's own refusals (AnswerTooLong, MessageTooLong, bad arguments)
        return None, json_error(str(exc))
    response["Retry-After"] = str(RETRY_SECONDS)
    return None, response


# Stateless and read-only: no session or stored data is touched, so there is nothing for CSRF to protect.
@csrf_exempt
@require_POST
@api_throttle
def analyze_view(request: HttpRequest) -> JsonResponse:
    data, problem = read_json(request)
    if problem:
        return problem
    assert data is not None  # read_json gives the body or the error to answer with
    fields: dict[str, str] = {}
    question = text_field(data, "question", MAX_QUESTION_CHARS, fields)
    answer = text_field(data, "answer", MAX_ANSWER_CHARS, fields)
    qtype = data.get("question_type")
    types = question_types()
    if qtype is not None and qtype not in types:
        fields["question_type"] = f"must be one of {', '.join(types)}"
    seconds = data.get("seconds")
    if seconds is not None and (
        isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 < seconds <= 86_400
    ):
        fields["seconds"] = "must be a number of seconds between 0 and 86400"
    shape = data.get("shape")
    if shape is not None:
        owner = shape_type(shape) if isinstance(shape, str) else None
        if owner is None:
            fields["shape"] = "must be one of " + ", ".join(s.id for ss in shipped_shapes().values() for s in ss)
        elif isinstance(qtype, str) and qtype in types and qtype != owner:
            fields["shape"] = f"'{shape}' is a shape of {owner} questions; {qtype}'s are " + ", ".join(
                s.id for s in shipped_shapes()[qtype]
            )
    unknown_fields(data, {"question", "answer", "question_type", "seconds", "shape"}, fields)
    if fields:
        return json_error("The request has invalid fields.", fields=fields)
    asked = bank_question(question, active_catalog()) or question  # a coach's question keeps its own type
    fb, problem = run_job(analyze, asked, answer, question_type=qtype, seconds=seconds, shape=shape)
    if problem:
        return problem
    assert fb is not None  # run_job gives the result or the error to answer with
    return JsonResponse(fb.to_dict())


@csrf_exempt
@require_POST
@api_throttle
def classify_view(request: HttpRequest) -> JsonResponse:
    data, problem = read_json(request)
    if problem:
        return problem
    assert data is not None  # read_json gives the body or the error to answer with
    fields: dict[str, str] = {}
    question = text_field(data, "question", MAX_QUESTION_CHARS, fields)
    unknown_fields(data, {"question"}, fields)
    if fields:
        return json_error("The request has invalid fields.", fields=fields)
    found, problem = run_job(classify, question)
    if problem:
        return problem
    assert found is not None  # run_job gives the result or the error to answer with
    return JsonResponse(found.to_dict())
