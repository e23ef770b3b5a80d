from django.urls import path

from kiemchung.web import views

app_name = "web"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("documents/<int:document_id>/", views.document_detail, name="document"),
    path("alerts/<int:alert_id>/status", views.alert_status, name="alert_status"),
    path("search/", views.search, name="search"),
    path("huong-dan/", views.guide, name="guide"),
]
