from django.urls import path

from sendready.pupildata import (
    definitions_view,
    export_views,
    import_views,
    published_views,
    sen2_views,
    views,
)

app_name = "pupildata"
base = "areas/<str:area_code>/data/"
snap = base + "snapshots/<int:snapshot_id>/"
run = base + "import/<int:run_id>/"
urlpatterns = [
    path(base, views.dashboard, name="dashboard"),
    path(snap, views.dashboard, name="snapshot"),
    path(snap + "rows/<str:indicator>/", views.indicator_rows, name="rows"),
    path(snap + "export.xlsx", views.export_xlsx, name="export"),
    path(base + "exports/<int:job_id>/", export_views.export_job, name="export_job"),
    path(
        base + "exports/<int:job_id>/download.xlsx",
        export_views.export_download,
        name="export_download",
    ),
    path(base + "trends/<str:indicator>.svg", views.trend_chart, name="chart"),
    path(base + "schema/", views.schema_page, name="schema"),
    path(base + "definitions/", definitions_view.definitions_page, name="definitions"),
    path(base + "published/", published_views.published_page, name="published"),
    path(base + "template.csv", views.template_csv_download, name="template_csv"),
    path(base + "template.xlsx", views.template_xlsx_download, name="template_xlsx"),
    path(base + "import/", import_views.upload, name="import"),
    path(base + "import/sen2/", sen2_views.upload_sen2, name="import_sen2"),
    path(run, import_views.progress, name="progress"),
    path(run + "progress.json", import_views.progress_json, name="progress_json"),
    path(run + "problems.csv", import_views.problems_csv, name="problems_csv"),
]
