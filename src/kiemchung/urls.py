from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from kiemchung.api.api import api
from kiemchung.ops.health import health
from kiemchung.web.auth import AdminLoginForm, LoginView, LogoutView

admin.site.site_header = _("Kiểm chứng — administration")
admin.site.site_title = _("Kiểm chứng")
admin.site.index_title = _("Administration")
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("healthz", health, name="health"),
    # Clients that ask for /favicon.ico (the admin's old pages, feed readers) get ours.
    path("favicon.ico", RedirectView.as_view(url=static("web/favicon.svg"), permanent=True)),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("api/", include("kiemchung.api.urls")),
    path("cases/", include("kiemchung.cases.urls")),
    path("org/", include("kiemchung.org.urls")),
    path("reports/", include("kiemchung.reports.urls")),
    path("training/", include("kiemchung.training.urls")),
    path("", include("kiemchung.publishing.urls")),
    path("", include("kiemchung.guides.urls")),
    path("", include("kiemchung.web.urls")),
]
