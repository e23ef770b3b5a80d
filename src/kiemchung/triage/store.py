"""Versioned triage models on disk.

Layout::

    folder/
      v0001/  model.joblib  metadata.json
      v0002/  ...

``metadata.json`` says when the model was made, on how many posts, its cross-validation
figures, its feature and training settings and the library versions. A model is written
to a temporary folder first and renamed into place, so a half-written version is never
seen. Model files are pickles: load only folders this installation wrote.

A version written by a newer model format, or by another scikit-learn minor version
(pickles do not travel between them), is refused with a message that says what to do.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import joblib

from kiemchung.triage.model import FORMAT_VERSION, TriageModel

__all__ = [
    "IncompatibleModelError",
    "Version",
    "library_versions",
    "load",
    "load_latest",
    "save",
    "versions",
]

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
_VERSION_RE = re.compile(r"^v(\d{4,})$")


class IncompatibleModelError(RuntimeError):
    """A saved model this installation cannot load."""


@dataclass(frozen=True)
class Version:
    """One saved model: its number, folder and metadata."""

    number: int
    path: Path
    metadata: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def library_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for package in ("scikit-learn", "numpy", "scipy", "joblib", "kiemchung"):
        try:
            out[package] = importlib_metadata.version(package)
        except importlib_metadata.PackageNotFoundError:
            out[package] = "unknown"
    return out


def _minor(version: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", version)[:2]
    return tuple(int(p) for p in parts)


def versions(folder: Path | str) -> list[Version]:
    """The saved versions in a folder, oldest first (folders without metadata skipped)."""
    root = Path(folder)
    if not root.is_dir():
        return []
    found: list[Version] = []
    for child in root.iterdir():
        match = _VERSION_RE.match(child.name)
        meta_path = child / METADATA_FILE
        if not match or not child.is_dir() or not meta_path.is_file():
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.append(Version(int(match.group(1)), child, meta))
    return sorted(found, key=lambda v: v.number)


def save(
    model: TriageModel,
    folder: Path | str,
    cv: Mapping[str, Any] | None = None,
    note: str = "",
) -> Path:
    """Write ``model`` as the next version in ``folder`` and return its path."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    existing = [int(m.group(1)) for p in root.iterdir() if (m := _VERSION_RE.match(p.name))]
    number = max(existing, default=0) + 1
    metadata = {
        "version": number,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "format_version": FORMAT_VERSION,
        "training_size": model.training.get("n"),
        "positives": model.training.get("positives"),
        "cv": dict(cv) if cv is not None else None,
        "threshold": model.threshold,
        "model": {k: v for k, v in model.summary().items() if k not in {"config"}},
        "config": model.config.as_dict(),
        "libraries": library_versions(),
        "note": note,
    }
    staging = Path(tempfile.mkdtemp(prefix=".v-staging-", dir=root))
    try:
        joblib.dump(model, staging / MODEL_FILE, compress=3)
        (staging / METADATA_FILE).write_text(
            json.dumps(metadata, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
        while True:
            target = root / f"v{number:04d}"
            try:
                os.rename(staging, target)
                break
            except OSError:
                if not target.exists():
                    raise
                number += 1  # another process took this number meanwhile
                metadata["version"] = number
                (staging / METADATA_FILE).write_text(
                    json.dumps(metadata, ensure_ascii=False, indent=2, default=str),
                    encoding="utf-8",
                )
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _check(version_path: Path, meta: Mapping[str, Any]) -> None:
    saved_format = int(meta.get("format_version", 0))
    if saved_format > FORMAT_VERSION:
        raise IncompatibleModelError(
            f"{version_path} was written by a newer kiemchung (model format {saved_format}; "
            f"this installation reads format {FORMAT_VERSION} and older). Upgrade kiemchung, "
            "or retrain the triage model with this version."
        )
    saved = str(meta.get("libraries", {}).get("scikit-learn", ""))
    installed = library_versions()["scikit-learn"]
    if saved and installed != "unknown" and _minor(saved) != _minor(installed):
        raise IncompatibleModelError(
            f"{version_path} was trained with scikit-learn {saved}, this installation has "
            f"{installed}: saved models do not carry over between scikit-learn versions. "
            "Retrain the triage model (it takes a few minutes)."
        )


def load(version_path: Path | str) -> TriageModel:
    """Load one saved version (a ``vNNNN`` folder), refusing incompatible ones."""
    path = Path(version_path)
    meta_path = path / METADATA_FILE
    if not meta_path.is_file():
        raise FileNotFoundError(f"{path} has no {METADATA_FILE}: not a saved triage model")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    _check(path, meta)
    model = joblib.load(path / MODEL_FILE)
    if not isinstance(model, TriageModel):
        raise IncompatibleModelError(f"{path / MODEL_FILE} does not hold a triage model")
    if getattr(model, "format_version", 0) > FORMAT_VERSION:
        raise IncompatibleModelError(
            f"{path} holds a model of format {model.format_version}; this installation "
            f"reads format {FORMAT_VERSION}. Upgrade kiemchung or retrain."
        )
    return model


def load_latest(folder: Path | str) -> TriageModel | None:
    """The newest saved version, or None when the folder holds none."""
    found = versions(folder)
    if not found:
        return None
    return load(found[-1].path)
