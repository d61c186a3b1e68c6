"""Render every kind of printed document for a demo-like case, as PDF and PNG pictures.

    python docs/documents/make_pictures.py [OUT_DIR] [--dpi 60]

Builds a throwaway SQLite database with a CIIE-like fair, walks one complaint (two
respondents) and two smaller ones through the workflow, issues each kind of document
where it applies, and writes `<kind>.pdf` into a temp folder and `<kind>-<page>.png`
(pdftoppm, from poppler-utils) into OUT_DIR (default: this folder). Prints the render
time of each document.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fairdesk.app_context import SYSTEM  # noqa: E402
from fairdesk.config import use_data_dir  # noqa: E402
from fairdesk.db import migrate  # noqa: E402
from fairdesk.db.engine import Database  # noqa: E402
from fairdesk.domain import materials  # noqa: E402
from fairdesk.domain.enums import Role  # noqa: E402
from fairdesk.domain.normalize import exhibitor_identity  # noqa: E402
from fairdesk.services.paper import documents  # noqa: E402
from fairdesk.services.fair import fairs
from fairdesk.services.trust import users
from fairdesk.services.context import Context  # noqa: E402
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord  # noqa: E402
from fairdesk.services.fair.exhibitors import upsert_exhibitors  # noqa: E402
from fairdesk.services.intake.intake import (  # noqa: E402
    ComplaintInput,
    ExhibitInput,
    PartyInput,
    RespondentInput,
    RightInput,
)
from fairdesk.services.intake.intake import register_complaint as register  # noqa: E402
from fairdesk.services.casework.steps import (  # noqa: E402
    act_on_case,
    act_on_complaint,
    available_steps,
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 5, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


# As the desk types it (the demo's list): the Chinese name, then the English one.
AUTHORITY = "上海市知识产权局 / Shanghai Intellectual Property Administration"

EXHIBITORS = [
    (
        "慕尼黑精工厨房电器有限公司",
        "Munich Precision Kitchen Appliances GmbH",
        "DE-HRB-228811",
        "德国",
        "Germany",
        "4.1",
        "4.1B12",
    ),
    (
        "米兰设计家居股份有限公司",
        "Milano Design Casa S.p.A.",
        "IT-MI-2093311",
        "意大利",
        "Italy",
        "4.1",
        "4.1B20",
    ),
    (
        "大阪生活电器株式会社",
        "Osaka Living Electric Co., Ltd.",
        "JP-0104-01-118822",
        "日本",
        "Japan",
        "4.1",
        "4.1C03",
    ),
]


# Each exhibitor's own contact at the fair (name, phone, e-mail), by booth.
CONTACTS = {
    "4.1B12": ("Anna Schmidt", "+49 89 1234 5678", "expo@munich-kitchen.example"),
    "4.1B20": ("Marco Rossi", "+39 02 8765 4321", "fiera@milano-casa.example"),
    "4.1C03": ("Sato Yuki", "+81 6 6123 4567", "expo@osaka-living.example"),
}


def setup(db: Database, clock: Clock) -> tuple[Context, Context]:
    system = Context(db, SYSTEM, clock)
    users.add_user(system, "admin", Role.ADMIN, "admin-pass-1", "管理员")
    # Signed in, as at the desk: a document is signed with its issuer's own key.
    admin_ctx = users.sign_in(system, "admin", "admin-pass-1")
    users.add_user(admin_ctx, "wang.li", Role.DESK, "desk-pass-1", "王丽")
    users.add_user(admin_ctx, "zhao.qiang", Role.INSPECTOR, "insp-pass-1", "赵强")
    fairs.create_fair(
        admin_ctx,
        "CIIE2026",
        "第九届中国国际进口博览会",
        date(2026, 11, 5),
        date(2026, 11, 10),
        name_en="The 9th China International Import Expo",
        venue="国家会展中心（上海）",
        hours="09:00-17:00",
        rules="cnipa-24h",
        edition=9,
        center_address="国家会展中心（上海）8.2号馆 / NECC Hall 8.2, 333 Songze Avenue",
        center_phone="021-6700 0000",
    )
    with db.writing() as session:
        fair = fairs.fair_by_code(session, "CIIE2026")
        records = [
            ExhibitorRecord(
                row=i + 2,
                name_zh=zh,
                name_en=en,
                credit_code=code,
                country=c,
                country_en=c_en,
                area="消费品展区",
                area_en="Consumer Goods",
                delegation="",
                booths=((hall, booth),),
                contact=CONTACTS[booth][0],
                phone=CONTACTS[booth][1],
                email=CONTACTS[booth][2],
                identity=exhibitor_identity(code, zh, en),
            )
            for i, (zh, en, code, c, c_en, hall, booth) in enumerate(EXHIBITORS)
        ]
        upsert_exhibitors(session, fair.id, records, clock())
    return (
        users.sign_in(system, "wang.li", "desk-pass-1"),
        users.sign_in(system, "zhao.qiang", "insp-pass-1"),
    )


def _jpeg(colour: str, taken: datetime) -> bytes:
    """A small photo with its camera time in EXIF, so the dossier can print when it was taken."""
    import io

    from PIL import Image

    image = Image.new("RGB", (160, 120), colour)
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = (taken + timedelta(hours=8)).strftime("%Y:%m:%d %H:%M:%S")
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _scan() -> bytes:
    """A one-page PDF standing for the scanned patent certificate."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)
    page.drawString(72, 720, "ZL202330123456.7")
    page.save()
    return out.getvalue()


