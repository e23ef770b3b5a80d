from django.urls import path

from kiemchung.api import views
from kiemchung.api.channels.views import channel_webhook

app_name = "api-pages"

urlpatterns = [
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("channels/<slug:name>/", channel_webhook, name="channel"),
]
