"""The evidence deposit package (电子证据存证包): every evidence file of a case, their
SHA-256, capture times and who captured each, and the case's audit events about them,
signed with the issuing user's key, for an electronic-evidence deposit platform to
ingest and a court clerk to check by hand (docs/handoffs.md).

    export_evidence(ctx, "CIIE2026-0001-1", Path("case.zip"))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from fairdesk.db.models import Fair, RespondentCase
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.handoff import handoff_case, handoff_log
from fairdesk.services.inspection import evidence
from fairdesk.services.trust import keys, paper_check, signed_package

Progress = Callable[[int, int], None]

README = """FairDesk signed package / FairDesk 签名材料包

What it holds / 内容
  manifest.json   every file with its SHA-256 and size, and the package's facts
                  清单：每个文件的SHA-256与大小，以及材料包的基本信息
  manifest.sig    Ed25519 signature of manifest.json (64 bytes) / manifest.json 的签名
  signer.pem      the signer's public key / 签名人公钥
  signer.json     the signer, and the root key that certifies the signer's key
                  签名人信息及为其公钥作证的根密钥（指纹印在 FairDesk 出具的每份文书上）
  SHA256SUMS      the same hashes for sha256sum / 供 sha256sum 核对的校验值

Check by hand / 人工核对
  1. sha256sum -c SHA256SUMS          every line must say OK / 每行均应为 OK
  2. openssl pkeyutl -verify -pubin -inkey signer.pem -rawin \\
         -in manifest.json -sigfile manifest.sig
                                      must print "Signature Verified Successfully"
  3. Compare the SHA-256 of SHA256SUMS with its line in manifest.json, and the
     root_fingerprint in signer.json with the one printed on the service center's
     documents. / 核对 SHA256SUMS 的校验值与 manifest.json 一致，signer.json 中的根密钥
     指纹与服务中心文书上印的一致。
  Or: fairdesk verify PACKAGE.zip
"""


@dataclass(frozen=True)
class PackageResult:
    path: Path
    case_number: str
    files: int  # evidence files in it
    package_sha256: str
    key_id: str
    specimen: bool


def root_public_key(session: Session, signer: keys.Signer) -> str:
    """The public key that certifies the signer's: the installation's root, or the demo
    key (its own root) on a demo database."""
    if signer.specimen:
        return signer.key.public_key
    root = keys.root_key(session)
    return root.public_key if root else ""


def read_originals(
    ctx: Context, items: list[handoff_case.CaseEvidence], progress: Progress | None
) -> dict[str, bytes]:
    """Each file's original bytes, checked against its SHA-256 (a damaged or missing file
    stops the package: an authority must never get a file that is not the evidence)."""
    ctx.require(Permission.VIEW)
    out: dict[str, bytes] = {}
    for n, item in enumerate(items, 1):
        out[item.name] = evidence.read_evidence(ctx, item.sha256)
        if progress is not None:
            progress(n, len(items) + 1)
    return out


def seal(
    ctx: Context,
    case_number: str,
    content: Mapping[str, bytes],
    facts: Mapping[str, Any],
    target: Path,
    *,
    kind: str,
    destination: str,
    recipient: str,
    files: int,
) -> PackageResult:
    """Sign the content, write the package, and record the hand-off (row + audit event)
    in one transaction; a package whose record fails is removed again."""
    ctx.require(Permission.ISSUE_DOCUMENT)
    with ctx.db.writing() as session:
        case = case_by_number(session, case_number)
        fair = session.get_one(Fair, case.fair_id)
        signer = keys.signer(session, ctx)
        built = signed_package.build(
            content,
            {**facts, "key_id": signer.key.key_id, "specimen": signer.specimen},
            signer,
            ctx.actor.username,
            root_public_key(session, signer),
        )
        path, digest = signed_package.write(built, target)
        try:
            handoff_log.record(
                session,
                ctx,
                fair=fair,
                case=case,
                kind=kind,
                destination=destination,
                recipient=recipient,
                file_name=path.name,
                package_sha256=digest,
                items=files,
                key_id=signer.key.key_id,
            )
        except Exception:
            if path.is_file():
                path.unlink()
            raise
        return PackageResult(path, case.number, files, digest, signer.key.key_id, signer.specimen)


def package_facts(
    session: Session, ctx: Context, case: RespondentCase, purpose: str
) -> dict[str, Any]:
    fair = session.get_one(Fair, case.fair_id)
    return {
        "purpose": purpose,
        "fair": fair.code,
        "complaint_number": case.complaint.number,
        "case_number": case.number,
        "issued_at": ctx.now().astimezone(ZoneInfo(fair.timezone)).isoformat(),
        "issued_by": ctx.actor.username,
    }


def export_evidence(
    ctx: Context, number: str, target: Path, progress: Progress | None = None
) -> PackageResult:
    """Write the evidence package of case `number` to `target` (a .zip)."""
    ctx.require(Permission.ISSUE_DOCUMENT)
    if Path(target).suffix.lower() != ".zip":
        raise InvalidInput(
            "An evidence package is one ZIP file: give a name ending in .zip ({path}).",
            path=str(target),
        )
    with ctx.db.reading() as session:
        case = case_by_number(session, number)
        paper_check.refuse_if_changed(session, case.complaint)  # never sign a forged row
        zone = session.get_one(Fair, case.fair_id).timezone
        items = handoff_case.case_evidence(session, case)
        if not items:
            raise InvalidInput(
                "Case {number} has no evidence files to deposit.", number=case.number
            )
        events = handoff_case.evidence_events(session, case, {i.sha256 for i in items})
        facts = package_facts(session, ctx, case, "电子证据存证 / evidence deposit")
        entries = handoff_case.evidence_entries(items, zone)
        audit = handoff_case.event_entries(events, zone)
        case_number = case.number
    content = read_originals(ctx, items, progress)
    content |= {
        "README.txt": README.encode(),
        "evidence.json": signed_package.canonical(entries),
        "audit_events.json": signed_package.canonical(audit),
    }
    result = seal(
        ctx,
        case_number,
        content,
        {**facts, "evidence": len(items), "audit_events": len(audit)},
        target,
        kind=handoff_log.EVIDENCE,
        destination=handoff_log.DEPOSIT_PLATFORM,
        recipient="",
        files=len(items),
    )
    if progress is not None:
        progress(len(items) + 1, len(items) + 1)
    return result
