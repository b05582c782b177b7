from django.urls import path

from sendready.inspections import download_views, outcome_views, task_views, timetable_views, views

app_name = "inspections"
base = "areas/<str:area_code>/inspections/"
one = base + "<int:pk>/"


def _document(file_name: str, kind: str):
    """A download of the inspection's, named for the document it gives (download_views.DOWNLOADS)."""
    return path(one + file_name, download_views.document, {"kind": kind}, name=kind)


urlpatterns = [
    path(base, views.inspection_list, name="list"),
    path(base + "new/", views.inspection_new, name="new"),
    path(one, views.inspection_detail, name="detail"),
    path(one + "countdowns.json", views.inspection_countdowns, name="countdowns"),
    path(one + "dates/", views.inspection_dates, name="dates"),
    path(one + "briefing/", views.inspection_briefing_edit, name="briefing_edit"),
    path(one + "settings/", views.inspection_settings, name="settings"),
    path(one + "conclude/", views.inspection_conclude, name="conclude"),
    path(one + "outcome/", outcome_views.inspection_outcome, name="outcome"),
    path(one + "steps/<str:step_key>/", outcome_views.step_actual, name="step_actual"),
    path(one + "tasks/", task_views.task_list, name="tasks"),
    path(one + "tasks/<int:task_id>/", task_views.task_edit, name="task_edit"),
    path(one + "timetable/", timetable_views.timetable, name="timetable"),
    path(one + "timetable/new/", timetable_views.session_new, name="session_new"),
    path(one + "timetable/<int:session_id>/", timetable_views.session_edit, name="session_edit"),
    path(
        one + "timetable/<int:session_id>/remove/",
        timetable_views.session_delete,
        name="session_delete",
    ),
    path(one + "calendar.ics", download_views.calendar, name="calendar"),
    _document("stakeholder-briefing.docx", "briefing_docx"),
    path(one + "key-message/", download_views.key_message, name="key_message"),
    _document("key-message.docx", "key_message_docx"),
    _document("key-message.pdf", "key_message_pdf"),
    path(
        one + "key-message/easy-read/",
        download_views.key_message_easy_read,
        name="key_message_easy_read",
    ),
    _document("key-message-easy-read.docx", "easy_read_docx"),
    _document("key-message-easy-read.pdf", "easy_read_pdf"),
    _document("stakeholder-briefing.pdf", "briefing_pdf"),
    _document("timetable.docx", "timetable_docx"),
]
