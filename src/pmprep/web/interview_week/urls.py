from django.urls import path

from pmprep.web.interview_week import views

app_name = "week"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:ref>/", views.portfolio, name="portfolio"),
    path("<str:ref>/swap", views.swap, name="swap"),
    path("<str:ref>/swaps/clear", views.clear_swaps, name="clear_swaps"),
    path("<str:ref>/names", views.names, name="names"),
    path("<str:ref>/rounds/<str:round_id>/sheet", views.sheet, name="sheet"),
    path("<str:ref>/rounds/<str:round_id>/sheet.md", views.sheet_md, name="sheet_md"),
    path("<str:ref>/rounds/<str:round_id>/sheet.pdf", views.sheet_pdf_view, name="sheet_pdf"),
    path("<str:ref>/rounds/<str:round_id>/questions", views.questions, name="questions"),
]
