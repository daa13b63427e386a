"""POST /api/outreach: the outreach checker as JSON (stateless: nothing is stored).

Body reading, field checks and errors are the analyzer API's, so both answer alike.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pmprep.outreach import MAX_MESSAGE_CHARS, Channel, check
from pmprep.web.practice.api import json_error, read_json, run_job, text_field, unknown_fields
from pmprep.web.throttling import api_throttle

CHANNELS = ", ".join(c.value for c in Channel)


# Stateless and read-only, like /api/analyze: there is nothing for CSRF to protect.
@csrf_exempt
@require_POST
@api_throttle
def outreach_view(request: HttpRequest) -> JsonResponse:
    data, problem = read_json(request)
    if problem:
        return problem
    assert data is not None  # read_json gives the body or the error to answer with
    fields: dict[str, str] = {}
    message = text_field(data, "message", MAX_MESSAGE_CHARS, fields)
    if "\x00" in message:
        fields["message"] = "contains a null character; send plain text"
    channel = data.get("channel")
    if channel is not None:
        try:
            if not isinstance(channel, str):
                raise ValueError(channel)
            channel = Channel.parse(channel)
        except ValueError:
            fields["channel"] = f"must be one of {CHANNELS}, or null to infer it from the message"
    unknown_fields(data, {"message", "channel"}, fields)
    if fields:
        return json_error("The request has invalid fields.", fields=fields)
    report, problem = run_job(check, message, channel=channel)
    if problem:
        return problem
    assert report is not None  # run_job gives the result or the error to answer with
    return JsonResponse(report.to_dict())
