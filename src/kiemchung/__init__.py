"""kiemchung: a self-hosted, Vietnamese-first verification desk."""

__version__ = "0.1.0"
