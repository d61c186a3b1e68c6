"""A realistic demo history: CIIE-like editions, exhibitors, complaints and their cases.

Everything goes through the real services (fair set-up, exhibitor upsert, intake, workflow
steps), acted by demo users on a controllable clock, so the audit trail, the deadline
clocks and the numbering are exactly what the desk would have produced by hand.

How it works, per edition:
1. *Stories*: each complaint and each respondent case gets a story: the states it should
   pass and end in, and the field values it prefers (`fairdesk.services.demo.story`). The live
   edition first cycles through stories that reach every state reachable before the fair
   closes, so even a small demo shows them all; then stories are drawn by realism weights.
2. *Placement*: each complaint starts at a time its stories fit before the limit (the real
   now for a live fair, the close for a past one), estimated from the step table's shortest
   route and the periods it waits for. Times live on the fair's "open axis" (seconds
   counted only while the fair is open), so a step never falls at night; live placements
   are relative to the real now, so the same seed tells the same stories whatever the time
   of day.
3. *Walking*: all records of the edition move in time order. At its moment each asks the
   services which steps are allowed now (`available_steps`), its walker takes one towards
   the story's next state with fields filled from the step's declaration, and the next
   moment is a few minutes of opening time later, or when a refused step's period runs out.
   No step is named here: the workflow's table decides. Past editions end with every
   still open case handed over to post-fair follow-up, as the table allows after the close.
"""

from __future__ import annotations

import dataclasses
import heapq
import logging
import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairdesk.db.models import Complaint, Exhibitor, RespondentCase
from fairdesk.domain.calendar import FairCalendar
from fairdesk.domain.enums import (
    TERMINAL_CASE_STATES,
    AuthorityKind,
    CaseState,
    Channel,
    ClockKind,
    ComplaintKind,
    ComplaintState,
    DecisionTrigger,
    IPType,
    LicenceType,
    MeasureType,
    RecheckResult,
    RejectReason,
    Role,
)
from fairdesk.domain.errors import FairDeskError, InvalidInput, NotFound
from fairdesk.domain.materials import Material, checklist, missing_text, ticks_of
from fairdesk.domain.normalize import exhibitor_identity, normalize_booth, normalize_credit_code
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, hours_for
from fairdesk.domain.vocabulary import CASE_STATES, COMPLAINT_STATES, Vocabulary
from fairdesk.domain.workflow import Effect, Entity
from fairdesk.services.casework.cases import CaseFilter, count_cases, counts_by_state, list_cases
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.context import Context
from fairdesk.services.demo.demo_floor import living_floor
from fairdesk.services.demo.story import (
    AUTHORITIES,
    NOW,
    Move,
    Story,
    Walker,
    clock_waits,
    route,
    seen,
)
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import calendar_of, create_fair, fair_by_code
from fairdesk.services.intake.intake import (
    ComplaintInput,
    ExhibitInput,
    PartyInput,
    RespondentInput,
    RightInput,
    register_complaint,
)
from fairdesk.services.trust import audit, keys, users

log = logging.getLogger(__name__)

__all__ = ["DEMO_USERS", "DemoClock", "DemoOptions", "create_demo", "demo_fair_codes"]

SH = ZoneInfo("Asia/Shanghai")
CIIE_FIRST_YEAR = 2018  # the 1st CIIE; the demo's edition numbers count from it
LIVE_HOURS = "09:00-18:00"
PAST_HOURS = "09:00-17:00"
LIVE_RULES = "cnipa-24h"
PAST_RULES = ("ciftis-12h", "huabo-4h", "cnipa-24h")  # one year back, two years back, ...
PAST_SHARE = 0.6  # earlier editions get about 60% of the live edition's complaints
RETURNING_SHARE = 0.55  # exhibitors that come back from the previous edition
MAX_OFFENDERS = 40
CORE_OFFENDERS = 4  # found infringing at every edition
VENUE = "国家会展中心（上海） / National Exhibition and Convention Center (Shanghai)"
HALLS = (
    "1.1",
    "1.2",
    "2.1",
    "2.2",
    "3.1",
    "3.2",
    "4.1",
    "4.2",
    "5.1",
    "5.2",
    "6.1",
    "6.2",
    "7.1",
    "7.2",
    "8.1",
    "8.2",
)

# (username, role, display name)
DEMO_USERS: tuple[tuple[str, Role, str], ...] = (
    ("desk1", Role.DESK, "受理员 张敏 / Desk: Zhang Min"),
    ("desk2", Role.DESK, "受理员 李娜 / Desk: Li Na"),
    ("inspector1", Role.INSPECTOR, "巡查员 王磊 / Inspector: Wang Lei"),
    ("organizer1", Role.ORGANIZER, "主办方 陈静 / Organizer: Chen Jing"),
    ("officer1", Role.OFFICER, "知识产权局派驻人员 刘洋 / IP officer: Liu Yang"),
)


@dataclass(frozen=True)
class DemoOptions:
    fair_code: str | None = None  # None: create editions DEMO<year>; else add cases to that fair
    complaints: int = 120  # complaints in the current edition (earlier ones get about 60%)
    editions: int = 3
    exhibitors: int = 3000  # per new demo edition
    seed: int = 8


class DemoClock:
    """The `now` of the demo users' contexts: set to each step's moment before the step."""

    def __init__(self, start: datetime) -> None:
        self._t = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self._t

    def set(self, when: datetime) -> None:
        # UTC, so the audit trail hashes the same time it stores.
        self._t = when.astimezone(UTC)


def demo_fair_codes(today: date, editions: int) -> list[str]:
    """Codes of the demo editions, oldest first: DEMO<year> with the live one this year."""
    return [f"DEMO{today.year - i}" for i in reversed(range(editions))]


# =========================================================================================
# Pools
# =========================================================================================

# key: (zh, en, weight, halls, industries [(zh, en)], products [(zh, en, model prefix)],
#       trademark classes)
AREAS: dict[str, tuple[Any, ...]] = {
    "food": (
        "食品及农产品展区",
        "Food and Agricultural Products",
        25,
        ("1.1", "1.2", "2.1", "2.2"),
        [
            ("食品", "Foods"),
            ("酒业", "Wines"),
            ("乳业", "Dairy"),
            ("咖啡", "Coffee"),
            ("巧克力", "Chocolate"),
            ("橄榄油", "Olive Oil"),
            ("海产", "Seafood"),
            ("肉业", "Meats"),
            ("果业", "Fruits"),
            ("饮料", "Beverages"),
            ("烘焙", "Bakery"),
            ("蜂业", "Honey"),
            ("茶业", "Tea"),
            ("谷物", "Grains"),
        ],
        [
            ("咖啡胶囊", "Coffee capsule", "CP"),
            ("巧克力礼盒", "Chocolate gift box", "CG"),
            ("干红葡萄酒", "Dry red wine", "RW"),
            ("特级初榨橄榄油", "Extra virgin olive oil", "OV"),
            ("婴幼儿配方奶粉", "Infant formula milk powder", "MP"),
            ("麦卢卡蜂蜜", "Manuka honey", "MH"),
            ("黄油曲奇", "Butter cookies", "BC"),
            ("矿泉水", "Mineral water", "MW"),
            ("冻干水果", "Freeze-dried fruit", "FD"),
        ],
        ("29", "30", "32", "33"),
    ),
    "auto": (
        "汽车展区",
        "Automobile",
        8,
        ("7.2", "8.1"),
        [
            ("汽车", "Motors"),
            ("汽车零部件", "Auto Parts"),
            ("电动出行", "E-Mobility"),
            ("轮胎", "Tyres"),
            ("车灯", "Automotive Lighting"),
        ],
        [
            ("铝合金轮毂", "Alloy wheel", "AW"),
            ("LED前大灯", "LED headlamp", "HL"),
            ("交流充电桩", "AC charging pile", "EV"),
            ("行车记录仪", "Dash camera", "DC"),
            ("车载冰箱", "Car fridge", "CF"),
        ],
        ("12", "9"),
    ),
    "tech": (
        "技术装备展区",
        "Intelligent Industry & Information Technology",
        15,
        ("6.1", "6.2", "7.1"),
        [
            ("机器人", "Robotics"),
            ("仪器", "Instruments"),
            ("自动化", "Automation"),
            ("电子", "Electronics"),
            ("精密机械", "Precision Machinery"),
            ("激光", "Laser"),
            ("传感器", "Sensors"),
            ("软件", "Software"),
            ("光学", "Optics"),
            ("无人机", "Drones"),
        ],
        [
            ("协作机器人", "Collaborative robot arm", "CR"),
            ("激光测距仪", "Laser rangefinder", "LR"),
            ("工业传感器", "Industrial sensor", "IS"),
            ("数控刀具", "CNC cutting tool", "CT"),
            ("航拍无人机", "Camera drone", "UAV"),
            ("桌面3D打印机", "Desktop 3D printer", "P3"),
            ("智能门锁", "Smart door lock", "SL"),
        ],
        ("7", "9", "42"),
    ),
    "consumer": (
        "消费品展区",
        "Consumer Goods",
        30,
        ("3.1", "3.2", "4.1", "4.2"),
        [
            ("电器", "Appliances"),
            ("纺织", "Textiles"),
            ("家居", "Home"),
            ("化妆品", "Cosmetics"),
            ("珠宝", "Jewellery"),
            ("钟表", "Watches"),
            ("玩具", "Toys"),
            ("箱包", "Bags"),
            ("运动用品", "Sports"),
            ("厨具", "Cookware"),
            ("照明", "Lighting"),
            ("母婴用品", "Baby Care"),
            ("陶瓷", "Ceramics"),
        ],
        [
            ("电热水壶", "Electric kettle", "EK"),
            ("空气炸锅", "Air fryer", "AF"),
            ("高速吹风机", "High-speed hair dryer", "HD"),
            ("保温杯", "Vacuum flask", "VF"),
            ("双肩背包", "Backpack", "BP"),
            ("跑步鞋", "Running shoe", "RS"),
            ("LED台灯", "LED desk lamp", "DL"),
            ("香水瓶", "Perfume bottle", "PB"),
            ("机械腕表", "Mechanical wristwatch", "MW"),
            ("拼插积木", "Building-block set", "BB"),
            ("不粘煎锅", "Non-stick frying pan", "FP"),
            ("婴儿推车", "Baby stroller", "ST"),
        ],
        ("11", "14", "18", "21", "25", "28", "3"),
    ),
    "medical": (
        "医疗器械及医药保健展区",
        "Medical Equipment & Healthcare",
        12,
        ("5.1", "5.2"),
        [
            ("医疗", "Medical"),
            ("制药", "Pharma"),
            ("生物科技", "Biotech"),
            ("保健品", "Health Products"),
            ("诊断", "Diagnostics"),
            ("牙科", "Dental"),
        ],
        [
            ("血糖仪", "Blood glucose meter", "GM"),
            ("电动牙刷", "Electric toothbrush", "TB"),
            ("按摩椅", "Massage chair", "MC"),
            ("雾化器", "Nebuliser", "NB"),
            ("助听器", "Hearing aid", "HA"),
            ("隐形牙套", "Clear aligner", "CA"),
        ],
        ("5", "10"),
    ),
    "services": (
        "服务贸易展区",
        "Trade in Services",
        10,
        ("8.2",),
        [
            ("物流", "Logistics"),
            ("咨询", "Consulting"),
            ("设计", "Design"),
            ("旅游", "Travel"),
            ("金融服务", "Financial Services"),
            ("检测认证", "Testing & Certification"),
        ],
        [
            ("展台设计方案", "Booth design", "BD"),
            ("宣传画册", "Promotional brochure", "PR"),
            ("品牌吉祥物", "Brand mascot", "MS"),
            ("管理软件", "Management software", "SW"),
        ],
        ("35", "39", "42"),
    ),
}

