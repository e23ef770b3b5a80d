"""Typed readers for settings taken from the environment.

Each reader returns a usable default and records a problem instead of raising, so that
Django's system checks (see ``kiemchung.ops.checks``) can report every malformed value at
start-up with an id and a hint.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


@dataclass
class EnvReader:
    """Reads environment variables and collects the malformed ones."""

    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    problems: list[tuple[str, str]] = field(default_factory=list)

    def text(self, name: str, default: str) -> str:
        file_value = self._from_file(name)
        if file_value is not None:
            return file_value
        return self.environ.get(name, default)

    def boolean(self, name: str, default: bool) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.problems.append((name, f"expected yes/no, true/false, on/off or 1/0, got {raw!r}"))
        return default

    def integer(self, name: str, default: int, minimum: int | None = None) -> int:
        raw = self.environ.get(name)
        if raw is None:
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            self.problems.append((name, f"expected a whole number, got {raw!r}"))
            return default
        if minimum is not None and value < minimum:
            self.problems.append((name, f"must be at least {minimum}, got {value}"))
            return default
        return value

    def number(self, name: str, default: float, minimum: float | None = None) -> float:
        raw = self.environ.get(name)
        if raw is None:
            return default
        try:
            value = float(raw.strip())
        except ValueError:
            self.problems.append((name, f"expected a number, got {raw!r}"))
            return default
        if minimum is not None and value < minimum:
            self.problems.append((name, f"must be at least {minimum}, got {value}"))
            return default
        return value

    def words(self, name: str, default: list[str]) -> list[str]:
        raw = self.environ.get(name)
        if raw is None:
            return list(default)
        return [part.strip() for part in raw.split(",") if part.strip()]

    def _from_file(self, name: str) -> str | None:
        path = self.environ.get(f"{name}_FILE")
        if not path:
            return None
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            self.problems.append((f"{name}_FILE", f"cannot read {path}: {exc.strerror}"))
            return None


def read_or_create_secret(path: Path, nbytes: int = 48) -> str:
    """Return the secret kept in ``path``, creating it (mode 0600) on first use."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use its secret
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value
