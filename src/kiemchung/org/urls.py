from django.urls import path

from kiemchung.org import views

app_name = "org"
urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("units/<int:unit_id>/members/add", views.member_add, name="member_add"),
    path("members/<int:membership_id>/remove", views.member_remove, name="member_remove"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/new/", views.task_new, name="task_new"),
    path("tasks/remind/", views.remind_now, name="remind"),
    path("tasks/<int:task_id>/", views.task_detail, name="task"),
    path("tasks/<int:task_id>/report", views.task_report, name="task_report"),
    path("task-files/<int:file_id>/", views.task_file, name="task_file"),
]
