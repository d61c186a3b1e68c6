"""Signed packages: files, a manifest of their SHA-256, and the signer's Ed25519 signature.

One layout for every package that leaves FairDesk for an authority or an evidence
platform, checkable without FairDesk (docs/handoffs.md says how):

    manifest.json      what the package holds: every file with its SHA-256 and size,
                       plus the package's own facts (case, who, when, what for)
    manifest.sig       the Ed25519 signature of manifest.json's exact bytes (64 bytes)
    signer.pem         the signer's public key (PEM), for `openssl pkeyutl -verify`
    signer.json        the signer's key id and name, the installation root's certificate
                       of the key, the root's public key and its fingerprint
    SHA256SUMS         the same hashes for `sha256sum -c` (itself listed in the manifest)
    ...                the files

A ZIP is written byte for byte the same way each time (sorted names, stored, fixed
times), so `verify_zip` can rebuild it from its contents and refuse any byte that
differs, even one no member's hash covers (a header, a comment, a time stamp).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fairdesk.documents import signing
from fairdesk.domain.errors import InvalidInput
from fairdesk.services.trust.keys import Signer

MANIFEST, SIGNATURE, SIGNER_PEM, SIGNER_JSON, SUMS = (
    "manifest.json",
    "manifest.sig",
    "signer.pem",
    "signer.json",
    "SHA256SUMS",
)
UNSIGNED = frozenset({MANIFEST, SIGNATURE, SIGNER_PEM, SIGNER_JSON})
FORMAT = "fairdesk-signed-package/1"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed: the same package gives the same bytes
Progress = Callable[[int, int], None]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


@dataclass(frozen=True)
class Built:
    files: dict[str, bytes]  # every member, signature files included
    manifest: dict[str, Any]

    @property
    def manifest_sha256(self) -> str:
        return sha256(self.files[MANIFEST])


def _sums(files: Mapping[str, bytes]) -> bytes:
    lines = [f"{sha256(data)}  {name}\n" for name, data in sorted(files.items())]
    return "".join(lines).encode()


def _signer_files(signer: Signer, username: str) -> dict[str, bytes]:
    public = Ed25519PublicKey.from_public_bytes(signing.raw_public(signer.key.public_key))
    pem = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    info = {
        "key_id": signer.key.key_id,
        "user": username,
        "algorithm": "Ed25519",
        "public_key": signer.key.public_key,
        "root_certificate": signing.b64url(signer.certificate),
        "root_fingerprint": signer.root_fingerprint,
        "specimen": signer.specimen,
    }
    return {SIGNER_PEM: pem, SIGNER_JSON: canonical(info)}


def build(
    content: Mapping[str, bytes],
    facts: Mapping[str, Any],
    signer: Signer,
    username: str,
    root_public_key: str,
) -> Built:
    """Sign `content` (name -> bytes) under a manifest carrying `facts`."""
    files = dict(content)
    files[SUMS] = _sums(files)
    manifest = {
        "format": FORMAT,
        **facts,
        "files": [
            {"name": name, "sha256": sha256(data), "size": len(data)}
            for name, data in sorted(files.items())
        ],
    }
    body = canonical(manifest)
    signer_files = _signer_files(signer, username)
    info = json.loads(signer_files[SIGNER_JSON])
    info["root_public_key"] = root_public_key
    signer_files[SIGNER_JSON] = canonical(info)
    files |= signer_files | {MANIFEST: body, SIGNATURE: signer.private.sign(body)}
    return Built(files, manifest)


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # the same "made on" byte on every system
            z.writestr(info, files[name])
    return out.getvalue()


def write(built: Built, target: Path, progress: Progress | None = None) -> tuple[Path, str]:
    """Write the package as a ZIP (a name ending in .zip) or a folder; returns the path and
    the SHA-256 recorded for the hand-off (of the ZIP, or of the manifest in a folder)."""
    target = Path(target)
    try:
        if target.suffix.lower() == ".zip":
            data = zip_bytes(built.files)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(data)
            partial.replace(target)  # a half-written package never carries the name
            return target, sha256(data)
        if target.exists() and any(target.iterdir()):
            raise InvalidInput(
                "The folder {path} is not empty; choose a new or empty folder.", path=str(target)
            )
        total = len(built.files)
        for n, (name, data) in enumerate(sorted(built.files.items()), 1):
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if progress is not None:
                progress(n, total)
        return target, built.manifest_sha256
    except OSError as exc:
        raise InvalidInput(
            "Cannot write {path}: {reason}.", path=str(target), reason=exc.strerror or str(exc)
        ) from None


# -- checking a package, offline ------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    ok: bool
    problems: tuple[str, ...]
    manifest: dict[str, Any] = field(default_factory=dict)
    signer: dict[str, Any] = field(default_factory=dict)
    files: int = 0

    @property
    def root_fingerprint(self) -> str:
        return str(self.signer.get("root_fingerprint", ""))


def _read_zip(data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if len(set(names)) != len(names):
                raise ValueError("a name appears twice")
            return {name: z.read(name) for name in names}
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, EOFError) as exc:
        raise InvalidInput("This is not a readable package: {reason}.", reason=str(exc)) from None


def _signature_problems(files: Mapping[str, bytes]) -> tuple[list[str], dict[str, Any]]:
    try:
        info = json.loads(files[SIGNER_JSON])
        public_raw = base64.b64decode(info["public_key"], validate=True)
        root_b64 = str(info["root_public_key"])
        certificate = signing.unb64url(str(info["root_certificate"]))
    except (KeyError, ValueError, TypeError) as exc:
        return [f"{SIGNER_JSON} is damaged ({exc})"], {}
    problems = []
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(files[SIGNATURE], files[MANIFEST])
    except (InvalidSignature, ValueError):
        problems.append(f"the signature does not match {MANIFEST}: it was changed after signing")
    if not signing.check_certificate(root_b64, public_raw, certificate):
        problems.append("the signer's key is not certified by the root key the package names")
    if signing.fingerprint(root_b64) != info.get("root_fingerprint"):
        problems.append("the root fingerprint in signer.json is not the root key's")
    pem = files.get(SIGNER_PEM, b"")
    try:
        pem_key = serialization.load_pem_public_key(pem)
        same = (
            isinstance(pem_key, Ed25519PublicKey)
            and pem_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            == public_raw
        )
    except ValueError:
        same = False
    if not same:
        problems.append(f"{SIGNER_PEM} is not the signer's key")
    return problems, info


def check_files(files: Mapping[str, bytes]) -> Check:
    """Check a package's members: signature, certificate, every hash, nothing added."""
    missing = [n for n in (MANIFEST, SIGNATURE, SIGNER_JSON, SIGNER_PEM) if n not in files]
    if missing:
        return Check(False, (f"the package lacks {', '.join(missing)}",))
    problems, info = _signature_problems(files)
    try:
        manifest = json.loads(files[MANIFEST])
        listed = {str(f["name"]): f for f in manifest["files"]}
    except (ValueError, KeyError, TypeError) as exc:
        return Check(False, (*problems, f"{MANIFEST} is damaged ({exc})"), signer=info)
    if manifest.get("format") != FORMAT:
        problems.append(f"{MANIFEST} is not of the format {FORMAT}")
    for name, entry in sorted(listed.items()):
        data = files.get(name)
        if data is None:
            problems.append(f"{name} is listed in the manifest but missing")
        elif sha256(data) != entry.get("sha256") or len(data) != entry.get("size"):
            problems.append(f"{name} does not match its SHA-256 in the manifest")
    extra = sorted(set(files) - set(listed) - UNSIGNED)
    problems += [f"{name} is not listed in the manifest" for name in extra]
    return Check(not problems, tuple(problems), manifest, info, len(listed))


def verify_zip(data: bytes) -> Check:
    """Check a package ZIP offline; any changed byte of the file is refused."""
    files = _read_zip(data)
    result = check_files(files)
    if zip_bytes(files) != data:
        problems = (*result.problems, "the ZIP file is not as FairDesk wrote it (bytes changed)")
        return Check(False, problems, result.manifest, result.signer, result.files)
    return result


def verify_path(path: Path) -> Check:
    """Check a package given as a ZIP file or as the folder it was unpacked into."""
    path = Path(path)
    try:
        if path.is_dir():
            files = {
                p.relative_to(path).as_posix(): p.read_bytes()
                for p in sorted(path.rglob("*"))
                if p.is_file()
            }
            return check_files(files)
        return verify_zip(path.read_bytes())
    except OSError as exc:
        raise InvalidInput(
            "Cannot read {path}: {reason}.", path=str(path), reason=exc.strerror or str(exc)
        ) from None
