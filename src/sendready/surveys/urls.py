from django.urls import path

from sendready.surveys import (
    promotion_views,
    public_views,
    question_views,
    results_views,
    review_views,
    share_views,
    views,
)

app_name = "surveys"
base = "areas/<str:area_code>/surveys/"
one = base + "<int:survey_id>/"
question = one + "questions/<str:key>/"
urlpatterns = [
    # Families' pages first: no account, no area in the address.
    path("s/<str:slug>/", public_views.answer, name="answer"),
    path("s/<str:slug>/thank-you/", public_views.thanks, name="thanks"),
    path(base, views.survey_list, name="list"),
    path(base + "new/", views.survey_new, name="new"),
    path(base + "inspectors-survey/", promotion_views.promotion, name="promotion"),
    path(one, views.survey_detail, name="detail"),
    path(one + "details/", views.survey_edit, name="edit"),
    path(one + "dates/", views.survey_window, name="window"),
    path(one + "send-for-review/", views.survey_send_for_review, name="send_for_review"),
    path(one + "review/", review_views.survey_review, name="review"),
    path(one + "questions/new/", question_views.question_new, name="question_new"),
    path(one + "questions/from-bank/", question_views.bank_add, name="bank_add"),
    path(question, question_views.question_edit, name="question_edit"),
    path(question + "remove/", question_views.question_remove, name="question_remove"),
    path(question + "move/", question_views.question_move, name="question_move"),
    path(one + "share/", share_views.survey_share, name="share"),
    path(one + "qr.svg", share_views.survey_qr, {"kind": "svg"}, name="qr_svg"),
    path(one + "qr.png", share_views.survey_qr, {"kind": "png"}, name="qr_png"),
    path(one + "results/", results_views.survey_results, name="results"),
    path(one + "results/chart/<str:key>.svg", results_views.survey_chart, name="chart"),
    path(
        one + "results/download.csv",
        results_views.survey_export,
        {"kind": "csv"},
        name="export_csv",
    ),
    path(
        one + "results/download.xlsx",
        results_views.survey_export,
        {"kind": "xlsx"},
        name="export_xlsx",
    ),
]