def add_evidence(desk: Context, complaint_no: str, case_no: str) -> None:
    """The photos and papers filed with the complaint, imported as the desk imports them."""
    from fairdesk.services.casework.case_detail import case_detail
    from fairdesk.services.inspection import evidence

    exhibit_id = case_detail(desk, case_no).exhibits[0].id

    taken = desk.now() - timedelta(minutes=20)  # photographed at the booth before filing
    items = [
        ("booth-4.1B12-overview.jpg", _jpeg("lightgray", taken), "展位全景 booth overview",
         "case", case_no),
        ("cm-101-front.jpg", _jpeg("tan", taken), "被控展品正面 accused exhibit, front",
         "exhibit", exhibit_id),
        ("design-patent-ZL202330123456.7.pdf", _scan(), "专利证书 patent certificate",
         "complaint", complaint_no),
    ]  # fmt: skip
    for name, data, caption, owner_type, owner in items:
        evidence.import_file(
            desk, evidence.PhotoInput(name, data), owner_type=owner_type, owner=owner,
            caption=caption,
        )  # fmt: skip


def goods(filed: ComplaintInput, respondent: int) -> str:
    """A respondent's accused exhibits as a note names them ("CM-201、CM-202型智能咖啡机共4件"),
    counted from what was filed, so that the paper never states two numbers for the same goods."""
    exhibits = filed.respondents[respondent].exhibits
    models = "、".join(x.model for x in exhibits)
    name = exhibits[0].name.split(" ")[0]
    return f"{models}型{name}共{sum(x.quantity or 0 for x in exhibits)}件"