PREFIXES = (
    ("蓝海", "Blue Ocean"),
    ("先锋", "Pioneer"),
    ("金色", "Golden"),
    ("皇冠", "Crown"),
    ("明亮", "Bright"),
    ("极光", "Aurora"),
    ("顶点", "Vertex"),
    ("天顶", "Zenith"),
    ("流明", "Lumen"),
    ("猎户", "Orion"),
    ("樱花", "Sakura"),
    ("大地", "Terra"),
    ("北极星", "Polaris"),
    ("雪峰", "Snowpeak"),
    ("阿尔卑斯", "Alpine"),
    ("橡树", "Oak"),
    ("枫叶", "Maple"),
    ("海鸥", "Seagull"),
    ("星辰", "Stellar"),
    ("晨曦", "Dawn"),
    ("银河", "Galaxy"),
    ("凤凰", "Phoenix"),
    ("雄狮", "Lion"),
    ("猎鹰", "Falcon"),
    ("翡翠", "Emerald"),
    ("蓝宝石", "Sapphire"),
    ("珊瑚", "Coral"),
    ("橄榄", "Olive"),
    ("葡萄园", "Vineyard"),
    ("山谷", "Valley"),
    ("河畔", "Riverside"),
    ("湖光", "Lakeview"),
    ("森林", "Forest"),
    ("绿野", "Greenfield"),
    ("阳光", "Sunshine"),
    ("彩虹", "Rainbow"),
    ("北风", "Boreal"),
    ("南十字", "Southern Cross"),
    ("地中海", "Mediterranean"),
    ("诺德", "Nordic"),
    ("维京", "Viking"),
    ("北海", "North Sea"),
    ("黑森林", "Black Forest"),
    ("托斯卡纳", "Tuscany"),
    ("普罗旺斯", "Provence"),
    ("安第斯", "Andes"),
    ("精工", "Precision"),
    ("卓越", "Excel"),
    ("远航", "Voyager"),
    ("灯塔", "Lighthouse"),
    ("磐石", "Bedrock"),
    ("锐思", "Insight"),
    ("恒信", "Trust"),
    ("泰和", "Harmony"),
    ("博雅", "Elegance"),
    ("匠心", "Artisan"),
    ("睿智", "Sage"),
    ("新星", "Nova"),
    ("光年", "Lightyear"),
    ("量子", "Quantum"),
    ("原点", "Origin"),
    ("矩阵", "Matrix"),
    ("棱镜", "Prism"),
    ("回声", "Echo"),
    ("脉动", "Pulse"),
    ("远景", "Vista"),
    ("巅峰", "Summit"),
    ("海岸", "Coastline"),
    ("云端", "Cloudtop"),
    ("晶石", "Crystal"),
    ("铂金", "Platinum"),
    ("泰坦", "Titan"),
    ("白桦", "Birch"),
    ("雪松", "Cedar"),
    ("琥珀", "Amber"),
    ("靛蓝", "Indigo"),
    ("朱红", "Vermilion"),
    ("银杏", "Ginkgo"),
)

CN_CITIES = (
    ("上海", "Shanghai", "310115"),
    ("上海", "Shanghai", "310118"),
    ("北京", "Beijing", "110105"),
    ("深圳", "Shenzhen", "440300"),
    ("杭州", "Hangzhou", "330106"),
    ("苏州", "Suzhou", "320505"),
    ("广州", "Guangzhou", "440106"),
    ("宁波", "Ningbo", "330212"),
    ("青岛", "Qingdao", "370212"),
    ("成都", "Chengdu", "510107"),
)

