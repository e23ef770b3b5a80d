from django.urls import path

from kiemchung.org import member_views, views

app_name = "org"
urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("units/<int:unit_id>/members/add", views.member_add, name="member_add"),
    path("members/<int:membership_id>/remove", views.member_remove, name="member_remove"),
    path("members/<int:membership_id>/role", member_views.change_role, name="change_role"),
    path("members/", member_views.directory, name="members"),
    path("members/new/", member_views.account_new, name="account_new"),
    path("members/import/", member_views.members_import, name="members_import"),
    path("members/export.xlsx", member_views.members_export, name="members_export"),
    path("people/<int:person_id>/", member_views.person, name="person"),
    path("people/<int:person_id>/send-link", member_views.send_link, name="send_link"),
    path("people/<int:person_id>/active", member_views.set_active, name="set_active"),
    path(
        "set-password/<uidb64>/<token>/",
        member_views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path(
        "set-password/done/", member_views.SetPasswordDoneView.as_view(), name="set_password_done"
    ),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/new/", views.task_new, name="task_new"),
    path("tasks/remind/", views.remind_now, name="remind"),
    path("tasks/<int:task_id>/", views.task_detail, name="task"),
    path("tasks/<int:task_id>/report", views.task_report, name="task_report"),
    path("task-files/<int:file_id>/", views.task_file, name="task_file"),
]