def complaint(booths: tuple[str, ...], exhibits: int = 2) -> ComplaintInput:
    received = materials.checklist(["design", "trademark"], agent=True)
    return ComplaintInput(
        complainant=PartyInput(
            "上海示例智能家居科技有限公司",
            "Shanghai Example Smart Home Technology Co., Ltd.",
            id_doc_type="统一社会信用代码",
            id_doc_no="91310000MA1K000000",
            country="中国",
            address="上海市浦东新区张江路 100 号",
            contact="李明",
            phone="021-5555 0100",
        ),
        agent=PartyInput(
            "上海示例知识产权代理有限公司",
            "Shanghai Example IP Agency Ltd.",
            contact="陈律师",
            phone="021-5555 0200",
        ),
        power_of_attorney=True,
        rights=[
            RightInput(
                "design",
                "ZL202330123456.7",
                "智能咖啡机",
                "上海示例智能家居科技有限公司",
                valid_until=date(2038, 5, 1),
            ),
            RightInput(
                "trademark",
                "第 45678901 号",
                "EXAMPLE 图形商标",
                "上海示例智能家居科技有限公司",
                valid_until=date(2031, 12, 31),
            ),
        ],
        respondents=[
            RespondentInput(
                booth=b,
                exhibits=[
                    # Each exhibit is accused under the design patent (a finding names it).
                    ExhibitInput(
                        "智能咖啡机",  # one language in the column (one name per exhibit)
                        f"CM-{i}0{n}",
                        2,
                        rights=["ZL202330123456.7"],
                    )
                    for n in range(1, exhibits + 1)
                ],
            )
            for i, b in enumerate(booths, 1)
        ],
        commitment_signed=True,
        materials=materials.ticks_of(received, [m.key for m in received]),
        summary="被投诉人展出的智能咖啡机外观与投诉人 ZL202330123456.7 号外观设计专利相同，"
        "并在展台宣传材料上使用与投诉人注册商标近似的标识。",
    )


Issued = list[tuple[str, documents.IssuedInfo, float]]


