from django.urls import path

from pmprep.web.loops import views

app_name = "loops"
urlpatterns = [
    path("", views.index, name="index"),
    path("start", views.start, name="start"),
    path("<uuid:uid>/", views.loop, name="loop"),
    path("<uuid:uid>/delete", views.delete, name="delete"),
    path("<uuid:uid>/export.md", views.export_markdown, name="export_md"),
    path("<uuid:uid>/export.pdf", views.export_pdf, name="export_pdf"),
    path("<uuid:uid>/committee/", views.committee, name="committee"),
    path("<uuid:uid>/committee/informal", views.informal, name="informal"),
    path("<uuid:uid>/committee/referral", views.referral, name="referral"),
    path("<uuid:uid>/rounds/<int:order>/", views.round_page, name="round"),
    path("<uuid:uid>/rounds/<int:order>/clock", views.clock, name="clock"),
    path("<uuid:uid>/rounds/<int:order>/answer", views.answer, name="answer"),
    path("<uuid:uid>/rounds/<int:order>/qa", views.qa, name="qa"),
    path("<uuid:uid>/rounds/<int:order>/finish", views.finish, name="finish"),
    path("<uuid:uid>/rounds/<int:order>/scorecard", views.self_scorecard, name="scorecard"),
    path("<uuid:uid>/rounds/<int:order>/peer-links", views.create_link, name="create_link"),
    path("peer-links/<uuid:uid>/revoke", views.revoke_link, name="revoke_link"),
]
