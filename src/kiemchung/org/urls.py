from django.urls import path

from kiemchung.org import views

app_name = "org"
urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/new/", views.task_new, name="task_new"),
    path("tasks/remind/", views.remind_now, name="remind"),
    path("tasks/<int:task_id>/", views.task_detail, name="task"),
]
