from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kiemchung.reports"
    label = "reports"
    verbose_name = _("Period reports")

    def ready(self) -> None:
        from kiemchung.core.periodic import PERIODIC, periodic

        if any(name == "send_report_reminders" for name, _ in PERIODIC):
            return

        @periodic("send_report_reminders")
        def _send_report_reminders() -> int:
            from kiemchung.reports.services import send_report_reminders

            return send_report_reminders()