_NAMES = {
    "cn": ("李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽"),
    "ja": ("佐藤 健", "鈴木 一郎", "高橋 美咲", "田中 裕子", "渡辺 翔"),
    "ko": ("김민수", "이지은", "박서준", "최유진"),
    "en": ("John Smith", "Emily Johnson", "Michael Brown", "Sarah Davis", "David Miller"),
    "de": ("Anna Müller", "Thomas Schneider", "Julia Fischer", "Lukas Weber"),
    "fr": ("Jean Dupont", "Marie Laurent", "Pierre Martin", "Camille Bernard"),
    "it": ("Maria Rossi", "Marco Bianchi", "Giulia Romano", "Luca Ricci"),
    "es": ("Carlos García", "Lucía Fernández", "Javier López"),
    "pt": ("João Silva", "Ana Souza", "Pedro Costa"),
    "th": ("Somchai Srisuk", "Nattaya Chaiyaporn"),
    "ms": ("Ahmad bin Ismail", "Tan Mei Ling", "Nur Aisyah"),
    "nl": ("Daan de Vries", "Emma Jansen", "Sanne Bakker"),
    "sv": ("Erik Lindqvist", "Astrid Nilsson"),
    "ru": ("Ivan Petrov", "Olga Smirnova"),
    "vi": ("Nguyễn Văn An", "Trần Thị Mai"),
    "hi": ("Rahul Sharma", "Priya Patel"),
    "tr": ("Mehmet Yılmaz", "Ayşe Demir"),
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(rng: random.Random, region: str) -> str:
    """A unified social credit code (GB 32100-2015) with valid check characters."""
    base = _digits(rng, 8)
    s = sum(int(c) * w for c, w in zip(base, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    org_check = {10: "X", 11: "0"}.get(11 - s % 11, str(11 - s % 11))
    body = "91" + region + base + org_check
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def cn_patent_number(rng: random.Random, year: int, kind: int) -> str:
    """ZL + year + type (1 invention, 2 utility model, 3 design) + serial, and check digit."""
    digits = f"{year}{kind}{rng.randint(1, 2_999_999):07d}"
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    check = sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    return f"ZL{digits}.{'X' if check == 10 else check}"


def _luhn_complete(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return body + str((10 - total % 10) % 10)


_REGNO: dict[str, Callable[[random.Random], str]] = {
    "HK": lambda r: str(r.randint(1_000_000, 3_999_999)),
    "TW": lambda r: _digits(r, 8),
    "JP": lambda r: str(r.randint(1, 9)) + _digits(r, 12),
    "US": lambda r: f"{r.randint(10, 99)}-{_digits(r, 7)}",
    "DE": lambda r: f"HRB{r.randint(10_000, 259_999)}",
    "FR": lambda r: _luhn_complete(str(r.randint(30_000_000, 99_999_999))),
    "IT": lambda r: "IT" + _digits(r, 11),
    "KR": lambda r: f"{r.randint(100, 899)}-{_digits(r, 2)}-{_digits(r, 5)}",
    "GB": lambda r: f"{r.randint(1_000_000, 13_999_999):08d}",
    "AU": lambda r: str(r.randint(11, 99)) + _digits(r, 9),
    "CH": lambda r: f"CHE-{_digits(r, 3)}.{_digits(r, 3)}.{_digits(r, 3)}",
    "TH": lambda r: "0105" + _digits(r, 9),
    "MY": lambda r: f"{r.randint(2000, 2022)}01" + _digits(r, 6),
    "BR": lambda r: f"{_digits(r, 2)}.{_digits(r, 3)}.{_digits(r, 3)}/0001-{_digits(r, 2)}",
    "NL": lambda r: _digits(r, 8),
    "ES": lambda r: "B" + _digits(r, 8),
    "NZ": lambda r: "9429" + _digits(r, 9),
    "CA": lambda r: _digits(r, 9) + "RC0001",
    "CL": lambda r: f"76.{_digits(r, 3)}.{_digits(r, 3)}-{r.choice('0123456789K')}",
    "SG": lambda r: f"{r.randint(2000, 2022)}{_digits(r, 5)}{r.choice('CDEGHKMNRWZ')}",
    "VN": lambda r: "03" + _digits(r, 8),
    "IN": lambda r: f"U{_digits(r, 5)}MH{r.randint(2000, 2020)}PTC{_digits(r, 6)}",
    "ZA": lambda r: f"{r.randint(2000, 2022)}/{_digits(r, 6)}/07",
    "SE": lambda r: f"556{_digits(r, 3)}-{_digits(r, 4)}",
    "DK": lambda r: _digits(r, 8),
    "BE": lambda r: f"0{_digits(r, 3)}.{_digits(r, 3)}.{_digits(r, 3)}",
    "AT": lambda r: f"FN{_digits(r, 6)}{r.choice('abdfghikmpstvwxyz')}",
    "RU": lambda r: "10277" + _digits(r, 8),
    "TR": lambda r: _digits(r, 10),
    "NO": lambda r: "9" + _digits(r, 8),
}

# (code, zh, en, weight, phone code, contact names, [(english legal form, chinese form)])
_CO_LTD = ("Co., Ltd.", "有限公司")
COUNTRIES: tuple[tuple[str, str, str, float, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("CN", "中国", "China", 17, "86", "cn", (_CO_LTD,)),
    ("HK", "中国香港", "Hong Kong, China", 2, "852", "cn", (("Limited", "有限公司"),)),
    ("TW", "中国台湾", "Taiwan, China", 1, "886", "cn", (_CO_LTD,)),
    ("JP", "日本", "Japan", 10, "81", "ja", (("K.K.", "株式会社"), _CO_LTD)),
    (
        "US",
        "美国",
        "United States",
        8,
        "1",
        "en",
        (("Inc.", "公司"), ("LLC", "有限责任公司"), ("Corp.", "公司")),
    ),
    ("DE", "德国", "Germany", 8, "49", "de", (("GmbH", "有限公司"), ("AG", "股份公司"))),
    ("FR", "法国", "France", 6, "33", "fr", (("S.A.S.", "简化股份公司"), ("S.A.", "股份公司"))),
    ("IT", "意大利", "Italy", 6, "39", "it", (("S.p.A.", "股份公司"), ("S.r.l.", "有限公司"))),
    ("KR", "韩国", "Korea", 6, "82", "ko", (("Co., Ltd.", "株式会社"),)),
    ("GB", "英国", "United Kingdom", 4, "44", "en", (("Ltd", "有限公司"), ("PLC", "股份公司"))),
    ("AU", "澳大利亚", "Australia", 5, "61", "en", (("Pty Ltd", "有限公司"),)),
    ("CH", "瑞士", "Switzerland", 3, "41", "de", (("AG", "股份公司"), ("S.A.", "股份公司"))),
    ("TH", "泰国", "Thailand", 3, "66", "th", (_CO_LTD,)),
    ("MY", "马来西亚", "Malaysia", 2, "60", "ms", (("Sdn. Bhd.", "有限公司"),)),
    ("BR", "巴西", "Brazil", 2, "55", "pt", (("Ltda.", "有限公司"),)),
    ("NL", "荷兰", "Netherlands", 2, "31", "nl", (("B.V.", "有限公司"),)),
    ("ES", "西班牙", "Spain", 2, "34", "es", (("S.L.", "有限公司"), ("S.A.", "股份公司"))),
    ("NZ", "新西兰", "New Zealand", 2, "64", "en", (("Limited", "有限公司"),)),
    ("CA", "加拿大", "Canada", 2, "1", "en", (("Inc.", "公司"),)),
    ("CL", "智利", "Chile", 1, "56", "es", (("S.A.", "股份公司"),)),
    ("SG", "新加坡", "Singapore", 2, "65", "en", (("Pte. Ltd.", "私人有限公司"),)),
    ("VN", "越南", "Viet Nam", 1, "84", "vi", (_CO_LTD,)),
    ("IN", "印度", "India", 1, "91", "hi", (("Pvt. Ltd.", "私人有限公司"),)),
    ("ZA", "南非", "South Africa", 1, "27", "en", (("(Pty) Ltd", "有限公司"),)),
    ("SE", "瑞典", "Sweden", 1, "46", "sv", (("AB", "股份公司"),)),
    ("DK", "丹麦", "Denmark", 1, "45", "en", (("A/S", "股份公司"),)),
    ("BE", "比利时", "Belgium", 1, "32", "nl", (("NV", "股份公司"),)),
    ("AT", "奥地利", "Austria", 1, "43", "de", (("GmbH", "有限公司"),)),
    ("RU", "俄罗斯", "Russia", 1, "7", "ru", (("LLC", "有限责任公司"),)),
    ("TR", "土耳其", "Türkiye", 1, "90", "tr", (("A.Ş.", "股份公司"),)),
)
_COUNTRY = {c[0]: c for c in COUNTRIES}
_CHINESE = frozenset({"CN", "HK", "TW"})

# Fictional rights holders: (zh, en, country, area, kind, brand)
COMPLAINANTS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("诺德丽希灯具有限公司", "Nordlicht Leuchten GmbH", "DE", "consumer", "company", "NORDLICHT"),
    ("匠美厨具株式会社", "Takumi Kitchenware Co., Ltd.", "JP", "consumer", "company", "TAKUMI"),
    ("贝尔坎托咖啡股份公司", "Belcanto Caffè S.p.A.", "IT", "food", "company", "BELCANTO"),
    ("索莱娜之家简化股份公司", "Maison Solenne S.A.S.", "FR", "consumer", "company", "SOLENNE"),
    ("韩光电子株式会社", "Hanbit Electronics Co., Ltd.", "KR", "tech", "company", "HANBIT"),
    ("考拉湾乳业有限公司", "Koala Bay Dairy Pty Ltd", "AU", "food", "company", "KOALA BAY"),
    ("阿尔本精密股份公司", "Alpenwerk Präzision AG", "CH", "consumer", "company", "ALPENWERK"),
    ("明波医疗公司", "Brightwave Medical Inc.", "US", "medical", "company", "BRIGHTWAVE"),
    ("维洛拉设计有限公司", "Veloura Design B.V.", "NL", "consumer", "company", "VELOURA"),
    ("安第斯塔酒业股份公司", "Viña Andesita S.A.", "CL", "food", "company", "ANDESITA"),
    ("改善机器人株式会社", "Kaizen Robotics K.K.", "JP", "tech", "company", "KAIZEN"),
    ("枫顿户外用品公司", "Mapleton Outdoor Inc.", "CA", "consumer", "company", "MAPLETON"),
    ("峡湾森海产有限公司", "Fjordsen Seafood AS", "NO", "food", "company", "FJORDSEN"),
    ("林德奎斯特母婴用品股份公司", "Lindqvist Baby AB", "SE", "consumer", "company", "LINDQVIST"),
    ("奥雷里奥汽车配件有限公司", "Aurelio Ricambi S.r.l.", "IT", "auto", "company", "AURELIO"),
    ("绿丘蜂业有限公司", "Greenhill Honey Limited", "NZ", "food", "company", "GREENHILL"),
    (
        "暹罗兰花化妆品有限公司",
        "Siam Orchid Cosmetics Co., Ltd.",
        "TH",
        "consumer",
        "company",
        "SIAM ORCHID",
    ),
    ("卡斯特兰珠宝有限公司", "Castellan Jewels Ltd", "GB", "consumer", "company", "CASTELLAN"),
    ("维塔利斯制药有限公司", "Vitalis Pharma GmbH", "DE", "medical", "company", "VITALIS"),
    ("欧仙纳斯牙科股份公司", "Oceanus Dental S.A.", "ES", "medical", "company", "OCEANUS"),
    ("北极星光学公司", "Polaris Optics Corp.", "US", "tech", "company", "POLARIS"),
    (
        "贝拉维斯塔陶瓷股份公司",
        "Bellavista Ceramica S.p.A.",
        "IT",
        "consumer",
        "company",
        "BELLAVISTA",
    ),
    ("特拉诺瓦食品公司", "Terranova Foods Inc.", "US", "food", "company", "TERRANOVA"),
    (
        "上海澄光照明科技有限公司",
        "Shanghai Chengguang Lighting Technology Co., Ltd.",
        "CN",
        "consumer",
        "company",
        "澄光",
    ),
    (
        "深圳市极峰智能科技有限公司",
        "Shenzhen Jifeng Intelligent Technology Co., Ltd.",
        "CN",
        "tech",
        "company",
        "极峰",
    ),
    ("杭州青禾茶业有限公司", "Hangzhou Qinghe Tea Co., Ltd.", "CN", "food", "company", "青禾"),
    (
        "宁波恒泰电器有限公司",
        "Ningbo Hengtai Electric Appliance Co., Ltd.",
        "CN",
        "consumer",
        "company",
        "恒泰",
    ),
    (
        "北京雅韵文化创意有限公司",
        "Beijing Yayun Cultural Creativity Co., Ltd.",
        "CN",
        "services",
        "company",
        "雅韵",
    ),
    (
        "上海瑞泽医疗器械有限公司",
        "Shanghai Ruize Medical Devices Co., Ltd.",
        "CN",
        "medical",
        "company",
        "瑞泽",
    ),
    (
        "重庆驰远汽车部件有限公司",
        "Chongqing Chiyuan Auto Parts Co., Ltd.",
        "CN",
        "auto",
        "company",
        "驰远",
    ),
    ("莱娜·霍夫曼", "Lena Hoffmann", "DE", "services", "person", "LENA HOFFMANN"),
    ("王晓雯", "Wang Xiaowen", "CN", "consumer", "person", "晓雯设计"),
)

AGENTS: tuple[tuple[str, str, str], ...] = (
    ("上海明理知识产权代理有限公司", "Shanghai Mingli IP Agency Co., Ltd.", "mingli-ip"),
    ("北京正信律师事务所", "Beijing Zhengxin Law Firm", "zhengxin-law"),
    ("上海浦江律师事务所", "Shanghai Pujiang Law Offices", "pujiang-law"),
    ("华智知识产权代理（上海）有限公司", "Huazhi IP Agency (Shanghai) Co., Ltd.", "huazhi-ip"),
    ("长风知识产权律师事务所", "Changfeng IP Law Firm", "changfeng-ip"),
)

COMMERCIAL_PARTIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "上海恒达展览服务有限公司",
        "Shanghai Hengda Exhibition Services Co., Ltd.",
        "company",
        "service",
    ),
    ("苏州佳禾进出口贸易有限公司", "Suzhou Jiahe Import & Export Co., Ltd.", "company", "payment"),
    ("陈建国", "Chen Jianguo", "person", "contract"),
    (
        "浙江优选供应链管理有限公司",
        "Zhejiang Youxuan Supply Chain Management Co., Ltd.",
        "company",
        "contract",
    ),
    ("广州百汇贸易有限公司", "Guangzhou Baihui Trading Co., Ltd.", "company", "quality"),
)
DISPUTES = {
    "service": "展位搭建服务费争议 / Dispute over booth construction fees",
    "payment": "订货定金未退还 / Deposit for an order not refunded",
    "contract": "现场签订的采购合同未履行 / Purchase contract signed at the fair not performed",
    "quality": "展品样品与订货质量不符 / Delivered goods differ from the sample shown",
}

COPYRIGHT_AUTHORITY = "上海市版权局 / Shanghai Copyright Administration"
MARKET_AUTHORITY = (
    "上海市青浦区市场监督管理局 / Qingpu District Administration for Market Regulation"
)
MARKET_RESULT = (
    "已立案查处，没收侵权展品并处罚款 / Case opened; the infringing goods confiscated and a "
    "fine imposed"
)
OFFICER_ORGAN = "上海市知识产权局 / Shanghai Intellectual Property Administration"
IP_NAMES = {
    IPType.INVENTION_PATENT: ("发明专利", "invention patent"),
    IPType.UTILITY_MODEL: ("实用新型专利", "utility model"),
    IPType.DESIGN: ("外观设计专利", "design patent"),
    IPType.TRADEMARK: ("注册商标", "registered trademark"),
    IPType.COPYRIGHT: ("著作权", "copyright"),
    IPType.OTHER: ("地理标志", "geographical indication"),
}
AREA_IP_TYPES = {
    "food": (IPType.TRADEMARK, IPType.TRADEMARK, IPType.DESIGN, IPType.COPYRIGHT, IPType.OTHER),
    "auto": (IPType.DESIGN, IPType.UTILITY_MODEL, IPType.INVENTION_PATENT, IPType.TRADEMARK),
    "tech": (IPType.INVENTION_PATENT, IPType.UTILITY_MODEL, IPType.DESIGN, IPType.COPYRIGHT),
    "consumer": (
        IPType.DESIGN,
        IPType.DESIGN,
        IPType.UTILITY_MODEL,
        IPType.TRADEMARK,
        IPType.INVENTION_PATENT,
        IPType.COPYRIGHT,
    ),
    "medical": (IPType.INVENTION_PATENT, IPType.UTILITY_MODEL, IPType.TRADEMARK, IPType.DESIGN),
    "services": (IPType.COPYRIGHT, IPType.COPYRIGHT, IPType.TRADEMARK),
}
FEATURES = (
    ("防干烧结构", "dry-boil protection structure"),
    ("快拆连接机构", "quick-release coupling"),
    ("散热组件", "heat-dissipation assembly"),
    ("密封结构", "sealing structure"),
    ("控制方法", "control method"),
    ("折叠机构", "folding mechanism"),
    ("定位装置", "positioning device"),
    ("降噪结构", "noise-reduction structure"),
)


# =========================================================================================
# Exhibitors
# =========================================================================================


@dataclass
class _Company:
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    country_en: str
    area: str  # AREAS key
    delegation: str
    contact: str
    phone: str
    email: str


@dataclass
class _Ex:
    """One exhibitor of one edition (id known after the upsert)."""

    company: _Company
    booths: tuple[tuple[str, str], ...]
    id: int = 0
    offender: bool = False

    @property
    def booth(self) -> str:
        return self.booths[0][1] if self.booths else ""


def _lower(text: str) -> str:
    """ "Electric kettle" -> "electric kettle", but "LED desk lamp" keeps its acronym."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _a(text: str) -> str:
    return ("an " if text[:1].lower() in "aeio" else "a ") + text


def _phone(rng: random.Random, cc: str) -> str:
    if cc == "86":
        return (
            f"+86 1{rng.choice('3456789')}{rng.randint(0, 9)} {_digits(rng, 4)} {_digits(rng, 4)}"
        )
    return f"+{cc} {rng.randint(10, 99)} {_digits(rng, 4)} {_digits(rng, 4)}"


def _weighted(rng: random.Random, table: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]


class _CompanyFactory:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.codes: set[str] = set()
        self.names: set[tuple[str, str]] = set()
        self.serial = 0
        self.countries = [(c, c[3]) for c in COUNTRIES]
        self.areas = [(k, v[2]) for k, v in AREAS.items()]

    def _code(self, country: str, region: str) -> str:
        while True:
            raw = uscc(self.rng, region) if country == "CN" else _REGNO[country](self.rng)
            code = normalize_credit_code(raw)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def make(self, area: str | None = None, country: str | None = None) -> _Company:
        rng = self.rng
        c = _COUNTRY[country] if country else _weighted(rng, self.countries)
        code, zh_country, en_country, _, phone_cc, names, forms = c
        area = area or _weighted(rng, self.areas)
        industries = AREAS[area][4]
        city_zh, city_en, region = rng.choice(CN_CITIES)
        for attempt in range(30):
            p_zh, p_en = rng.choice(PREFIXES)
            i_zh, i_en = rng.choice(industries)
            form_en, form_zh = rng.choice(forms)
            if code == "CN":
                tech = "科技" if rng.random() < 0.3 else ""
                name_zh = f"{city_zh}{p_zh}{i_zh}{tech}{form_zh}"
                name_en = f"{city_en} {p_en} {i_en}{' Technology' if tech else ''} {form_en}"
            else:
                name_zh = f"{p_zh}{i_zh}{form_zh}"
                name_en = f"{p_en} {i_en} {form_en}"
            if (name_zh, name_en) not in self.names or attempt == 29:
                break
        self.names.add((name_zh, name_en))
        self.serial += 1
        slug = f"{p_en}-{i_en}".lower().replace(" & ", "-").replace(" ", "").replace("&", "")
        local = rng.choice(("contact", "info", "sales", "ciie", "expo", "ip"))
        delegation = ""
        if code not in _CHINESE and rng.random() < 0.35:
            delegation = f"{zh_country}国家馆 / {en_country} Pavilion"
        elif code == "HK" and rng.random() < 0.5:
            delegation = "中国香港馆 / Hong Kong Pavilion"
        phone = _phone(rng, phone_cc)
        return _Company(
            name_zh=name_zh,
            name_en=name_en,
            credit_code=self._code(code, region),
            country=zh_country,
            country_en=en_country,
            area=area,
            delegation=delegation,
            contact=rng.choice(_NAMES[names]),
            phone=phone,
            email=f"{local}{self.serial}@{slug}.example",
        )


class _BoothAllocator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def booth(self, area: str) -> tuple[str, str]:
        rng = self.rng
        for _ in range(200):
            hall = rng.choice(AREAS[area][3])
            no = f"{hall}{rng.choice('ABCDEFGH')}{rng.randint(1, 9)}-{rng.randint(1, 60):02d}"
            if no not in self.used:
                break
        else:  # a very full area: any hall
            while True:
                hall = rng.choice(HALLS)
                no = f"{hall}{rng.choice('ABCDEFGHJK')}{rng.randint(1, 9)}-{rng.randint(1, 99):02d}"
                if no not in self.used:
                    break
        self.used.add(no)
        return hall, normalize_booth(no)


def _record(ex: _Ex, row: int) -> ExhibitorRecord:
    c = ex.company
    area_zh, area_en = AREAS[c.area][0], AREAS[c.area][1]
    return ExhibitorRecord(
        row=row,
        name_zh=c.name_zh,
        name_en=c.name_en,
        credit_code=c.credit_code,
        country=c.country,
        country_en=c.country_en,
        area=area_zh,
        area_en=area_en,
        delegation=c.delegation,
        booths=ex.booths,
        contact=c.contact,
        phone=c.phone,
        email=c.email,
        identity=exhibitor_identity(c.credit_code, c.name_zh, c.name_en),
    )


def _renamed(c: _Company) -> _Company:
    """The same company under a slightly changed name (same credit code)."""
    zh = c.name_zh
    for form in ("股份公司", "有限责任公司", "株式会社", "有限公司", "公司"):
        if zh.endswith(form):
            zh = zh[: -len(form)] + "国际" + form
            break
    en = c.name_en + " International"
    for form in sorted({f for country in COUNTRIES for f, _ in country[6]}, key=len, reverse=True):
        if c.name_en.endswith(" " + form):
            en = f"{c.name_en[: -len(form) - 1]} International {form}"
            break
    return _Company(**{**c.__dict__, "name_zh": zh, "name_en": en})


# =========================================================================================
# Complainants and rights
# =========================================================================================


@dataclass
class _Holder:
    party: PartyInput
    area: str
    brand: str
    rights: list[RightInput] = field(default_factory=list)
    products: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # number -> product


class _RightFactory:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.numbers: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            number = make()
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def make(
        self,
        holder: _Holder,
        ip_type: IPType,
        on: date,
        *,
        jurisdiction: str = "CN",
        expired: bool = False,
        licence: str = LicenceType.OWNER,
    ) -> RightInput:
        """A right of `holder` valid on `on` (or expired by then)."""
        rng = self.rng
        product = rng.choice(AREAS[holder.area][5])
        ip_type, start_year, valid_from, valid_until = self._validity(ip_type, on, expired)
        holder_name = holder.party.name_en or holder.party.name
        if licence != LicenceType.OWNER:
            holder_name = f"{holder.brand.title()} Holdings Ltd"
        feature = rng.choice(FEATURES)
        number, title = self._number_and_title(
            holder, ip_type, jurisdiction, start_year, product, feature
        )
        right = RightInput(
            ip_type=ip_type,
            number=number,
            title=title,
            holder=holder_name,
            jurisdiction=jurisdiction,
            valid_from=valid_from,
            valid_until=valid_until,
            licence_type=licence,
        )
        holder.products[number.upper()] = product
        return right

    def _validity(
        self, ip_type: IPType, on: date, expired: bool
    ) -> tuple[IPType, int, date, date | None]:
        """The right's type (an expired one is a utility model), its first year and its
        term: rights with a fixed term end with it, others run open."""
        rng = self.rng
        years: int | None = {
            IPType.INVENTION_PATENT: 20,
            IPType.UTILITY_MODEL: 10,
            IPType.DESIGN: 15,
            IPType.TRADEMARK: 10,
        }.get(ip_type)
        if expired:
            ip_type, years = IPType.UTILITY_MODEL, 10
            start_year = on.year - 12
        elif years:
            start_year = on.year - rng.randint(2, 8)
        else:
            start_year = on.year - rng.randint(2, 7)
        valid_from = date(start_year, rng.randint(1, 12), rng.randint(1, 28))
        valid_until = (
            (date(valid_from.year + years, valid_from.month, valid_from.day) - timedelta(days=1))
            if years
            else None
        )
        return ip_type, start_year, valid_from, valid_until

    def _number_and_title(
        self,
        holder: _Holder,
        ip_type: IPType,
        jurisdiction: str,
        start_year: int,
        product: tuple[str, str, str],
        feature: tuple[str, str],
    ) -> tuple[str, str]:
        """A registration number of the right's kind and office, and its bilingual title."""
        rng = self.rng
        p_zh, p_en, model = product
        if jurisdiction != "CN" and ip_type is not IPType.COPYRIGHT:
            number = self._unique(
                lambda: {
                    "US": f"US {rng.randint(9_500_000, 11_999_999):,} B2",
                    "EP": f"EP {rng.randint(2_800_000, 3_999_999)} B1",
                    "JP": f"JP {rng.randint(6_000_000, 7_299_999)} B2",
                }[jurisdiction]
            )
            title = f"{p_en} with {feature[1]}"
        elif ip_type is IPType.TRADEMARK:
            number = self._unique(lambda: str(rng.randint(10_000_000, 69_999_999)))
            cls = rng.choice(AREAS[holder.area][6])
            title = f"{holder.brand}（第{cls}类）/ {holder.brand} (class {cls})"
        elif ip_type is IPType.COPYRIGHT:
            if model == "SW" or rng.random() < 0.2:
                number = self._unique(lambda: f"{start_year}SR{_digits(rng, 7)}")
                title = f"{holder.brand} {p_zh}软件V{rng.randint(1, 5)}.0 / {p_en} software"
            else:
                number = self._unique(lambda: f"国作登字-{start_year}-F-{_digits(rng, 8)}")
                title = f"{p_zh}图案美术作品 / Artwork on the {_lower(p_en)}"
            if jurisdiction != "CN":  # a foreign work: its registration abroad, as evidence
                digits = "".join(ch for ch in number if ch.isdigit())[-7:]
                number = f"VA 1-{digits[:3]}-{digits[3:]}"
        elif ip_type is IPType.OTHER:
            number = self._unique(
                lambda: f"AGI{start_year}-{rng.randint(1, 9):02d}-{_digits(rng, 4)}"
            )
            title = f"地理标志产品：{p_zh} / Geographical indication: {_lower(p_en)}"
        else:
            kind = {IPType.INVENTION_PATENT: 1, IPType.UTILITY_MODEL: 2, IPType.DESIGN: 3}[ip_type]
            number = self._unique(lambda: cn_patent_number(rng, start_year, kind))
            if ip_type is IPType.DESIGN:
                title = f"{p_zh}（{model}-{rng.randint(1, 9)}）/ {p_en} ({model})"
            elif ip_type is IPType.UTILITY_MODEL:
                title = (
                    f"一种{p_zh}的{feature[0]} / {feature[1].capitalize()} for {_a(_lower(p_en))}"
                )
            else:
                title = (
                    f"一种{p_zh}及其{feature[0]} / {p_en} and its "
                    f"{feature[1].replace('structure', 'construction')}"
                )
        return number, title


def _holders(rng: random.Random) -> list[_Holder]:
    out = []
    for zh, en, country, area, kind, brand in COMPLAINANTS:
        c = _COUNTRY.get(country)
        cc = c[4] if c else "47"
        country_zh = c[1] if c else "挪威"
        slug = "".join(ch for ch in en.lower() if ch.isascii() and ch.isalnum())[:18] or "holder"
        if kind == "person":
            doc_type, doc_no = (
                ("身份证 / ID card", f"1101{_digits(rng, 14)}")
                if country == "CN"
                else ("护照 / Passport", f"C{_digits(rng, 8)}")
            )
        elif country == "CN":
            doc_type, doc_no = "统一社会信用代码 / USCC", uscc(rng, rng.choice(CN_CITIES)[2])
        else:
            regno = _REGNO[country](rng) if country in _REGNO else _digits(rng, 9)
            doc_type, doc_no = "公司注册证明 / Certificate of incorporation", regno
        party = PartyInput(
            name=zh,
            name_en=en,
            kind=kind,
            id_doc_type=doc_type,
            id_doc_no=doc_no,
            country=country_zh,
            contact=rng.choice(_NAMES[c[5] if c else "en"]),
            phone=_phone(rng, cc),
            email=f"legal@{slug}.example",
        )
        out.append(_Holder(party, area, brand))
    return out


def _agents(rng: random.Random) -> list[PartyInput]:
    return [
        PartyInput(
            name=zh,
            name_en=en,
            kind="company",
            id_doc_type="统一社会信用代码 / USCC",
            id_doc_no=uscc(rng, "310101"),
            country="中国",
            contact=rng.choice(_NAMES["cn"]) + " 律师",
            phone=f"+86 21 {_digits(rng, 4)} {_digits(rng, 4)}",
            email=f"ciie@{slug}.example",
        )
        for zh, en, slug in AGENTS
    ]


def _commercial_parties(rng: random.Random) -> list[tuple[PartyInput, str]]:
    out = []
    for zh, en, kind, dispute in COMMERCIAL_PARTIES:
        doc = (
            ("身份证 / ID card", f"3101{_digits(rng, 14)}")
            if kind == "person"
            else ("统一社会信用代码 / USCC", uscc(rng, rng.choice(CN_CITIES)[2]))
        )
        out.append(
            (
                PartyInput(
                    name=zh,
                    name_en=en,
                    kind=kind,
                    id_doc_type=doc[0],
                    id_doc_no=doc[1],
                    country="中国",
                    phone=f"+86 {rng.randint(130, 189)} {_digits(rng, 4)} {_digits(rng, 4)}",
                ),
                dispute,
            )
        )
    return out


# =========================================================================================
# Stories: where each complaint and case goes (the steps come from the workflow's table)
# =========================================================================================

S, C = CaseState, ComplaintState
TRIGGER = DecisionTrigger


REDISPLAYED = RecheckResult.REDISPLAYED.value


def _story(
    name: str, *states: str, finish: str = "", also: tuple[str, ...] = (), **prefer: Any
) -> Story:
    # The notice is handed over when the respondent is notified: the proof of service
    # records that time, and the defence period runs from it.
    prefer = {"served_at": NOW, **prefer}
    return Story(name, tuple(str(s) for s in states), prefer, finish, also)


CASE_STORIES: dict[str, Story] = {
    s.name: s
    for s in (
        _story("waiting", S.TO_NOTIFY),
        _story("notified", S.NOTIFIED),
        _story("notified_soon", S.NOTIFIED, finish="late"),  # defence due in the next hours
        _story("notified_overdue", S.NOTIFIED, finish="early"),  # overdue, not marked yet
        _story("self_remedied", S.SELF_REMEDIED),
        _story("mediating", S.MEDIATING),
        _story("settled", S.SETTLED),
        _story("settled_second_round", S.MEDIATING, S.NOTIFIED, S.SETTLED),
        _story("withdrawn", S.WITHDRAWN),
        _story("withdrawn_after_mediation", S.MEDIATING, S.WITHDRAWN),
        _story("defence_received", S.DEFENCE_RECEIVED),
        _story("defence_overdue", S.DEFENCE_OVERDUE),
        _story("under_review", S.UNDER_REVIEW),
        _story("infringing", S.INFRINGEMENT_FOUND, trigger=TRIGGER.ADMISSION),
        _story(
            "overdue_infringing",
            S.DEFENCE_OVERDUE,
            S.INFRINGEMENT_FOUND,
            trigger=TRIGGER.DEFENCE_OVERDUE,
        ),  # fmt: skip
        _story("not_infringing", S.NOT_INFRINGING),
        _story("cleared", S.NOT_INFRINGING, S.CLOSED),
        _story("undetermined", S.UNDETERMINED),
        _story("referred", S.REFERRED),
        # Referred to market regulation after the finding; its result recorded (2006 Art 15).
        _story(
            "referred_market",
            S.INFRINGEMENT_FOUND,
            S.REFERRED,
            trigger=TRIGGER.ADMISSION,
            referral_kind=AuthorityKind.MARKET_REGULATION,
            authority=MARKET_AUTHORITY,
            authority_result=MARKET_RESULT,
            result_on=NOW,
            also=(Effect.RECORD_AUTHORITY_RESULT,),
        ),
        # The accused exhibit's display suspended when the complaint is taken in (Art 7(1)).
        _story("suspended_at_intake", S.DEFENCE_RECEIVED, also=(Effect.SUSPEND_DISPLAY,)),
        # A stationed IP officer decides on the merits for the IP office (2006 Art 6).
        _story(
            "officer_decided",
            S.UNDER_REVIEW,
            S.INFRINGEMENT_FOUND,
            trigger=TRIGGER.MERITS,
            deciding_organ=OFFICER_ORGAN,
        ),
        _story("remedy_ordered", S.REMEDY_ORDERED),
        _story("detained", S.REMEDY_ORDERED, measure=MeasureType.DETAIN),
        _story("recheck_due", S.RECHECK_DUE),
        _story("covered_rechecked", S.RECHECK_PASSED, measure=MeasureType.COVER),
        # A re-check finds a measure undone before its due time only when the exhibit is
        # displayed again, the signed undertaking broken: the cases that escalate at a fair.
        # The signed undertaking recorded when the paper comes back.
        _story(
            "failed_recheck",
            S.RECHECK_FAILED,
            result=REDISPLAYED,
            also=(Effect.RECORD_UNDERTAKING,),
        ),
        _story("escalated", S.ESCALATED, result=REDISPLAYED, also=(Effect.RECORD_UNDERTAKING,)),
        _story("closed_rechecked", S.RECHECK_PASSED, S.CLOSED),
        _story(
            "escalated_then_closed", S.ESCALATED, S.RECHECK_PASSED, S.CLOSED, result=REDISPLAYED
        ),
        # The README's decided case: registered first, as the fair opens.
        _story("readme_decided", S.INFRINGEMENT_FOUND, trigger=TRIGGER.ADMISSION, finish="early"),
    )
}
# The live edition's first complaint is always this one-respondent case, decided on the
# respondent's admission: <fair>-0001-1, the case the README prints a decision of, whatever
# the other stories become.
README_CASE = "readme_decided"
COMPLAINT_STORIES: dict[str, Story] = {
    s.name: s
    for s in (
        _story("draft", C.DRAFT),
        _story("pending", C.PENDING_SUPPLEMENT),
        _story("rejected", C.REJECTED),
        _story("not_valid_in_china", C.REJECTED, reason_code=RejectReason.RIGHT_NOT_VALID_IN_CHINA),
        _story(
            "not_supplemented",
            C.PENDING_SUPPLEMENT,
            C.REJECTED,
            reason_code=RejectReason.MATERIALS_NOT_SUPPLEMENTED,
        ),  # fmt: skip
        _story("accepted", C.ACCEPTED),
        _story("complaint_withdrawn", C.WITHDRAWN),
        _story("supplemented", C.PENDING_SUPPLEMENT, C.ACCEPTED),
        _story("transferred", C.ACCEPTED, C.TRANSFERRED),
    )
}
POST_FAIR = _story("post_fair", S.POST_FAIR)
# After the close: goods still in custody go back (the custody list's terms), then the
# case goes to post-fair follow-up when it is still open.
HAND_OVER = _story("post_fair", S.POST_FAIR, also=(Effect.RETURN_DETAINED,))
# Complaints that never reach acceptance; their cases wait.
UNACCEPTED = frozenset(n for n, s in COMPLAINT_STORIES.items() if C.ACCEPTED not in s.states)

# Every state reachable before the fair closes, in the order a small live demo covers them.
LIVE_COVERAGE: tuple[str, ...] = (
    "waiting", "notified_soon", "self_remedied", "mediating", "settled", "withdrawn",
    "referred_market", "suspended_at_intake", "officer_decided",
    "defence_received", "defence_overdue", "under_review", "infringing", "not_infringing",
    "undetermined", "referred", "remedy_ordered", "recheck_due", "covered_rechecked",
    "failed_recheck", "escalated", "closed_rechecked", "notified_overdue", "notified_soon",
    "cleared", "overdue_infringing",
)  # fmt: skip
PAST_COVERAGE: tuple[str, ...] = (
    "referred_market", "escalated", "closed_rechecked", "settled", "self_remedied",
    "remedy_ordered", "withdrawn", "cleared", "referred", "failed_recheck", "under_review",
)  # fmt: skip
LIVE_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("settled", 11), ("settled_second_round", 2), ("self_remedied", 12),
    ("closed_rechecked", 4), ("escalated_then_closed", 1), ("cleared", 4), ("withdrawn", 4),
    ("withdrawn_after_mediation", 2), ("notified", 6), ("notified_soon", 2),
    ("notified_overdue", 1), ("waiting", 4), ("mediating", 4), ("defence_received", 5),
    ("defence_overdue", 2), ("under_review", 5), ("infringing", 1), ("overdue_infringing", 1),
    ("not_infringing", 2), ("undetermined", 1), ("referred", 2), ("remedy_ordered", 3),
    ("detained", 1), ("recheck_due", 2), ("covered_rechecked", 3), ("failed_recheck", 1),
    ("escalated", 1),
)  # fmt: skip
# Open stories in a past edition end in post-fair follow-up.
PAST_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("settled", 20), ("settled_second_round", 4), ("self_remedied", 18),
    ("closed_rechecked", 9), ("escalated_then_closed", 2), ("cleared", 9), ("withdrawn", 12),
    ("referred", 5), ("under_review", 2), ("defence_overdue", 2), ("remedy_ordered", 3),
    ("failed_recheck", 2), ("escalated", 3), ("notified", 2), ("undetermined", 1),
)  # fmt: skip
COMMERCIAL_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("settled", 6), ("withdrawn", 2), ("mediating", 1),
)  # fmt: skip
COMMERCIAL_TERMS = (
    "被申请人当场退还定金 / The respondent refunded the deposit on the spot",
    "双方确认按合同约定交货日期履行 / Both confirm delivery on the contract date",
    "双方同意按七折结算服务费 / Both agree to settle the fee at 70%",
)