def story(db: Database) -> Issued:
    """Walk the demo cases through the workflow and issue each kind of paper where it
    applies (a test runs this, so the pictures cannot silently stop being made)."""
    clock = Clock()
    desk, inspector = setup(db, clock)
    issued: Issued = []

    def issue(kind: str, number: str, name: str = "", **kw: str) -> None:
        start = time.perf_counter()
        info = documents.issue_document(desk, kind, number, **kw)
        issued.append((name or kind, info, time.perf_counter() - start))
        clock.advance(2)

    filed = complaint(("4.1B12", "4.1B20"))
    reg = register(desk, "CIIE2026", filed)
    issue("complaint-form", reg.number)
    add_evidence(desk, reg.number, reg.case_numbers[0])  # the photos and papers filed with it
    act_on_complaint(desk, reg.number, "accept", authority=AUTHORITY)
    issue("acceptance-receipt", reg.number)
    clock.advance(30)
    act_on_complaint(desk, reg.number, "transfer", authority=AUTHORITY)
    issue("transfer-letter", reg.number)
    case1, case2 = reg.case_numbers
    act_on_case(desk, case1, "notify", service_manner="in_person")
    issue("complaint-notice", case1)
    issue("proof-of-service", case1)
    clock.advance(20)  # the proof of service comes back: handed over 10 minutes ago
    act_on_case(desk, case1, "record_service", served_at=clock() - timedelta(minutes=10))
    clock.advance(100)
    act_on_case(
        desk,
        case1,
        "record_defence",
        summary="被投诉人称该咖啡机系其德国设计团队于 2021 年独立设计，但未提交证据。",
    )
    act_on_case(desk, case1, "begin_review")
    act_on_case(
        desk,
        case1,
        "decide_infringing",
        trigger="merits",
        legal_basis="展会知识产权保护办法 第七条第（三）项；上海市会展业条例 第二十七条",
        reason="被控展品与涉案外观设计整体视觉效果无实质性差异。",
        # The trademark names no exhibit: the claim under it is disposed of as the desk's
        # screen words it.
        other_claims=available_steps(desk, case1).other_claims,
    )
    issue("decision", case1, "decision-complainant", copy="complainant")
    issue("decision", case1, "decision-respondent", copy="respondent")
    act_on_case(
        desk,
        case1,
        "order_remedy",
        measure="detain",
        storage_place="4.1 馆 B 区服务仓库",
        reason=f"撤下{goods(filed, 0)}交由本中心暂存保管",
    )
    issue("remedial-order", case1)
    act_on_case(desk, case1, "record_undertaking")  # the signed order comes back
    issue("detained-items", case1)
    issue("booth-notice", case1)
    clock.advance(90)
    act_on_case(inspector, case1, "request_recheck")
    act_on_case(
        inspector,
        case1,
        "recheck_passed",
        reason="经现场复查，4.1B12展位已无CM-101、CM-102型智能咖啡机展出；"
        "相关展品4件已存放于4.1馆B区服务仓库。",
    )
    issue("recheck-record", case1)
    clock.advance(30)  # the case closes; the exhibits stay in custody until the fair closes
    act_on_case(desk, case1, "close")
    issue("closing-record", case1)
    issue("dossier", case1)
    act_on_case(desk, case2, "notify")
    act_on_case(desk, case2, "start_mediation")
    clock.advance(25)  # the parties talk before they agree
    act_on_case(
        desk,
        case2,
        "settle",
        terms=f"被投诉人当场撤下{goods(filed, 1)}，并书面承诺本届展会期间不再展出；"
        "投诉人撤回对被投诉人的投诉。",
    )
    issue("mediation-record", case2)

    other = register(desk, "CIIE2026", complaint(("4.1C03",), 1))
    act_on_complaint(
        desk,
        other.number,
        "request_supplement",
        missing_items="1. 外观设计专利权评价报告；2. 代理人授权委托书原件及中文译本。",
    )
    issue("supplement-notice", other.number)
    # Not accepted: the only right relied on is an EU trade mark, not registered in China.
    eu_only = complaint(("4.1C03",), 1)
    eu_only.rights = [RightInput("trademark", "EUTM 018123456", "EXAMPLE",
                                 "上海示例智能家居科技有限公司", jurisdiction="EU")]  # fmt: skip
    for respondent in eu_only.respondents:
        for x in respondent.exhibits:
            x.rights = []
    third = register(desk, "CIIE2026", eu_only)
    act_on_complaint(
        desk,
        third.number,
        "reject",
        reason_code="right_not_valid_in_china",
        reason="商标仅在欧盟注册。",
    )
    issue("non-acceptance", third.number)
    fourth = register(desk, "CIIE2026", complaint(("4.1C03",), 1))
    act_on_complaint(desk, fourth.number, "accept")
    (case4,) = fourth.case_numbers
    act_on_case(desk, case4, "notify", service_manner="in_person")
    act_on_case(desk, case4, "record_defence", summary="被投诉人否认侵权，未提交证据。")
    act_on_case(desk, case4, "begin_review")
    act_on_case(
        desk,
        case4,
        "decide_infringing",
        trigger="merits",
        legal_basis="展会知识产权保护办法 第七条第（三）项；上海市会展业条例 第二十七条",
        reason="被控展品与涉案外观设计整体视觉效果无实质性差异。",
        # The trademark names no exhibit: the claim under it is disposed of as the desk's
        # screen words it.
        other_claims=available_steps(desk, case4).other_claims,
    )
    act_on_case(desk, case4, "order_remedy", measure="cover")
    issue("remedial-order", case4, "remedial-order-cover")
    act_on_case(desk, case4, "record_undertaking")
    clock.advance(90)
    act_on_case(inspector, case4, "request_recheck")
    act_on_case(inspector, case4, "recheck_failed", result="redisplayed")
    act_on_case(desk, case4, "escalate", escalation="cancel_participation")
    issue("escalation-notice", case4)
    fifth = register(desk, "CIIE2026", complaint(("4.1C03",), 1))
    act_on_complaint(desk, fifth.number, "accept")
    (case5,) = fifth.case_numbers
    act_on_case(desk, case5, "suspend_display", reason="外观高度近似，先行暂停展出")
    issue("booth-notice", case5, "booth-notice-suspension")
    return issued


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fairdesk-docs-"))
    use_data_dir(tmp)  # the keys' pin and backups: in the throwaway folder, not the user's
    db = Database(f"sqlite:///{tmp / 'demo.sqlite3'}")
    migrate.upgrade(db)
    issued = story(db)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    for name, info, seconds in issued:
        pdf = tmp / f"{name}.pdf"
        pdf.write_bytes(info.pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(args.out / name)], check=True
        )
        pages = len(list(args.out.glob(f"{name}-*.png")))
        size = len(info.pdf) // 1024
        print(f"{name:22s} {info.number}  {pages} page(s)  {seconds * 1000:6.0f} ms  ({size} KiB)")
    db.dispose()
    print(f"PDFs in {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
