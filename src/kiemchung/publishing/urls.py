from django.urls import path

from kiemchung.publishing import views
from kiemchung.publishing.feeds import FactCheckFeed

app_name = "publishing"
urlpatterns = [
    path("kiem-chung/", views.factcheck_list, name="list"),
    path("kiem-chung/tim-kiem/", views.search, name="search"),
    path("kiem-chung/feed.atom", FactCheckFeed(), name="feed"),
    path("kiem-chung/<int:case_id>/", views.factcheck_detail, name="detail"),
    path("gui-tin/", views.tip_form, name="tip"),
    path("gui-tin/cam-on/", views.tip_thanks, name="thanks"),
    path("tips/", views.tip_list, name="tips"),
    path("tips/<int:tip_id>/dismiss/", views.tip_dismiss, name="tip_dismiss"),
]
