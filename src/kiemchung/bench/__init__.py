"""The benchmarks, over all apps: ``kiemchung bench <name>`` (see README, Benchmarks)."""
