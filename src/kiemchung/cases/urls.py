from django.urls import path

from kiemchung.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("open/", views.open_case, name="open"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/print/", views.case_print, name="print"),
    path("<int:case_id>/print.pdf", views.case_pdf, name="pdf"),
    path("<int:case_id>/assign/", views.assign, name="assign"),
    path("<int:case_id>/take/", views.take, name="take"),
    path("<int:case_id>/state/", views.change_state, name="state"),
    path("<int:case_id>/verdict/", views.verdict, name="verdict"),
    path("<int:case_id>/claim/", views.claim, name="claim"),
    path("<int:case_id>/already-checked/", views.already_checked, name="already-checked"),
    path("<int:case_id>/evidence/link/", views.evidence_link, name="evidence-link"),
    path("<int:case_id>/evidence/note/", views.evidence_note, name="evidence-note"),
    path("<int:case_id>/evidence/file/", views.evidence_file, name="evidence-file"),
    path("<int:case_id>/evidence/document/", views.evidence_document, name="evidence-document"),
    path("<int:case_id>/comment/", views.comment, name="comment"),
    path("evidence/<int:evidence_id>/file", views.evidence_download, name="evidence-download"),
]
