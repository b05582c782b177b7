"""The audit log's page (in the URL namespace "accounts": see sendready/urls.py)."""

from django.urls import path

from sendready.audit import views

urlpatterns = [
    path("areas/<str:area_code>/audit/", views.audit_log, name="audit_log"),
]
