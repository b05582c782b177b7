from django.urls import path

from sendready.inspections import views

app_name = "inspections"
urlpatterns = [
    path("areas/<str:area_code>/inspections/", views.inspection_list, name="list"),
]