def _passes(story: Story, state: str) -> bool:
    """Whether the story's shortest route passes `state` (e.g. a finding of infringement)."""
    return state in {s.target for s in route(Entity.CASE, S.TO_NOTIFY, story.states)}


INFRINGING = frozenset(n for n, s in CASE_STORIES.items() if _passes(s, S.INFRINGEMENT_FOUND))
SETTLED_STORIES = frozenset(
    n for n, s in CASE_STORIES.items() if s.states[-1] in {str(x) for x in TERMINAL_CASE_STATES}
)

MIN = 60
HOUR = 3600
GAP_MINUTES = (10, 80)  # between two steps of one record, in opening time
ATTEMPTS = 8  # values drawn for one step before its story is given up


@dataclass
class _CasePlan:
    story: Story
    ex: _Ex
    exhibits: list[ExhibitInput]


@dataclass
class _Plan:
    index: int
    story: Story  # the complaint's
    data: ComplaintInput
    cases: list[_CasePlan]
    desk: str
    recent: bool
    u: float  # where in the feasible window it is placed
    number: str = ""
    case_numbers: tuple[str, ...] = ()


# =========================================================================================
# Time: the fair's open axis
# =========================================================================================


class _Axis:
    """Seconds counted only while the fair is open, mapped to and from real time."""

    def __init__(self, cal: FairCalendar) -> None:
        self.cal = cal
        since = datetime.combine(cal.start, time(0), tzinfo=cal.zone)
        self.close = cal.fair_close().astimezone(UTC)
        self.spans = [
            (a.astimezone(UTC), b.astimezone(UTC)) for a, b in cal.open_intervals(since, self.close)
        ]
        self.cum: list[int] = []
        total = 0
        for a, b in self.spans:
            self.cum.append(total)
            total += int((b - a).total_seconds())
        self.total = total

    def at(self, off: int) -> datetime:
        i = max(0, min(bisect_right(self.cum, off) - 1, len(self.spans) - 1))
        return self.spans[i][0] + timedelta(seconds=off - self.cum[i])

    def offset(self, when: datetime) -> int:
        """Whole seconds of opening time before `when`."""
        w = when.astimezone(UTC)
        for (a, b), c in zip(self.spans, self.cum, strict=True):
            if w <= a:
                return c
            if w < b:
                return c + int((w - a).total_seconds())
        return self.total


