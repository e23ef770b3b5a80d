from django.urls import path

from kiemchung.guides import views

app_name = "guides"
urlpatterns = [
    path("guides/", views.staff_list, name="list"),
    path("guides/new/", views.new, name="new"),
    path("guides/<int:guide_id>/", views.detail, name="detail"),
    path("guides/<int:guide_id>/status/", views.change_status, name="status"),
    path("cam-nang/", views.public_list, name="public-list"),
    path("cam-nang/<slug:slug>/", views.public_detail, name="public-detail"),
    path("cam-nang/<slug:slug>/the-chia-se.png", views.card, name="card"),
    path("cam-nang/<slug:slug>/qr.svg", views.qr, name="qr"),
]
