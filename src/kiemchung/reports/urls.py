from django.urls import path

from kiemchung.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:report_id>/", views.detail, name="detail"),
    path("<int:report_id>/texts/", views.texts, name="texts"),
    path("<int:report_id>/status/", views.status, name="status"),
    path("<int:report_id>/issue/", views.issue, name="issue"),
    path("<int:report_id>/quote/", views.quote, name="quote"),
    path("<int:report_id>/download/<str:kind>/", views.download, name="download"),
]
