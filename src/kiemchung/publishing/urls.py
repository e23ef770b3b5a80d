from django.urls import path

from kiemchung.publishing import collaborator, views
from kiemchung.publishing.feeds import FactCheckFeed

app_name = "publishing"
urlpatterns = [
    path("org/collaborator/", collaborator.collaborator, name="collaborator"),
    path("kiem-chung/", views.factcheck_list, name="list"),
    path("kiem-chung/tim-kiem/", views.search, name="search"),
    path("kiem-chung/feed.atom", FactCheckFeed(), name="feed"),
    path("kiem-chung/<int:case_id>/", views.factcheck_detail, name="detail"),
    path("kiem-chung/<int:case_id>/the-chia-se.png", views.factcheck_card, name="card"),
    path("kiem-chung/<int:case_id>/qr.svg", views.factcheck_qr, name="qr"),
    path("kiem-chung/<int:case_id>/ban-in/", views.factcheck_print, name="print"),
    path("kiem-chung/<int:case_id>/ban-in.pdf", views.factcheck_pdf, name="pdf"),
    path("gui-tin/", views.tip_form, name="tip"),
    path("gui-tin/cam-on/", views.tip_thanks, name="thanks"),
    path("tips/", views.tip_list, name="tips"),
    path("tips/<int:tip_id>/dismiss/", views.tip_dismiss, name="tip_dismiss"),
]
