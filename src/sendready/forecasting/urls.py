from django.urls import path

from sendready.forecasting import views

app_name = "forecasting"
urlpatterns = [
    path("forecast/", views.national_table, name="national"),
    path("forecast/forecast.csv", views.table_csv, name="table_csv"),
    path("forecast/forecast.xlsx", views.table_xlsx, name="table_xlsx"),
    path("forecast/regions/<slug:region>/", views.regional_table_page, name="region"),
    path("forecast/local-areas/<str:ons_code>/", views.national_area, name="area_detail"),
    path("forecast/local-areas/<str:ons_code>/chart.svg", views.area_chart, name="area_chart"),
    path("forecast/backtest/", views.backtest_page, name="backtest"),
    path("forecast/import/", views.import_page, name="import"),
    path("areas/<str:area_code>/forecast/", views.area_forecast, name="area_forecast"),
]
