"""The backup archive: one tar (optionally gzip) with a marker, the content and a manifest.

Layout, in this order::

    kiemchung-backup.json      marker: {"format": "kiemchung-backup", "format_version": 1}
    database/<file>            the database copy (SQLite file or pg_dump custom format)
    secrets/<name>             the installation's secrets (web secret, pseudonym key)
    files/<area>/...           story index, trained models, uploaded evidence
    manifest.json              versions, vendor, schema, and every file's size and SHA-256

The marker comes first so that a foreign archive is refused at its first member; the
manifest comes last so that checksums are taken while the files are streamed in (no file
is read twice, nothing is held in memory).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

FORMAT = "kiemchung-backup"
FORMAT_VERSION = 1
MARKER = "kiemchung-backup.json"
MANIFEST = "manifest.json"
TOP_FOLDERS = frozenset({"database", "secrets", "files"})
CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class ArchiveError(Exception):
    """The archive is damaged, foreign or does not fit this installation."""


@dataclass(frozen=True)
class Entry:
    path: str
    size: int
    sha256: str


@dataclass
class Manifest:
    kiemchung_version: str
    created_at: str
    database_vendor: str
    database_file: str
    schema: dict[str, str]
    files: list[Entry] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ArchiveError("the manifest is not a kiemchung backup manifest")
            if data.get("format_version") != FORMAT_VERSION:
                raise ArchiveError(
                    f"backup format version {data.get('format_version')!r} is not supported "
                    f"(this kiemchung reads version {FORMAT_VERSION})"
                )
            files = [Entry(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in data["files"]]
            return cls(
                kiemchung_version=str(data["kiemchung_version"]),
                created_at=str(data["created_at"]),
                database_vendor=str(data["database_vendor"]),
                database_file=str(data["database_file"]),
                schema={str(k): str(v) for k, v in data["schema"].items()},
                files=files,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ArchiveError(f"the manifest is unreadable: {exc}") from None


def marker() -> bytes:
    return json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION}).encode()


class _HashingReader:
    """Reads a file for tarfile while hashing and counting what went through."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Streams members into a tar and remembers each one's size and checksum."""

    def __init__(self, path: Path, *, gzip: bool) -> None:
        # Closed by close() or abort().
        self.tar = tarfile.open(path, "w:gz") if gzip else tarfile.open(path, "w")  # noqa: SIM115
        self.entries: list[Entry] = []
        self._add_bytes(MARKER, marker())

    def add_file(self, name: str, source: Path) -> Entry:
        with source.open("rb") as handle:
            info = self.tar.gettarinfo(fileobj=handle, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o600
            reader = _HashingReader(handle)
            self.tar.addfile(info, reader)
        entry = Entry(name, reader.size, reader.sha.hexdigest())
        self.entries.append(entry)
        return entry

    def add_bytes(self, name: str, data: bytes) -> Entry:
        self._add_bytes(name, data)
        entry = Entry(name, len(data), hashlib.sha256(data).hexdigest())
        self.entries.append(entry)
        return entry

    def _add_bytes(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(time.time())
        info.mode = 0o600
        self.tar.addfile(info, io.BytesIO(data))

    def close(self, manifest: Manifest) -> None:
        manifest.files = list(self.entries)
        self._add_bytes(MANIFEST, manifest.to_json())
        self.tar.close()

    def abort(self) -> None:
        self.tar.close()


def safe_member_path(name: str) -> PurePosixPath:
    """The member's path if it is a plain relative path under a known folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in path.parts):
        raise ArchiveError(f"unsafe path in archive: {name!r}")
    if len(path.parts) < 2 or path.parts[0] not in TOP_FOLDERS or "\\" in name:
        raise ArchiveError(f"unexpected member in archive: {name!r}")
    return path


def extract_verified(archive: Path, staging: Path) -> Manifest:
    """Stream the archive into ``staging``; return its manifest once every checksum matches.

    Raises ``ArchiveError`` for a foreign, truncated, damaged or tampered archive; nothing
    outside ``staging`` is written.
    """
    if not archive.is_file():
        raise ArchiveError(f"no such file: {archive}")
    try:
        return _extract(archive, staging)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ArchiveError(f"the archive is damaged or truncated ({exc})") from None


def _extract(archive: Path, staging: Path) -> Manifest:
    seen: dict[str, Entry] = {}
    manifest: Manifest | None = None
    with _open_stream(archive) as stream, tarfile.open(fileobj=stream, mode="r|") as tar:
        members = iter(tar)
        _check_marker(tar, next(members, None))
        for member in members:
            if manifest is not None:
                raise ArchiveError("the archive has members after its manifest")
            if member.name == MANIFEST and member.isfile():
                manifest = Manifest.from_json(_read_small(tar, member))
                continue
            if not member.isfile():
                raise ArchiveError(f"unexpected member in archive: {member.name!r}")
            path = safe_member_path(member.name)
            if member.name in seen:
                raise ArchiveError(f"the archive holds {member.name!r} twice")
            seen[member.name] = _stream_out(tar, member, staging / path)
        _drain(stream)
    if manifest is None:
        raise ArchiveError("the archive has no manifest: it is truncated or not a backup")
    _check_entries(manifest, seen)
    return manifest


@contextmanager
def _open_stream(archive: Path) -> Iterator[IO[bytes]]:
    """The archive's bytes, through gzip when it is compressed (gzip checks its CRC and
    length at the end: a lost trailer is noticed, unlike with tarfile's own reader)."""
    with archive.open("rb") as raw:
        if raw.read(2) != GZIP_MAGIC:
            raw.seek(0)
            yield raw
            return
        raw.seek(0)
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield unzipped  # type: ignore[misc]


def _drain(stream: IO[bytes]) -> None:
    """Read to the end, so that a damaged or missing end of the file is noticed too."""
    while stream.read(CHUNK):
        pass


def _check_marker(tar: tarfile.TarFile, member: tarfile.TarInfo | None) -> None:
    if member is None or member.name != MARKER or not member.isfile():
        raise ArchiveError("this file is not a kiemchung backup (no kiemchung-backup.json first)")
    try:
        data = json.loads(_read_small(tar, member))
    except ValueError:
        data = {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveError("this file is not a kiemchung backup (its marker is foreign)")


def _read_small(tar: tarfile.TarFile, member: tarfile.TarInfo, limit: int = 64 << 20) -> bytes:
    if member.size > limit:
        raise ArchiveError(f"{member.name} is too large")
    handle = tar.extractfile(member)
    if handle is None:
        raise ArchiveError(f"cannot read {member.name}")
    return handle.read()


def _stream_out(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> Entry:
    handle = tar.extractfile(member)
    if handle is None:
        raise ArchiveError(f"cannot read {member.name}")
    target.parent.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256()
    size = 0
    with target.open("wb") as out:
        for chunk in _chunks(handle):
            sha.update(chunk)
            size += len(chunk)
            out.write(chunk)
    target.chmod(0o600)
    return Entry(member.name, size, sha.hexdigest())


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK):
        yield chunk


def _check_entries(manifest: Manifest, seen: dict[str, Entry]) -> None:
    listed = {entry.path: entry for entry in manifest.files}
    missing = sorted(set(listed) - set(seen))
    extra = sorted(set(seen) - set(listed))
    if missing or extra:
        raise ArchiveError(
            f"the archive does not match its manifest (missing: {missing[:5]}, "
            f"not listed: {extra[:5]})"
        )
    for name, entry in seen.items():
        expected = listed[name]
        if (entry.size, entry.sha256) != (expected.size, expected.sha256):
            raise ArchiveError(f"checksum mismatch for {name}: the archive was altered or damaged")
    if f"database/{manifest.database_file}" not in listed:
        raise ArchiveError("the archive holds no database copy")


def describe(manifest: Manifest) -> dict[str, Any]:
    """A short summary for the command's output."""
    return {
        "kiemchung_version": manifest.kiemchung_version,
        "created_at": manifest.created_at,
        "database_vendor": manifest.database_vendor,
        "files": len(manifest.files),
        "bytes": sum(entry.size for entry in manifest.files),
    }