class _Window:
    """Where the stories of one edition may happen on the open axis.

    Every step falls before `limit` (a minute before the real now for a live fair, the
    close for a past one). A live fair's stories are placed relative to the limit within
    the opening time before today, so the same seed tells the same stories whatever the
    time of day.
    """

    def __init__(self, axis: _Axis, rules: RuleSet, limit: int, now: datetime | None) -> None:
        self.axis = axis
        self.rules = rules
        self.limit = limit
        window = limit
        if now is not None:
            zone = axis.cal.zone
            day_start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
            before_today = axis.offset(day_start) - MIN
            window = before_today if before_today > 0 else limit
        self.earliest = max(0, limit - window)

    def wait(self, kinds: list[str]) -> int:
        """Opening time spent waiting for clocks of these kinds to run out."""
        if not kinds:
            return 0
        hours = max(hours_for(self.rules, ClockKind(k)) for k in kinds)
        begin = self.axis.at(self.earliest)
        due = self.axis.cal.add_duration(
            begin, timedelta(hours=hours), self.rules.opening_hours_only
        )
        return self.axis.offset(due) - self.earliest

    def span(self, entity: Entity, start: str, story: Story, gap: int) -> int:
        """About how long a story takes on the open axis: its gaps and its waits."""
        path = route(entity, start, story.states)
        return sum(gap + self.wait(kinds) for kinds in clock_waits(path))


# =========================================================================================
# Building the plans of one edition
# =========================================================================================


@dataclass
class _World:
    """What all editions share: the people, the rights and the companies."""

    rng: random.Random
    companies: _CompanyFactory
    rights: _RightFactory
    holders: list[_Holder]
    agents: list[PartyInput]
    buyers: list[tuple[PartyInput, str]]
    offenders: list[_Company]


