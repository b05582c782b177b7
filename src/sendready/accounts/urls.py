from django.urls import path

from sendready.accounts import views

app_name = "accounts"
urlpatterns = [
    path("areas/switch/", views.switch_area, name="switch_area"),
    path("areas/<str:area_code>/", views.area_home, name="area_home"),
]
