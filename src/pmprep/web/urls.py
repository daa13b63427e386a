from django.urls import include, path

from pmprep.web import site
from pmprep.web.loops import peer
from pmprep.web.outreach.api import outreach_view
from pmprep.web.practice import api

urlpatterns = [
    path("", site.home, name="home"),
    path("healthz", site.health, name="health"),
    path("accounts/", include("pmprep.web.accounts.urls")),
    path("accounts/", include("pmprep.web.portability.urls")),  # "Your data" keeps its address
    path("practice/", include("pmprep.web.practice.urls")),
    path("practice/", include("pmprep.web.review.urls")),  # the Today page keeps its address
    path("loops/", include("pmprep.web.loops.urls")),
    path("stories/", include("pmprep.web.stories.urls")),
    path("cases/", include("pmprep.web.cases.urls")),
    path("outreach/", include("pmprep.web.outreach.urls")),
    path("progress/", include("pmprep.web.progress.urls")),
    path("plan/", include("pmprep.web.plans.urls")),
    path("speech/", include("pmprep.web.speech.urls")),
    path("debrief/", include("pmprep.web.debrief.urls")),
    path("week/", include("pmprep.web.interview_week.urls")),
    path("peer/<str:token>/", peer.interview, name="peer"),
    path("api/analyze", api.analyze_view, name="api-analyze"),
    path("api/classify", api.classify_view, name="api-classify"),
    path("api/outreach", outreach_view, name="api-outreach"),
    path("", include("pmprep.web.bank.urls")),
]

handler404 = "pmprep.web.site.not_found"
handler500 = "pmprep.web.site.server_error"
