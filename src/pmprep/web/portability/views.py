"""The "Your data" page: everything the user has, downloaded as one JSON file, or imported from one."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from pmprep.web import downloads, portability
from pmprep.web.portability.forms import ImportForm
from pmprep.web.requests import AuthenticatedRequest
from pmprep.web.speech.models import MB, Recording


def _data_page(
    request: HttpRequest, form: ImportForm, problems: list[str] | None = None, status: int = 200
) -> HttpResponse:
    # "mock_loops" in the file reads "mock loops" on the page.
    counts = [
        (section.name.replace("_", " "), section.model._default_manager.filter(user=request.user).count())
        for section in portability.SECTIONS
    ]
    context = {
        "form": form,
        "counts": counts,
        "problems": problems or [],
        "recordings_mb": Recording.objects.used_bytes(request.user) / MB,
        "recordings_limit_mb": settings.PMPREP_RECORDING_LIMIT_MB,
    }
    return render(request, "portability/data.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def data(request: AuthenticatedRequest) -> HttpResponse:
    """Your data: download everything as JSON, or import an export file."""
    if request.method == "GET":
        return _data_page(request, ImportForm())
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _data_page(request, form, status=400)
    upload = form.cleaned_data["file"]
    try:
        # Read from the uploaded file as a stream (a large upload is on disk), never whole into memory.
        _, summary = portability.import_file(upload, upload.name, user=request.user)
    except portability.ImportProblem as exc:
        problems = exc.problems + (
            [f"… checking stopped after the first {portability.MAX_PROBLEMS} problems"] if exc.stopped else []
        )
        return _data_page(request, ImportForm(), problems=problems, status=400)
    messages.success(request, summary.describe())
    return redirect("portability:data")


@login_required
@require_GET
def export(request: AuthenticatedRequest) -> HttpResponse:
    # "Leave out my recordings" on the Your data page: a smaller file, without the audio.
    document = portability.export_user(request.user, recordings=request.GET.get("without_recordings") != "1")
    name = f"pmprep-{request.user.username}-{timezone.localdate():%Y-%m-%d}.json"
    return downloads.download(portability.dumps(document), name, "application/json; charset=utf-8")
