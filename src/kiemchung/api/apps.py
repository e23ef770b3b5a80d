from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kiemchung.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kiemchung.api import webhooks
        from kiemchung.api.idempotency import purge_old
        from kiemchung.core.periodic import periodic

        periodic("webhook_retries")(webhooks.enqueue_due_retries)
        periodic("webhook_overdue_tasks")(webhooks.announce_overdue_tasks)
        periodic("api_idempotency_purge")(purge_old)