class _Planner:
    def __init__(self, world: _World, exhibitors: list[_Ex], fair_day: date, live: bool) -> None:
        self.w = world
        self.rng = world.rng
        self.day = fair_day
        self.live = live
        self.partial_shown = not live  # the live edition shows one partial non-acceptance
        self.by_area: dict[str, list[_Ex]] = {}
        for ex in exhibitors:
            if not ex.offender:
                self.by_area.setdefault(ex.company.area, []).append(ex)
        self.plain = [ex for ex in exhibitors if not ex.offender] or list(exhibitors)
        # Core offenders first, then a frequent group, then the rest: so that the same
        # companies are found infringing edition after edition.
        offenders = [ex for ex in exhibitors if ex.offender]
        core = offenders[:CORE_OFFENDERS]
        frequent = offenders[CORE_OFFENDERS : CORE_OFFENDERS + 12]
        rest = offenders[CORE_OFFENDERS + 12 :]
        self.rng.shuffle(frequent)
        self.rng.shuffle(rest)
        self.offender_queue = core + frequent + rest
        self.infringing_seen = 0

    # -- stories --
    def stories(self, n: int) -> list[tuple[str, list[str], bool]]:
        """(complaint story, case stories, commercial) for n complaints."""
        rng = self.rng
        coverage: list[str] = list(LIVE_COVERAGE if self.live else PAST_COVERAGE)
        weights = LIVE_WEIGHTS if self.live else PAST_WEIGHTS
        # Complaint-level states come in after the first case states, so that a small demo
        # still shows most case states; a demo smaller than its coverage list names three
        # respondents per complaint while covering.
        special = self._special_outcomes()
        # The README's case, placed first (earliest start, lowest index) so registered
        # first, and a commercial dispute mediated to a settlement: always in a live demo.
        pinned = [("accepted", [README_CASE], False), ("accepted", ["settled"], True)]
        pinned = pinned[: n if self.live else 0]
        n -= len(pinned)
        small = n < len(coverage) + len(special)
        out: list[tuple[str, list[str], bool]] = []
        transferred = False
        # The live edition shows a commercial dispute mediated and settled, whatever the seed.
        dispute_shown = not self.live
        for i in range(n):
            k = _weighted(rng, ((1, 70), (2, 20), (3, 10)))
            if small and coverage:
                k = 3
            if i in special and special[i] in UNACCEPTED:
                out.append((special[i], ["waiting"] * k, False))
                continue
            if coverage:
                cases = [coverage.pop(0) for _ in range(min(k, len(coverage)))]
                cases += [_weighted(rng, weights) for _ in range(k - len(cases))]
                outcome = special.get(i, "accepted")
                if not transferred and "referred" in cases:
                    outcome, transferred = "transferred", True
                out.append((outcome, cases, False))
                continue
            if not dispute_shown:
                dispute_shown = True
                out.append(("accepted", ["settled"], True))
                continue
            out.append(self._random_story(k, weights))
        return pinned + out

    def _special_outcomes(self) -> dict[int, str]:
        """Complaint-level outcomes at fixed places, so that a small demo shows them too."""
        if not self.live:
            return {3: "not_valid_in_china"}
        return {
            3: "draft",
            6: "not_valid_in_china",
            9: "pending",
            12: "supplemented",
            15: "complaint_withdrawn",
        }

    def _random_story(
        self, k: int, weights: Sequence[tuple[str, float]]
    ) -> tuple[str, list[str], bool]:
        """A complaint of k respondents drawn by chance, once the coverage list is used up."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.05:
            table = COMMERCIAL_WEIGHTS if self.live else COMMERCIAL_WEIGHTS[:3]
            return ("accepted", [_weighted(rng, table)], True)
        if self.live and roll < 0.07:
            outcome = "draft"
        elif self.live and roll < 0.10:
            outcome = "pending"
        elif roll < (0.16 if self.live else 0.13):
            outcome = "not_supplemented" if rng.random() < 0.3 else "rejected"
        elif rng.random() < 0.1:
            outcome = "transferred"
        else:
            outcome = "supplemented" if rng.random() < 0.2 else "accepted"
        if outcome in UNACCEPTED:
            return (outcome, ["waiting"] * k, False)
        return (outcome, [_weighted(rng, weights) for _ in range(k)], False)

    # -- respondents --
    def _respondents(self, holder_area: str, stories: list[str]) -> list[_Ex]:
        rng = self.rng
        chosen: list[_Ex] = []
        for story in stories:
            ex: _Ex | None = None
            if story in INFRINGING and self.offender_queue:
                self.infringing_seen += 1
                # Core offenders first; then every other infringing case, so that ordinary
                # exhibitors are found infringing too.
                if self.infringing_seen <= CORE_OFFENDERS or self.infringing_seen % 2 == 0:
                    candidate = self.offender_queue.pop(0)
                    if candidate not in chosen:
                        ex = candidate
            if ex is None:
                pool = self.by_area.get(holder_area) or self.plain
                if rng.random() < 0.25:
                    pool = self.plain
                for _ in range(20):
                    ex = rng.choice(pool)
                    if ex not in chosen:
                        break
                else:
                    ex = next(e for e in self.plain if e not in chosen)
            chosen.append(ex)
        return chosen

    def _exhibits(self, product: tuple[str, str, str], accused: list[str]) -> list[ExhibitInput]:
        rng = self.rng
        # An exhibit has one name: the Chinese one, so the papers' 展品名称 column keeps to
        # one language.
        p_zh, _p_en, model = product
        out = [
            ExhibitInput(
                name=p_zh,
                model=f"{model}-{rng.randint(100, 990)}",
                quantity=rng.randint(1, 24),
                rights=list(accused),
            )
        ]
        if rng.random() < 0.3:
            out.append(
                ExhibitInput(
                    name=f"{p_zh}宣传册",
                    model="",
                    quantity=rng.randint(20, 300),
                    note="展台资料架 / on the booth's leaflet stand",
                    rights=list(accused),
                )
            )
        return out

    def _usable(self, holder: _Holder, but: Any = None) -> list[RightInput]:
        return [
            r
            for r in holder.rights
            if r is not but
            and r.valid_from
            and r.valid_from < self.day - timedelta(days=60)
            and (r.valid_until is None or r.valid_until > self.day + timedelta(days=10))
        ]

    def _rights(self, holder: _Holder, kind: IPType, reject_reason: str) -> list[RightInput]:
        """The rights a complaint names: faulty ones where it is to be rejected for them."""
        rng, w = self.rng, self.w
        if reject_reason == RejectReason.RIGHT_NOT_VALID_IN_CHINA:
            # A foreign copyright is protected in China (Berne): only a patent or mark fails.
            if kind is IPType.COPYRIGHT:
                kind = IPType.DESIGN
            jurisdiction = rng.choice(("US", "EP", "JP"))
            return [w.rights.make(holder, kind, self.day, jurisdiction=jurisdiction)]
        if reject_reason == RejectReason.RIGHT_INVALID:
            return [w.rights.make(holder, kind, self.day, expired=True)]
        if reject_reason == RejectReason.NO_STANDING:
            return [w.rights.make(holder, kind, self.day, licence=LicenceType.SIMPLE)]
        usable = [r for r in self._usable(holder) if r.ip_type == kind]
        if usable and rng.random() < 0.6:
            right = rng.choice(usable)
        else:
            licence = _weighted(
                rng, ((LicenceType.OWNER, 8), (LicenceType.EXCLUSIVE, 2), (LicenceType.SOLE, 1))
            )
            # A foreign holder's work is registered abroad; it is protected in China (Berne).
            abroad = kind is IPType.COPYRIGHT and holder.party.country != "中国"
            right = w.rights.make(
                holder, kind, self.day, licence=licence, jurisdiction="US" if abroad else "CN"
            )
            holder.rights.append(right)
        rights = [right]
        second = self._usable(holder, but=right)
        if second and not reject_reason and rng.random() < 0.15:  # a second right
            rights.append(rng.choice(second))
        return rights

    # -- complaint --
    def plan(
        self, index: int, outcome: str, stories: list[str], commercial: bool, ip_type: Any
    ) -> _Plan:
        rng, w = self.rng, self.w
        story = COMPLAINT_STORIES[outcome]
        agent: PartyInput | None = None
        rights: list[RightInput] = []
        prefer: dict[str, Any] = {"commitment_signed": True, "power_of_attorney": True}
        if commercial:
            party, dispute = rng.choice(w.buyers)
            holder_area = rng.choice(list(AREAS))
            product = rng.choice(AREAS[holder_area][5])
            summary = DISPUTES[dispute]
        else:
            party, holder_area, agent, rights, product, summary = self._ip_claim(
                outcome, story, ip_type, prefer
            )
            dispute = ""
        respondents = self._respondents(holder_area, stories)
        cases = self._case_plans(stories, respondents, commercial, rights, product)
        materials, missing = self._materials(story, rights, agent is not None)
        prefer["materials"] = sorted(materials)
        if missing:
            prefer["missing_items"] = missing_text(missing)
            materials |= {m.key: False for m in missing}
        data = ComplaintInput(
            complainant=party,
            agent=agent,
            power_of_attorney=agent is not None and materials.get("power_of_attorney", True),
            respondents=[
                RespondentInput(
                    exhibitor_id=None,
                    booth=c.ex.booth,
                    name=c.ex.company.name_zh,
                    exhibits=c.exhibits,
                )
                for c in cases
            ],
            rights=list(rights),
            kind=ComplaintKind.COMMERCIAL if commercial else ComplaintKind.IP,
            channel=_weighted(rng, ((Channel.DESK, 85), (Channel.PATROL, 10), (Channel.ONLINE, 5))),
            summary=summary,
            dispute_type=dispute,
            commitment_signed=outcome != "draft" or rng.random() < 0.5,
            materials=materials,
        )
        recent = outcome in ("draft", "pending") or any(n not in SETTLED_STORIES for n in stories)
        return _Plan(
            index,
            story.with_prefer(**prefer),
            data,
            cases,
            rng.choice(("desk1", "desk2")),
            recent,
            rng.random(),
        )

    def _ip_claim(
        self, outcome: str, story: Any, ip_type: Any, prefer: dict[str, Any]
    ) -> tuple[PartyInput, str, PartyInput | None, list[RightInput], Any, str]:
        """Who claims which rights over which product (an IP complaint), and its summary;
        what the story needs later goes into `prefer`."""
        rng, w = self.rng, self.w
        fitting = [h for h in w.holders if ip_type is None or ip_type in AREA_IP_TYPES[h.area]]
        holder = rng.choice(fitting or w.holders)
        party, holder_area = holder.party, holder.area
        agent = rng.choice(w.agents) if rng.random() < 0.4 else None
        reject_reason = ""
        if story.states[-1] == C.REJECTED:
            reject_reason = story.prefer.get("reason_code") or _weighted(
                rng,
                (
                    (RejectReason.RIGHT_NOT_VALID_IN_CHINA, 3),
                    (RejectReason.RIGHT_INVALID, 2),
                    (RejectReason.NO_STANDING, 1),
                    (RejectReason.OUT_OF_SCOPE, 1),
                ),
            )
            prefer["reason_code"] = reject_reason
        kind = ip_type or rng.choice(AREA_IP_TYPES[holder_area])
        rights = self._rights(holder, kind, reject_reason)
        if not self.partial_shown and outcome == "accepted":
            # A foreign patent named beside a valid right: the complaint is accepted for
            # the valid right only (CNIPA 2022 Guidelines Art 12), the patent refused.
            self.partial_shown = True
            rights.append(w.rights.make(holder, IPType.DESIGN, self.day, jurisdiction="US"))
        product = holder.products[rights[0].number.upper()]
        zh, en = IP_NAMES[IPType(rights[0].ip_type)]
        summary = (
            f"投诉人认为被投诉人展出的{product[0]}涉嫌侵犯其{zh}（{rights[0].number}）。"
            f" / The complainant alleges that the {_lower(product[1])} shown by the "
            f"respondent infringes its {en} {rights[0].number}."
        )
        if story.states[-1] == C.TRANSFERRED:
            copyright_ = any(r.ip_type == IPType.COPYRIGHT for r in rights)
            prefer["authority"] = COPYRIGHT_AUTHORITY if copyright_ else rng.choice(AUTHORITIES)
        return party, holder_area, agent, rights, product, summary

    def _case_plans(
        self,
        stories: list[str],
        respondents: list[_Ex],
        commercial: bool,
        rights: list[RightInput],
        product: Any,
    ) -> list[_CasePlan]:
        cases = []
        for name, ex in zip(stories, respondents, strict=True):
            case_story = CASE_STORIES[name]
            if commercial:
                case_story = case_story.with_prefer(terms=self.rng.choice(COMMERCIAL_TERMS))
            # The exhibits are the product of the first right (the complaint's summary says
            # so): a decision names that right for each of them.
            accused = [rights[0].number] if rights else []
            cases.append(_CasePlan(case_story, ex, self._exhibits(product, accused)))
        return cases

    def _materials(
        self, story: Story, rights: list[RightInput], agent: bool
    ) -> tuple[dict[str, bool], list[Material]]:
        """The checklist's ticks at registration (2006 Art 8), and what is still missing:
        something for a story with a supplement round, now and then the legal status."""
        if not rights:
            return {}, []
        licences = [r.licence_type for r in rights]
        items = checklist([r.ip_type for r in rights], agent=agent, licences=licences)
        missing: list[Material] = []
        if C.PENDING_SUPPLEMENT in story.states:
            missing = [self.rng.choice(items[1:])]
        elif self.rng.random() >= 0.9:
            missing = [m for m in items if m.key == "legal_status"]
        return ticks_of(items, [m.key for m in items]), missing

    def build(self, n: int) -> list[_Plan]:
        ip_cycle = list(IPType)  # the first IP complaints show every type of right
        plans = []
        for i, (outcome, stories, commercial) in enumerate(self.stories(n)):
            ip_type = (
                ip_cycle.pop(0)
                if ip_cycle and not commercial and outcome not in UNACCEPTED
                else None
            )
            plans.append(self.plan(i, outcome, stories, commercial, ip_type))
        return plans


# =========================================================================================
# Walking an edition
# =========================================================================================


@dataclass
class _Actors:
    clock: DemoClock
    admin: Context
    ctx: dict[str, Context]

    def __getitem__(self, name: str) -> Context:
        return self.ctx[name]

    def for_role(self, role: Role, desk: str) -> Context:
        if role is Role.OFFICER:
            return self.ctx["officer1"]
        return self.ctx["inspector1"] if role is Role.INSPECTOR else self.ctx[desk]


@dataclass
class _Record:
    """One complaint or case on its walk: the story's walker and its gaps to come."""

    plan: _Plan
    entity: Entity
    walker: Walker
    gaps: list[int]
    case: int = -1  # the case's index in the complaint, -1 for the complaint

    @property
    def number(self) -> str:
        return self.plan.number if self.case < 0 else self.plan.case_numbers[self.case]

    def gap(self, rng: random.Random) -> int:
        return self.gaps.pop(0) if self.gaps else rng.randint(*GAP_MINUTES) * MIN


