"""Uploaded evidence files: size and type limits, and names that cannot be executed.

An upload is accepted only if its extension is on the allow-list and its first bytes look
like that kind of file. It is stored under a random name with the allow-listed suffix and
served only as a download (``Content-Disposition: attachment``, ``nosniff``) by a view
that checks permissions, never from a public media URL.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.utils.translation import gettext as _

# Extension → (content type, accepted leading bytes; empty tuple = text checked as UTF-8).
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".txt": ("text/plain", ()),
    ".csv": ("text/csv", ()),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".mp4": ("video/mp4", ()),
}


class UploadRejected(ValueError):
    """An upload that is too big, of a type we do not take, or not what it claims to be."""


def suffix_of(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def stored_name(case_id: int | None, filename: str) -> str:
    return f"evidence/{case_id or 0}/{secrets.token_hex(16)}{suffix_of(filename)}"


def check_upload(
    filename: str,
    head: bytes,
    size: int,
    max_bytes: int,
    allowed: dict[str, tuple[str, tuple[bytes, ...]]] | None = None,
) -> str:
    """Return the content type to record, or raise ``UploadRejected``. ``allowed``: another
    allow-list of the same shape as ``ALLOWED`` (training materials take slides too)."""
    allowed = ALLOWED if allowed is None else allowed
    if size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise UploadRejected(_("the file is larger than %(limit)s MB") % {"limit": limit})
    suffix = suffix_of(filename)
    if suffix not in allowed:
        kind = suffix or _("(none)")
        raise UploadRejected(_("files of type %(kind)s are not accepted") % {"kind": kind})
    content_type, magics = allowed[suffix]
    if suffix == ".mp4":
        if head[4:8] != b"ftyp":
            raise UploadRejected(_("the file does not look like an MP4 video"))
    elif magics and not any(head.startswith(m) for m in magics):
        raise UploadRejected(_("the file does not look like a %(kind)s file") % {"kind": suffix})
    elif not magics and b"\x00" in head:
        raise UploadRejected(_("a text file must not contain binary data"))
    return content_type
