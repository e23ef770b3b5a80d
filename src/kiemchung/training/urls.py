from django.urls import path

from kiemchung.training import outreach_views, views

app_name = "training"
urlpatterns = [
    path("", views.session_list, name="list"),
    path("new/", views.session_new, name="new"),
    path("calendar/", views.month_calendar, name="calendar"),
    path("<int:session_id>/", views.session_detail, name="detail"),
    path("<int:session_id>/edit/", views.session_edit, name="edit"),
    path("<int:session_id>/attendance", views.attendance, name="attendance"),
    path("<int:session_id>/materials", views.material_add, name="material_add"),
    path("<int:session_id>/delete", views.session_delete, name="delete"),
    path("materials/<int:material_id>/", views.material_download, name="material"),
    path("outreach/", outreach_views.outreach_log, name="outreach"),
    path(
        "outreach/<int:activity_id>/remove", outreach_views.outreach_remove, name="outreach_remove"
    ),
]