PROGRESS_EVERY = 100  # steps between two lines of progress (a few seconds each)


class _Walk:
    """Every story of an edition, in time order: each record asks which steps are allowed
    at its moment, and its walker takes one towards the story's next state."""

    def __init__(self, actors: _Actors, rng: random.Random, axis: _Axis, limit: int) -> None:
        self.actors, self.rng, self.axis, self.limit = actors, rng, axis, limit
        self.queue: list[tuple[int, int, int, _Record | _Plan]] = []
        self.seq = 0
        self.steps = 0
        self.stuck: list[str] = []

    def push(self, at: int, plan: _Plan, item: _Record | _Plan) -> None:
        if at < self.limit:
            self.seq += 1
            heapq.heappush(self.queue, (at, plan.index, self.seq, item))

    def gaps(self, n: int) -> list[int]:
        return [self.rng.randint(*GAP_MINUTES) * MIN for _ in range(n)]

    def run(self, code: str, note: Callable[[str], None] = lambda _text: None) -> None:
        while self.queue:
            at, _, _, item = heapq.heappop(self.queue)
            self.actors.clock.set(self.axis.at(at))
            if isinstance(item, _Plan):
                self._register(code, item, at)
                continue
            before = self.steps
            self._step(item, at)
            if self.steps != before and self.steps % PROGRESS_EVERY == 0:
                note(f"{self.steps} steps taken so far…")  # the longest part: say it moves

    def _register(self, code: str, plan: _Plan, at: int) -> None:
        plan.data.received_at = self.actors.clock()
        for resp, case in zip(plan.data.respondents, plan.cases, strict=True):
            resp.exhibitor_id = case.ex.id
        reg = register_complaint(self.actors[plan.desk], code, plan.data)
        plan.number, plan.case_numbers = reg.number, reg.case_numbers
        record = _Record(plan, Entity.COMPLAINT, Walker(Entity.COMPLAINT, plan.story, self.rng), [])
        record.gaps = self.gaps(len(route(Entity.COMPLAINT, C.DRAFT, plan.story.states)))
        self.push(at + record.gap(self.rng), plan, record)

    def _step(self, record: _Record, at: int) -> None:
        plan = record.plan
        desk = self.actors[plan.desk]
        for _attempt in range(ATTEMPTS):
            now = available_steps(desk, record.number)
            local = self.actors.clock().astimezone(self.axis.cal.zone)
            decision = record.walker.decide(now.state, *seen(now, local))
            if decision is None:
                self._told(record, now.state, at)
                return
            if isinstance(decision, datetime):  # a period must run out first
                later = max(at, self.axis.offset(decision)) + self.rng.randint(1, 20) * MIN
                self.push(later, plan, record)
                return
            actor = self.actors.for_role(decision.role, plan.desk)
            act = act_on_case if record.entity is Entity.CASE else act_on_complaint
            try:
                act(actor, record.number, decision.step.action, reason=decision.reason,
                    **decision.params)  # fmt: skip
            except FairDeskError:
                continue  # the service refused these values: the walker draws others
            self.steps += 1
            self.push(at + record.gap(self.rng), plan, record)
            return
        self.stuck.append(record.number)

    def _told(self, record: _Record, state: str, at: int) -> None:
        """The story is told (or cannot go on): a complaint's cases start theirs."""
        if record.walker.goal(state) is not None:
            self.stuck.append(record.number)
            return
        if record.entity is Entity.CASE or record.plan.story.name in UNACCEPTED:
            return
        for i, case in enumerate(record.plan.cases):
            walker = Walker(Entity.CASE, case.story, self.rng)
            gaps = self.gaps(len(route(Entity.CASE, S.TO_NOTIFY, case.story.states)))
            self.push(at + gaps.pop(0) if gaps else at, record.plan,
                      _Record(record.plan, Entity.CASE, walker, gaps, i))  # fmt: skip

    def place(self, plan: _Plan, window: _Window) -> None:
        """Start the complaint at a time its stories fit before the limit: "late" ones end
        just before it, "early" ones start at once, the rest at random (open ones late)."""
        gap = GAP_MINUTES[1] * MIN
        complaint = window.span(Entity.COMPLAINT, C.DRAFT, plan.story, gap)
        cases = max(window.span(Entity.CASE, S.TO_NOTIFY, c.story, gap) for c in plan.cases)
        latest = max(window.earliest, window.limit - complaint - cases - 10 * MIN)
        finishes = {c.story.finish for c in plan.cases}
        if "early" in finishes:
            start = window.earliest
        elif "late" in finishes:
            start = latest
        else:
            share = plan.u**2 if plan.recent else plan.u
            start = latest - int(share * (latest - window.earliest))
        self.push(start, plan, plan)


def _hand_over(actors: _Actors, close: datetime, plans: list[_Plan], rng: random.Random) -> int:
    """After the close, every still open case goes to post-fair follow-up, as the table's
    steps allow once the fair is closed."""
    when = close + timedelta(minutes=rng.randint(20, 90))
    moved = 0
    for number in sorted(n for p in plans for n in p.case_numbers):
        actors.clock.set(when)
        walker = Walker(Entity.CASE, HAND_OVER, rng)
        now = available_steps(actors["desk1"], number)
        move = walker.decide(now.state, *seen(now, when.astimezone(SH)))
        if isinstance(move, Move) and Effect.RETURN_DETAINED in move.step.effects:
            act_on_case(actors["desk1"], number, move.step.action, reason=move.reason,
                        **move.params)  # fmt: skip
            now = available_steps(actors["desk1"], number)
            move = walker.decide(now.state, *seen(now, when.astimezone(SH)))
        if not isinstance(move, Move) or move.step.target not in POST_FAIR.states:
            continue  # ended already, or no direct hand-over from where it stands
        act_on_case(actors["desk1"], number, move.step.action, reason=move.reason, **move.params)
        moved += 1
        when += timedelta(seconds=rng.randint(40, 240))
    return moved


def _run_cases(
    actors: _Actors,
    world: _World,
    code: str,
    exhibitors: list[_Ex],
    n_complaints: int,
    now_limit: datetime | None,
    note: Callable[[str], None],
) -> tuple[int, int]:
    """Plan and walk n complaints; returns (complaints registered, post-fair moves)."""
    with actors.admin.db.reading() as session:
        fair = fair_by_code(session, code)
        cal = calendar_of(fair)
        rules = RuleSet.from_dict(fair.rules)
    axis = _Axis(cal)
    close = axis.close
    live = now_limit is not None and now_limit < close
    limit = axis.offset(now_limit) - MIN if now_limit is not None and live else axis.total
    if limit <= 0:
        raise InvalidInput(
            "The fair {code} has not opened yet; demo complaints need a fair that is open or over.",
            code=code,
        )
    window = _Window(axis, rules, limit, now_limit if live else None)
    plans = _Planner(world, exhibitors, cal.start, live).build(n_complaints)
    walk = _Walk(actors, world.rng, axis, limit)
    for plan in plans:
        walk.place(plan, window)
    note(f"{len(plans)} complaints planned")
    walk.run(code, note)
    told = [p for p in plans if p.number]
    note(f"{walk.steps} steps taken")
    if walk.stuck:  # a developer's concern (the step table changed), not the user's
        log.warning(
            "demo %s: cases short of their planned state: %s", code, ", ".join(walk.stuck)
        )
    moved = 0 if live else _hand_over(actors, close, told, world.rng)
    return len(told), moved


# =========================================================================================
# Editions and exhibitors
# =========================================================================================


def _zh_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _edition_exhibitors(
    world: _World, n: int, previous: list[_Company], renamed: bool
) -> list[_Ex]:
    """n exhibitors: the repeat offenders, returning companies, and newcomers."""
    rng = world.rng
    booths = _BoothAllocator(rng)
    out: list[_Ex] = []
    for i, company in enumerate(world.offenders):
        c = _renamed(company) if renamed and i == 0 else company
        out.append(_Ex(c, (booths.booth(c.area),), offender=True))
    offender_ids = {id(c) for c in world.offenders}
    returning = [c for c in previous if id(c) not in offender_ids]
    rng.shuffle(returning)
    keep = returning[: int(RETURNING_SHARE * max(0, n - len(out)))]
    companies = keep + [world.companies.make() for _ in range(max(0, n - len(out) - len(keep)))]
    for c in companies:
        spots = [booths.booth(c.area)]
        if rng.random() < 0.05:
            spots.append(booths.booth(c.area))
        out.append(_Ex(c, tuple(spots)))
    return out


def _import_exhibitors(ctx: Context, code: str, exhibitors: list[_Ex], rng: random.Random) -> None:
    ctx.require(Permission.IMPORT_EXHIBITORS)
    records = [_record(ex, row) for row, ex in enumerate(exhibitors, start=2)]
    # Most exhibitors signed the IP commitment with their contract (展前承诺).
    records = [
        dataclasses.replace(record, ip_commitment=rng.random() >= 0.04) for record in records
    ]
    with ctx.db.writing() as session:
        fair = fair_by_code(session, code)
        imported, updated, unchanged = upsert_exhibitors(session, fair.id, records, ctx.now(), ctx)
        ids = dict(
            session.execute(
                select(Exhibitor.identity, Exhibitor.id).where(Exhibitor.fair_id == fair.id)
            ).all()
        )
        for ex, record in zip(exhibitors, records, strict=True):
            ex.id = ids[record.identity]
        audit.record(
            session,
            ctx,
            "exhibitors.import",
            "fair",
            fair.id,
            fair_id=fair.id,
            after={
                "file": "demo",
                "imported": imported,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": 0,
            },
        )


def _fair_exhibitors(ctx: Context, code: str) -> list[_Ex]:
    """An existing fair's exhibitors, as respondents for demo complaints."""
    areas_by_name = {v[0]: k for k, v in AREAS.items()} | {v[1]: k for k, v in AREAS.items()}
    with ctx.db.reading() as session:
        fair = fair_by_code(session, code)
        rows = session.scalars(
            select(Exhibitor)
            .where(Exhibitor.fair_id == fair.id)
            .options(selectinload(Exhibitor.booths))
            .order_by(Exhibitor.id)
        ).all()
        out = []
        for e in rows:
            if not e.booths:
                continue
            area = areas_by_name.get(e.area) or areas_by_name.get(e.area_en) or "consumer"
            company = _Company(
                e.name_zh,
                e.name_en,
                e.credit_code,
                e.country,
                e.country_en,
                area,
                e.delegation,
                e.contact,
                e.phone,
                e.email,
            )
            out.append(_Ex(company, tuple((b.hall, b.booth_no) for b in e.booths), id=e.id))
    return out


# =========================================================================================
# Entry point
# =========================================================================================


def _users(ctx: Context, clock: DemoClock) -> tuple[dict[str, Context], list[str]]:
    admin = Context(ctx.db, ctx.actor, clock)
    contexts: dict[str, Context] = {}
    created = []
    for username, role, display in DEMO_USERS:
        try:
            existing = users.get_user(ctx, username)
        except NotFound:
            existing = None
        if existing is not None and existing.role is not role:
            raise InvalidInput(
                "The demo needs '{username}' to be a {role} user, but it is "
                "{existing}; use another data folder for the demo.",
                username=username,
                role=role.value,
                existing=existing.role.value,
            )
        if existing is not None and not existing.active:
            raise InvalidInput(
                "The demo user '{username}' is disabled; enable it or use another "
                "data folder for the demo.",
                username=username,
            )
        info = existing or users.ensure_user(admin, username, role, display)
        if existing is None:
            created.append(username)
        contexts[username] = Context(ctx.db, info.actor, clock)
    return contexts, created


def _world(rng: random.Random, n_offenders: int) -> _World:
    companies = _CompanyFactory(rng)
    offenders = [
        companies.make(
            country=rng.choice(
                ("CN", "HK", "TW", "JP", "KR", "DE", "IT", "US", "TH", "MY", "TR", "VN")
            )
        )
        for _ in range(n_offenders)
    ]
    return _World(
        rng=rng,
        companies=companies,
        rights=_RightFactory(rng),
        holders=_holders(rng),
        agents=_agents(rng),
        buyers=_commercial_parties(rng),
        offenders=offenders,
    )


