from django.urls import path

from pmprep.web.plans import calibration, views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("calibration/", calibration.calibration, name="calibration"),
    path("generate", views.generate, name="generate"),
    path("tick", views.tick, name="tick"),
    path("move", views.move, name="move"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("feed", views.feed_switch, name="feed_switch"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("readiness/", views.readiness_page, name="readiness"),
    path("export.md", views.plan_export, {"kind": "md"}, name="export_md"),
    path("export.pdf", views.plan_export, {"kind": "pdf"}, name="export_pdf"),
    path("report.md", views.report_export, {"kind": "md"}, name="report_md"),
    path("report.pdf", views.report_export, {"kind": "pdf"}, name="report_pdf"),
]
