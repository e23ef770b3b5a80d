from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def send_training_reminders() -> int:
    """The periodic job: email the participants of sessions starting soon, once."""
    from kiemchung.training.reminders import send_reminders

    return send_reminders()


class TrainingConfig(AppConfig):
    name = "kiemchung.training"
    label = "training"
    verbose_name = _("Training and outreach")

    def ready(self) -> None:
        from kiemchung.core.periodic import PERIODIC, periodic

        if "send_training_reminders" not in {name for name, _job in PERIODIC}:
            periodic("send_training_reminders")(send_training_reminders)