def _state_line(counts: dict[str, int], order: Sequence[str], words: Vocabulary) -> str:
    """'Settled 22, Closed 19': each state in its words, never its code."""
    known = [f"{words.words(s).en} {counts[s]}" for s in order if counts.get(s)]
    other = [f"{words.words(s).en} {n}" for s, n in sorted(counts.items()) if s not in order and n]
    return ", ".join(known + other) or "none"


def _summary(ctx: Context, code: str, label: str, n_exhibitors: int | None) -> list[str]:
    with ctx.db.reading() as session:
        fair = fair_by_code(session, code)
        n_ex = (
            n_exhibitors
            if n_exhibitors is not None
            else session.scalar(
                select(func.count()).select_from(Exhibitor).where(Exhibitor.fair_id == fair.id)
            )
        )
        fair_zone = fair.timezone
        complaint_states = dict(
            session.execute(
                select(Complaint.state, func.count())
                .where(Complaint.fair_id == fair.id)
                .group_by(Complaint.state)
            ).all()
        )
    states = counts_by_state(ctx, code)
    lines = [
        f"{code} ({label}): {n_ex} exhibitors, {sum(complaint_states.values())} complaints, "
        f"{sum(states.values())} respondent cases",
        "  cases: " + _state_line(states, [str(s) for s in CaseState], CASE_STATES),
        "  complaints: "
        + _state_line(complaint_states, [str(s) for s in ComplaintState], COMPLAINT_STATES),
    ]
    if label.startswith("live"):
        # A defence notified during opening hours falls due within 24 h of the real now;
        # at night the nearest deadlines are the next morning's.
        soon = list_cases(ctx, CaseFilter(fair_code=code, due_within_hours=24))
        overdue = count_cases(ctx, CaseFilter(fair_code=code, overdue=True))
        dues = [r.next_due for r in soon if r.next_due is not None]
        zone = ZoneInfo(fair_zone)
        first = f" (next at {min(dues).astimezone(zone):%a %H:%M})" if dues else ""
        lines.append(
            f"  deadlines now: {len(soon)} cases due within 24 h{first}, {overdue} overdue"
        )
    return lines


def _offender_line(ctx: Context, codes: list[str], offenders: list[_Company]) -> str:
    credit_codes = [c.credit_code for c in offenders]
    with ctx.db.reading() as session:
        fair_ids = [fair_by_code(session, c).id for c in codes]
        returning = (
            session.execute(
                select(Exhibitor.credit_code)
                .where(Exhibitor.fair_id.in_(fair_ids), Exhibitor.credit_code != "")
                .group_by(Exhibitor.credit_code)
                .having(func.count(func.distinct(Exhibitor.fair_id)) == len(fair_ids))
            )
            .scalars()
            .all()
        )
        repeat = (
            session.execute(
                select(Exhibitor.credit_code)
                .join(RespondentCase, RespondentCase.exhibitor_id == Exhibitor.id)
                .where(
                    Exhibitor.fair_id.in_(fair_ids),
                    Exhibitor.credit_code.in_(credit_codes),
                    RespondentCase.decision_trigger != "",
                )
                .group_by(Exhibitor.credit_code)
                .having(func.count(func.distinct(Exhibitor.fair_id)) >= 2)
            )
            .scalars()
            .all()
        )
    renamed = f"; {offenders[0].name_en} renamed in {codes[-1]}" if offenders else ""
    return (
        f"repeat offenders: {len(offenders)} at every edition under the same credit code, "
        f"{len(repeat)} of them found infringing at 2 or more editions{renamed} "
        f"({len(returning)} companies exhibit at every edition)"
    )


# The service center's letterhead on every demo document (a sample, not a real line).
DEMO_CENTER_ADDRESS = "国家会展中心（上海）8.2号馆 知识产权与商事纠纷处理服务中心 / NECC Hall 8.2"
DEMO_CENTER_PHONE = "021-6700 0000（演示 demo）"


def create_demo(
    ctx: Context, options: DemoOptions, progress: Callable[[str], None] | None = None
) -> list[str]:
    """Create demo editions (or add demo cases to `options.fair_code`); return summary lines."""
    ctx.require(Permission.CREATE_DEMO)
    if options.complaints < 0 or options.editions < 1 or options.exhibitors < 10:
        raise InvalidInput(
            "The demo needs 0 or more complaints, at least 1 edition and at least 10 exhibitors."
        )

    def note(text: str) -> None:
        if progress is not None:
            progress(text)

    with ctx.db.writing() as session:  # demo users have no password: documents are specimens
        keys.ensure_demo_key(session, ctx)
    rng = random.Random(options.seed)
    real_now = ctx.now().astimezone(UTC)
    if options.fair_code:
        return _demo_into_fair(ctx, options, rng, real_now, note)

    today = real_now.astimezone(SH).date()
    codes = demo_fair_codes(today, options.editions)
    _refuse_taken(ctx, codes)
    n_offenders = min(MAX_OFFENDERS, max(1, options.exhibitors // 5))
    world = _world(rng, n_offenders)
    editions = _edition_plans(codes, today)
    actors, created = _demo_actors(ctx, editions[0], note)
    clock = actors.clock
    lines: list[str] = []
    previous: list[_Company] = []
    last_time = clock()
    first_year = min(CIIE_FIRST_YEAR, editions[0][1])  # a long history starts at the 1st
    for code, year, live, start, end, hours, rules in editions:
        plan = (code, year, live, start, end, hours, rules)
        _open_edition(actors, plan, year - first_year + 1, last_time, rng, note)
        exhibitors = _edition_exhibitors(
            world, options.exhibitors, previous, renamed=live and options.editions > 1
        )
        _import_exhibitors(actors["organizer1"], code, exhibitors, rng)
        previous = [ex.company for ex in exhibitors]
        note(f"{code}: {len(exhibitors)} exhibitors")
        n = options.complaints if live else round(options.complaints * PAST_SHARE)
        live_now = real_now if live else None
        _, moved = _run_cases(actors, world, code, exhibitors, n, live_now, _prefixed(note, code))
        last_time = clock()
        label = "live" if live else f"closed {end}, rules {rules}"
        lines += _summary(ctx, code, label, len(exhibitors))
        if moved:
            lines.append(f"  post-fair follow-up: {moved} cases handed over after the close")
    lines += living_floor(ctx, codes[-1], real_now, options.seed)  # patrols, consultations
    if options.editions > 1:
        lines.append(_offender_line(ctx, codes, world.offenders))
    lines.append(_users_line(created))
    return lines


def _demo_actors(
    ctx: Context, first: _EditionPlan, note: Callable[[str], None]
) -> tuple[_Actors, list[str]]:
    """The demo users, on a clock set the day before the first edition is set up."""
    first_setup = datetime.combine(first[3] - timedelta(days=45), time(10), tzinfo=SH)
    clock = DemoClock(first_setup - timedelta(days=1))
    note("demo users")
    contexts, created = _users(ctx, clock)
    return _Actors(clock, Context(ctx.db, ctx.actor, clock), contexts), created


def _refuse_taken(ctx: Context, codes: list[str]) -> None:
    """The demo never overwrites a fair: refuse when one of its codes is in use."""
    with ctx.db.reading() as session:
        taken = [c for c in codes if _exists(session, c)]
    if not taken:
        return
    if len(taken) == 1:
        raise InvalidInput(
            "The demo fair {fair} already exists; the demo never overwrites a fair. Use an "
            "empty data folder (--data-dir), or add demo cases to it with --fair {fair}.",
            fair=taken[0],
        )
    raise InvalidInput(
        "The demo fairs {fairs} already exist; the demo never overwrites a fair. Use an "
        "empty data folder (--data-dir), or add demo cases to it with --fair {last}.",
        fairs=tuple(taken),
        last=taken[-1],
    )


# (code, year, live, first day, last day, opening hours, rule set) of one demo edition
_EditionPlan = tuple[str, int, bool, date, date, str, str]


def _edition_plans(codes: list[str], today: date) -> list[_EditionPlan]:
    """The live edition runs around today; past ones in November, each with other rules."""
    editions = []
    for i, code in enumerate(codes):
        year = int(code[4:])
        live = i == len(codes) - 1
        if live:
            start, end, hours, rules = (
                today - timedelta(days=2),
                today + timedelta(days=3),
                LIVE_HOURS,
                LIVE_RULES,
            )
        else:
            start, end, hours = date(year, 11, 5), date(year, 11, 10), PAST_HOURS
            rules = PAST_RULES[(len(codes) - 2 - i) % len(PAST_RULES)]
        editions.append((code, year, live, start, end, hours, rules))
    return editions


def _open_edition(
    actors: _Actors,
    plan: _EditionPlan,
    edition: int,
    last_time: datetime,
    rng: random.Random,
    note: Callable[[str], None],
) -> None:
    """Set the fair up 45 days before it opens (after the previous edition's last step),
    then move the clock on to the exhibitor import."""
    code, _year, _live, start, end, hours, rules = plan
    clock = actors.clock
    setup = max(
        datetime.combine(start - timedelta(days=45), time(10), tzinfo=SH),
        last_time + timedelta(hours=1),
    )
    clock.set(setup)
    note(f"{code}: fair {start} to {end}, rules {rules}")
    create_fair(
        actors.admin,
        code,
        f"第{_zh_number(edition)}届中国国际进口博览会（演示）",
        start,
        end,
        hours=hours,
        rules=rules,
        name_en=f"{_ordinal(edition)} China International Import Expo (demo)",
        venue=VENUE,
        edition=edition,
        halls=list(HALLS),
        center_address=DEMO_CENTER_ADDRESS,
        center_phone=DEMO_CENTER_PHONE,
    )
    clock.set(setup + timedelta(days=14, minutes=rng.randint(0, 300)))


def _prefixed(note: Callable[[str], None], code: str) -> Callable[[str], None]:
    return lambda text: note(f"{code}: {text}")


def _users_line(created: list[str]) -> str:
    names = ", ".join(f"{u} ({r.value})" for u, r, _ in DEMO_USERS)
    made = f"created {', '.join(created)}" if created else "all existed already"
    return f"demo users: {names}; {made}. They have no password: use --user NAME."


def _exists(session: Any, code: str) -> bool:
    try:
        fair_by_code(session, code)
    except NotFound:
        return False
    return True


def _demo_into_fair(
    ctx: Context,
    options: DemoOptions,
    rng: random.Random,
    real_now: datetime,
    note: Callable[[str], None],
) -> list[str]:
    code = str(options.fair_code).strip()
    with ctx.db.reading() as session:
        fair = fair_by_code(session, code)
        cal = calendar_of(fair)
    opening = cal.next_opening(datetime.combine(cal.start, time(0), tzinfo=cal.zone))
    assert opening is not None
    if real_now <= opening + timedelta(minutes=30):
        raise InvalidInput(
            "The fair {code} opens {opening:%Y-%m-%d %H:%M}; demo complaints "
            "need a fair that is open or over.",
            code=code,
            opening=opening,
        )
    exhibitors = _fair_exhibitors(ctx, code)
    if not exhibitors:
        raise InvalidInput(
            "The fair {code} has no exhibitors with a booth; import its "
            "exhibitor list first (fairdesk import exhibitors).",
            code=code,
        )
    world = _world(rng, 0)
    clock = DemoClock(opening - timedelta(days=1))
    note("demo users")
    contexts, created = _users(ctx, clock)
    actors = _Actors(clock, Context(ctx.db, ctx.actor, clock), contexts)
    note(f"{code}: {len(exhibitors)} exhibitors")
    live = real_now < cal.fair_close()
    n, moved = _run_cases(
        actors,
        world,
        code,
        exhibitors,
        options.complaints,
        real_now,
        lambda text: note(f"{code}: {text}"),
    )
    lines = [f"{code}: added {n} demo complaints"]
    lines += _summary(ctx, code, "live" if live else "closed", None)
    if moved:
        lines.append(f"  post-fair follow-up: {moved} cases handed over after the close")
    lines.append(_users_line(created))
    return lines
