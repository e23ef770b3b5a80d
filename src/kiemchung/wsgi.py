"""WSGI entry point: `gunicorn kiemchung.wsgi` (and what `kiemchung runserver` serves).

The process loads its models here, before it accepts a request (``web.warmup``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiemchung.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (after the settings module is chosen)

if settings.WARM_UP:
    from kiemchung.web.warmup import warm_up

    warm_up()
