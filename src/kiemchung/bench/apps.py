from django.apps import AppConfig


class BenchConfig(AppConfig):
    """No models: the app carries the ``kiemchung bench`` command."""

    name = "kiemchung.bench"
    label = "bench"
