from django.urls import path

from pmprep.web.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.create, name="create"),
    path("<uuid:uid>/", views.deck, name="deck"),
    path("<uuid:uid>/check", views.check, name="check"),
    path("<uuid:uid>/rehearse", views.rehearse, name="rehearse"),
    path("<uuid:uid>/delete", views.delete, name="delete"),
    path("<uuid:uid>/export.md", views.export, {"fmt": "md"}, name="export_md"),
    path("<uuid:uid>/export.pdf", views.export, {"fmt": "pdf"}, name="export_pdf"),
    path("<uuid:uid>/export.pptx", views.export, {"fmt": "pptx"}, name="export_pptx"),
]
