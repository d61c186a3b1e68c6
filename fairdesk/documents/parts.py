# mypy: disable-error-code="import-untyped,import-not-found"
"""Blocks several documents print the same way: parties, rights, exhibits, measures."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import Row, S, fields, grid, para, section
from fairdesk.documents.model import (
    DocumentData,
    ExhibitView,
    MeasureView,
    PartyView,
    RespondentView,
    RightView,
)
from fairdesk.documents.quantities import total
from fairdesk.domain import credit_code, right_names
from fairdesk.domain.acceptance import RightFacts, basis_of, holds_the_right
from fairdesk.domain.authorities import english_name
from fairdesk.domain.enums import DecisionTrigger, LicenceType, MeasureType, ProtectionBasis
from fairdesk.domain.vocabulary import (
    DISPUTE_TYPES,
    STANDING_NOT_SHOWN,
    PartyWords,
    jurisdiction_words,
    party_words,
)
from fairdesk.domain.workflow import LIFTS_SUSPENSION


def name_of(zh: str, en: str) -> str:
    if zh and en and zh != en:
        return f"{zh}\n{en}"
    return zh or en


def party_rows(p: PartyView, zh: str, en: str, contact: bool = True) -> list[Row]:
    rows: list[Row] = [(zh, en, name_of(p.name, p.name_en))]
    if p.id_doc_no:
        rows.append(
            ("证件/登记号", "ID / registration no.", f"{p.id_doc_type} {p.id_doc_no}".strip())
        )
    if p.country:
        rows.append(("国家/地区", "Country / region", p.country))
    if p.address:
        rows.append(("地址", "Address", p.address))
    reach = " ".join(x for x in (p.contact, p.phone, p.email) if x)
    if contact and reach:
        rows.append(("联系方式", "Contact", reach))
    return rows


_PATENTS = {"invention_patent", "utility_model", "design"}


def protected_in_china(r: RightView) -> bool:
    """Whether the right is protected in China (the acceptance rule's basis): a right
    granted or registered abroad only is not, and confers no 专用权/专利权 here."""
    facts = RightFacts(
        ip_type=r.ip_type,
        number=r.number,
        jurisdiction=r.jurisdiction,
        basis=r.basis,
        ir_number=r.ir_number,
    )
    return basis_of(facts) is not ProtectionBasis.FOREIGN_ONLY


def _bare_number(r: RightView) -> str:
    """The number without the 第…号 and stray spaces a desk may type ("第 45678901 号")."""
    number = r.number.strip().removeprefix("第").removesuffix("号").strip()
    return number if not number.replace(" ", "").isdigit() else number.replace(" ", "")


def foreign_right_name(r: RightView) -> tuple[str, str]:
    """A right from abroad not protected in China, named for what it is: "欧盟商标EUTM
    018123456（未在中国注册）", never 第…号注册商标专用权."""
    where = jurisdiction_words(r.jurisdiction)
    number = _bare_number(r)
    kind_zh, kind_en = L.zh(L.IP_TYPES, r.ip_type), L.en(L.IP_TYPES, r.ip_type).lower()
    if r.ip_type == "trademark":
        return f"{where.zh}商标{number}（未在中国注册）", (
            f"{where.en} trade mark {number} (not registered in China)"
        )
    if r.ip_type in _PATENTS:
        return f"{where.zh}{kind_zh}{number}（未在中国授权）", (
            f"{where.en} {kind_en} {number} (not granted in China)"
        )
    return f"{where.zh}{kind_zh}{number}（在中国不受保护）", (
        f"{where.en} {kind_en} {number} (not protected in China)"
    )


def right_name(r: RightView) -> tuple[str, str]:
    """A right named in full, as the center prints it: 第N号注册商标专用权,
    ZL… 号外观设计专利权, 《作品》著作权; a right from abroad not protected in China by
    `foreign_right_name`."""
    if not protected_in_china(r):
        return foreign_right_name(r)
    w = right_names.right_in_full(r.ip_type, r.number, r.title)
    if _madrid(r):
        w = right_names.madrid_in_full(r.ir_number or r.number)
    return w.zh, w.en


def _madrid(r: RightView) -> bool:
    """A Madrid international registration designating China (not a Chinese registration)."""
    facts = RightFacts(r.number, r.ip_type, r.jurisdiction, basis=r.basis, ir_number=r.ir_number)
    return r.ip_type == "trademark" and basis_of(facts) is ProtectionBasis.MADRID


def right_kind(r: RightView) -> tuple[str, str]:
    """The kind of right as a right (外观设计专利权, 注册商标专用权, 著作权), not of a thing."""
    if not protected_in_china(r):  # no 专用权 in China: the kind of thing, from abroad
        kind_zh, kind_en = L.zh(L.IP_TYPES, r.ip_type), L.en(L.IP_TYPES, r.ip_type)
        where = jurisdiction_words(r.jurisdiction)
        return f"{where.zh}{kind_zh}", f"{where.en} {kind_en.lower()}"
    w = right_names.MADRID_KIND if _madrid(r) else right_names.right_kind(r.ip_type)
    return w.zh, w.en


def right_number(r: RightView) -> str:
    """The number as the register writes it; the country only for a right from abroad (a
    Madrid registration's kind says where: its IR number alone)."""
    number = _bare_number(r)
    if _madrid(r):
        return right_names.right_number("trademark", r.ir_number or r.number)
    if r.ip_type == "trademark" and number.isdigit():
        number = f"第{number}号"
    return number if r.jurisdiction in ("", "CN") else f"{number}（{r.jurisdiction}）"


def authority_names(text: str, fallback_en: str = "the IP authority") -> tuple[str, str]:
    """An authority as typed at the desk ("上海市知识产权局 / Shanghai Intellectual Property
    Administration", or the Chinese name alone) as its Chinese and English names; an
    English line never prints the Chinese name, so it falls back to words."""
    zh, _, en = text.partition(" / ")
    en = en.strip() or english_name(zh)  # a well-known organ typed in Chinese only
    if en and not en.lower().startswith("the "):
        en = f"the {en}"  # an organ's name takes the article: "the Shanghai … Administration"
    return zh.strip(), en or fallback_en


def addressee(zh: str, en: str) -> list[Flowable]:
    """A letter's addressee, named once: the Chinese name, and "To …" only when the
    English name is known (an English line never carries the Chinese name)."""
    out = [para(f"{zh}：", S.zh, bold=True)] if zh else []
    if en:
        out.append(para(f"To {en}:", S.en))
    return out


def exhibits_cell(exhibits: tuple[ExhibitView, ...]) -> str:
    """A respondent's accused exhibits in one cell: "CM-101 ×2、CM-102 ×2（共4件）"."""
    items = [
        (x.model or x.name) + ("" if x.quantity is None else f" ×{x.quantity}") for x in exhibits
    ]
    if not items:
        return "—"
    n = total(exhibits)
    return "、".join(items) + (f"（共{n}件 / {n} item{'s' if n != 1 else ''}）" if n else "")


def booth_words(r: RespondentView) -> tuple[str, str]:
    """The booth with its hall and a word, never a bare code: ("4.1馆4.1B12展位",
    "booth 4.1B12 in hall 4.1"), for a sentence or a cell."""
    hall = r.hall.strip()
    hall_zh = hall if not hall or hall.endswith("馆") else f"{hall}馆"
    hall_en = f"hall {hall.removesuffix('馆')}" if hall else ""
    if not r.booth:
        return hall_zh, hall_en
    zh = f"{hall_zh}{r.booth}展位"
    en = f"booth {r.booth}" + (f" in {hall_en}" if hall_en else "")
    return zh, en


def booth_text(r: RespondentView) -> str:
    """The booth as a table cell prints it: "4.1馆4.1B12展位 / Booth 4.1B12 in hall 4.1"."""
    zh, en = booth_words(r)
    return f"{zh} / {en[:1].upper()}{en[1:]}" if zh else ""


def sides(d: DocumentData) -> PartyWords:
    """What this paper calls the two sides and the matter (投诉人 / 申请人, ...)."""
    return party_words(d.complaint_kind)


def dispute_respondents(d: DocumentData) -> list[Flowable]:
    """A commercial dispute's other side(s), one row per case: no exhibits to list."""
    other = sides(d).respondent
    rows = [
        [c.number, name_of(c.respondent.name_zh, c.respondent.name_en), booth_text(c.respondent)]
        for c in d.cases
    ]
    return [
        *section(other.zh, other.en),
        grid(
            [("案件编号", "Case no."), (other.zh, other.en), ("展位", "Booth")], rows, [20, 55, 25]
        ),
    ]


def respondent_rows(r: RespondentView | None, zh: str = "被投诉人") -> list[Row]:
    if r is None:
        return []
    rows: list[Row] = [
        (zh, "Respondent", name_of(r.name_zh, r.name_en)),
        ("展位", "Hall / booth", booth_text(r)),
    ]
    if r.credit_code:  # a Chinese unified social credit code, or a registration abroad
        chinese = credit_code.is_valid(r.credit_code)
        rows.append(
            ("统一社会信用代码", "Unified social credit code", r.credit_code)
            if chinese
            else ("注册号", "Registration no.", r.credit_code)
        )
    country = name_of(r.country, r.country_en).replace("\n", " / ")
    if country:
        rows.append(("国家/地区", "Country / region", country))
    if r.delegation:
        rows.append(("交易团/展区", "Delegation / pavilion", r.delegation))
    contact = " ".join(x for x in (r.contact, r.phone, r.email) if x)
    if contact:
        rows.append(("联系方式", "Contact", contact))
    return rows


def parties_block(d: DocumentData, respondent: bool = True) -> list[Flowable]:
    # The respondent's copy of a decision does not pass on the complainant's phone and
    # e-mail (nor its agent's): the parties reach each other through the center.
    private = d.copy == "respondent"
    side = sides(d).complainant
    rows = party_rows(d.complainant, side.zh, side.en, contact=not private)
    if d.agent is not None:
        rows += party_rows(d.agent, "代理人", "Agent", contact=not private)
        rows.append(
            (
                "授权委托书",
                "Power of attorney",
                "已提交 / filed" if d.power_of_attorney else "未提交 / not filed",
            )
        )
    if not respondent:
        return [*section("当事人", "Parties"), fields(rows)]
    # The respondent's details are read as one: a page break never falls inside them.
    first = fields(rows)
    first.spaceAfter = 0
    accused = fields(respondent_rows(d.respondent, sides(d).respondent.zh))
    return [*section("当事人", "Parties"), first, KeepTogether([accused])]


def rights_block(d: DocumentData) -> list[Flowable]:
    if d.complaint_kind == "commercial":
        kind = L.both(DISPUTE_TYPES, d.dispute_type) if d.dispute_type else "商事纠纷 / Commercial"
        rows: list[Row] = [("纠纷类型", "Type of dispute", kind)]
        return [*section("纠纷", "Dispute"), fields(rows)]
    return [
        *section("权利依据", "Rights relied on"),
        grid(
            [
                ("类型", "Type"),
                ("号码", "Number"),
                ("名称/标识", "Title / mark"),
                ("权利人", "Holder"),
                ("有效期至", "Valid until"),
                ("投诉人身份", "Standing"),
            ],
            [
                [
                    " / ".join(right_kind(r)),
                    right_number(r),
                    r.title,
                    r.holder,
                    r.valid_until,
                    _standing(d, r),
                ]
                for r in d.rights
            ],
            [15, 20, 17, 19, 12, 15],
        ),
    ]


def _standing(d: DocumentData, r: RightView) -> str:
    """The complainant's standing for the right: "权利人" only when it holds it."""
    names = (d.complainant.name, d.complainant.name_en)
    if r.licence_type in (LicenceType.OWNER, "") and not holds_the_right(r.holder, *names):
        return STANDING_NOT_SHOWN.both
    return L.both(L.LICENCES, r.licence_type)


def licensed(r: RightView) -> bool:
    """The complainant complains as a licensee of the right (its standing as recorded)."""
    return r.licence_type not in (LicenceType.OWNER, "")


def rights_of(rights: list[RightView], own_zh: str) -> tuple[str, list[str]]:
    """Rights named with whose they are: the complainant's own after `own_zh` ("其",
    "投诉人的"); a licensee's rights as their holder's, never the complainant's
    ("权利人Example Art LLC的《…》著作权（投诉人为其独占被许可人）"), one phrase per holder and
    licence. The English names, one a right or a holder's group, for the caller to join."""
    own = [right_name(r) for r in rights if not licensed(r)]
    zh = [own_zh + "、".join(z for z, _ in own)] if own else []
    en = [e for _, e in own]
    held: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in rights:
        if licensed(r):
            held.setdefault((r.holder, r.licence_type), []).append(right_name(r))
    for (holder, licence), names in held.items():
        word = L.LICENCES.words(licence)
        zh.append(f"权利人{holder}的{'、'.join(z for z, _ in names)}（投诉人为其{word.zh}）")
        en.append(f"{' and '.join(e for _, e in names)} held by {holder}, of which the "
                  f"complainant is the {word.en.lower()}")  # fmt: skip
    return "、".join(zh), en


def found_infringing(d: DocumentData) -> bool:
    """The case's decision found infringement (preliminarily: the center is no organ)."""
    return d.decision_state == "INFRINGEMENT_FOUND" or bool(d.decision_trigger)


def exhibits_heading(d: DocumentData) -> tuple[str, str]:
    """The exhibits' heading: accused until a decision finds them infringing."""
    if found_infringing(d) and d.decision_trigger == DecisionTrigger.PRIOR_LEGAL_DOCUMENT:
        # An effective court or administrative decision confirms it: not preliminary.
        return "被认定侵权的展品", "Exhibits found infringing"
    if found_infringing(d):
        return "被初步认定侵权的展品", "Exhibits preliminarily found infringing"
    return "涉嫌侵权展品", "Accused exhibits"


def exhibits_block(
    exhibits: tuple[ExhibitView, ...], zh: str = "涉嫌侵权展品", en: str = "Accused exhibits"
) -> list[Flowable]:
    return [
        *section(zh, en),
        grid(
            [
                ("序号", "No."),
                ("展品名称", "Exhibit"),
                ("型号", "Model"),
                ("数量", "Qty"),
                ("备注", "Note"),
            ],
            [
                [str(i), x.name, x.model, "" if x.quantity is None else str(x.quantity), x.note]
                for i, x in enumerate(exhibits, 1)
            ],
            [7, 40, 18, 8, 27],
        ),
    ]


def accused_under(d: DocumentData, x: ExhibitView) -> list[tuple[str, str]]:
    """The rights (named in full, Chinese and English) an exhibit is accused under; one
    that names none is accused under the only right relied on, when there is one (as the
    workflow's finding reads it)."""
    by_number = {r.number: r for r in d.rights}
    if not x.accused_under and len(d.rights) == 1:
        return [right_name(d.rights[0])]
    return [right_name(by_number[n]) for n in x.accused_under if n in by_number]


def only_rights_accused(d: DocumentData) -> DocumentData:
    """The paper with only the rights its exhibits are accused under (all of them while no
    exhibit names one): a right no exhibit is accused under is not this case's."""
    named = {name for x in d.exhibits for name in accused_under(d, x)}
    rights = tuple(r for r in d.rights if right_name(r) in named)
    return replace(d, rights=rights) if rights else d


def rights_accused(d: DocumentData) -> tuple[str, str]:
    """The rights the case's exhibits are accused under, named in full in the order the
    complaint lists them: ("ZL…号外观设计专利权、第N号注册商标专用权", "design patent ZL…
    and the exclusive right to registered trademark No. N"); ("", "") when none is known."""
    named = {name for x in d.exhibits for name in accused_under(d, x)}
    names = [right_name(r) for r in d.rights if right_name(r) in named]
    zh = "、".join(n[0] for n in names)
    en = " and ".join(n[1].removeprefix("the ") for n in names)
    return zh, en


def accused(d: DocumentData) -> tuple[str, str]:
    """What the exhibits allegedly infringe, the right named in full from the exhibits'
    links: ("涉嫌侵犯<投诉人>ZL…号外观设计专利权", "the complainant's design patent ZL…")."""
    zh, en = rights_accused(d)
    if not zh:
        return "涉嫌侵权", "the complainant's rights"
    named = {name for x in d.exhibits for name in accused_under(d, x)}
    rights = [r for r in d.rights if right_name(r) in named]
    if any(licensed(r) for r in rights):  # a licensee's right is named as its holder's
        zh, names_en = rights_of(rights, d.complainant.name)
        return f"涉嫌侵犯{zh}", " and ".join(names_en)
    return f"涉嫌侵犯{d.complainant.name}{zh}", f"the complainant's {en}"


def exhibits_with_rights(d: DocumentData) -> list[Flowable]:
    """The accused exhibits, each with the right(s) it is accused under."""
    rows = []
    for i, x in enumerate(d.exhibits, 1):
        names = accused_under(d, x)
        rows.append(
            [
                str(i),
                x.name,
                x.model,
                "" if x.quantity is None else str(x.quantity),
                "\n".join(f"{zh}\n{en}" for zh, en in names) or "未指明 / not specified",
            ]
        )
    return [
        *section(*exhibits_heading(d)),
        grid(
            [
                ("序号", "No."),
                ("展品名称", "Exhibit"),
                ("型号", "Model"),
                ("数量", "Qty"),
                ("涉嫌侵犯的权利", "Right(s) accused under"),
            ],
            rows,
            [7, 30, 15, 7, 41],
        ),
    ]


def exhibits_of(d: DocumentData) -> list[Flowable]:
    """The case's exhibits under the heading its kind of case calls them: a commercial
    dispute accuses no exhibit (none printed when it names none)."""
    if d.complaint_kind == "commercial":
        return exhibits_block(d.exhibits, "涉及展品", "Exhibits concerned") if d.exhibits else []
    return exhibits_block(d.exhibits, *exhibits_heading(d))


def _undertaking(m: MeasureView) -> str:
    """Whether the undertaking is signed; a suspension of display during the complaint asks
    for none (2006 Art 7(1)), so it says nothing rather than "not signed"."""
    if m.measure_type == MeasureType.SUSPEND_DISPLAY:
        return "—"
    return "已签 / signed" if m.undertaking_signed else "未签 / not signed"


def custody_return(d: DocumentData) -> tuple[str, str]:
    """When goods in custody go back, said alike on the custody list and the closing record:
    once the fair has closed (the undertaking keeps them off display all the closing day)."""
    if d.custody_until:
        return f"{d.custody_until}展会闭幕后", f"after the fair closes at {d.custody_until}"
    return "展会闭幕后", "after the fair closes"


def suspension_lifted_at(d: DocumentData) -> str:
    """When the suspension of display ends with the decision (the domain says which
    decisions lift it): the decision's time; "" while it stands or a later measure replaced it."""
    last = d.measures[-1] if d.measures else None
    if last is None or last.measure_type != MeasureType.SUSPEND_DISPLAY:
        return ""
    return d.decided_at if d.decision_state in LIFTS_SUSPENSION else ""


def suspension_kept_until(d: DocumentData) -> str:
    """When a suspension the decision keeps ends (the fair's close); "" when the decision
    lifts it, a later measure replaced it or there is none."""
    last = d.measures[-1] if d.measures else None
    if last is None or last.measure_type != MeasureType.SUSPEND_DISPLAY:
        return ""
    return d.suspension_until


def _due(d: DocumentData, i: int, m: MeasureView) -> str:
    """A measure's due time; a suspension of display (2006 Art 7(1)) has none: it lasts
    while the complaint is handled (its label says so), until the measure ordered after
    it replaces it."""
    if m.measure_type != MeasureType.SUSPEND_DISPLAY:
        return m.due_at or (d.recheck_due_at if i == len(d.measures) else "")
    later = d.measures[i:]
    if not later:
        lifted = suspension_lifted_at(d)
        if until := suspension_kept_until(d):
            return f"至展会闭幕 / Until the fair closes {until}"
        return f"已解除 / Lifted {lifted}" if lifted else ""
    word = L.MEASURES.words(later[0].measure_type).on_paper
    return f"已由“{word.zh}”替代 / Replaced by: {word.en.lower()}"


def measures_block(
    d: DocumentData,
    undertaking: bool = True,
    heading: tuple[str, str] = ("整改措施", "Measures ordered"),
) -> list[Flowable]:
    """The measures ordered. undertaking=False leaves out whether the undertaking is signed:
    the remedial order is the very paper the respondent signs, so it never says it is."""
    head = [
        ("措施", "Measure"),
        ("要求时间", "Ordered"),
        ("期限", "Due"),
        ("承诺书", "Undertaking"),
        ("暂存地点", "Kept at"),
        ("复查", "Re-inspection"),
    ]
    rows = [
        [
            L.both(L.MEASURES, m.measure_type),
            m.ordered_at,
            _due(d, i, m),
            _undertaking(m),
            m.storage_place,
            " ".join(x for x in (L.both(L.RECHECK_RESULTS, m.recheck_result), m.rechecked_at) if x),
        ]
        for i, m in enumerate(d.measures, 1)
    ]
    widths = [20, 15, 13, 13, 18, 21]
    if not undertaking:
        head, widths = head[:3] + head[4:], [22, 17, 15, 22, 24]
        rows = [row[:3] + row[4:] for row in rows]
    return [*section(*heading), grid(head, rows, widths)]


def case_rows(d: DocumentData) -> list[Row]:
    matter = sides(d).matter
    filed: list[Row] = [
        ("投诉方式", "Filed", L.both(L.CHANNELS, d.channel)),
        ("投诉时间", "Filed at", d.received_at),
    ]
    if d.complaint_kind == "commercial":  # the channels' words are a complaint's (现场投诉)
        filed = [("申请时间", "Filed on", d.received_at)]
    rows: list[Row] = [
        (f"{matter.zh}编号", f"{matter.en.capitalize()} no.", d.complaint_number),
        *filed,
    ]
    if d.case_number:
        rows.append(("案件编号", "Case no.", d.case_number))
    return rows


def outcome(d: DocumentData) -> tuple[str, str]:
    """What the case came to, in both languages."""
    state = d.decision_state or d.case_state
    return L.zh(L.CASE_STATES, state), L.en(L.CASE_STATES, state)


def parties_side_by_side(d: DocumentData) -> list[Flowable]:
    """The parties in two columns, complainant (and agent) beside the respondent: half the
    height of `parties_block`, so a one-respondent decision keeps to the pages it needs."""
    from reportlab.platypus import Table, TableStyle

    from fairdesk.documents.furniture import BODY_W, LIGHT, S, para

    def cell(rows: list[Row]) -> list[Flowable]:
        out: list[Flowable] = []
        for i, (zh, en, value) in enumerate(rows):
            if i == 0 or zh in ("代理人",):  # a name: as a heading of its lines
                out.append(para(f"{zh} {en}", S.cell_en))
                out.append(para(value or "—", S.value, bold=True))
            else:
                out.append(para(f"{zh} {en}：{value or '—'}", S.cell))
        return out

    private = d.copy == "respondent"  # see parties_block
    side = sides(d).complainant
    left = party_rows(d.complainant, side.zh, side.en, contact=not private)
    if d.agent is not None:
        left += party_rows(d.agent, "代理人", "Agent", contact=not private)
        filed = "已提交 / filed" if d.power_of_attorney else "未提交 / not filed"
        left.append(("授权委托书", "Power of attorney", filed))
    columns = [cell(left)]
    if d.respondent is not None:
        columns.append(cell(respondent_rows(d.respondent, sides(d).respondent.zh)))
    width = BODY_W / len(columns)
    table = Table([columns], colWidths=[width] * len(columns), hAlign="LEFT", spaceAfter=5)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [*section("当事人", "Parties"), table]
