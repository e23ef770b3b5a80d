from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def purge_tip_contacts() -> int:
    """The periodic job: delete tipsters' contacts past their retention date."""
    from kiemchung.publishing.services import purge_tip_contacts as purge

    return purge()


class PublishingConfig(AppConfig):
    name = "kiemchung.publishing"
    label = "publishing"
    verbose_name = _("Publishing and tips")

    def ready(self) -> None:
        from kiemchung.core.periodic import PERIODIC, periodic

        if "purge_tip_contacts" not in {name for name, _job in PERIODIC}:
            periodic("purge_tip_contacts")(purge_tip_contacts)
