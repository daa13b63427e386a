from django.urls import path

from pmprep.web.outreach import views

app_name = "outreach"
urlpatterns = [
    path("", views.index, name="index"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/<uuid:uid>/", views.contact, name="contact"),
    path("contacts/<uuid:uid>/delete", views.delete, name="delete"),
]
