"""The background-job results (``django_tasks_db``) in the administration, in Vietnamese.

The package names its app, model and fields in English with no Vietnamese catalogue;
its admin columns are plain strings. ``JobsConfig`` renames the app, ``ops.admin``
registers the admin again with translated columns, and ``WORDS`` lists the package's
own messages so that ``makemessages`` keeps their translations in our catalogue.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy
from django_tasks_db.apps import TasksAppConfig


class JobsConfig(TasksAppConfig):
    verbose_name = _("Background jobs")  # type: ignore[assignment]


WORDS = (
    gettext_noop("status"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
)
