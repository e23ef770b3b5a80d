from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "kiemchung.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # Registers the system checks, the pipeline's periodic jobs, the scheduled backup,
        # the per-task log lines and the heartbeat writer.
        from kiemchung.ops import checks, heartbeat, logs, schedule, scheduler  # noqa: F401
