# mypy: disable-error-code="import-untyped,import-not-found"
"""处理意见书: the center's opinion on a complaint, one copy for each party (served on
both, as 2006 Art 14 has the IP authority do with its own decisions)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import (
    S,
    bi,
    box,
    fields,
    paper_version,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    accused_under,
    authority_names,
    case_rows,
    exhibits_with_rights,
    licensed,
    measures_block,
    parties_block,
    parties_side_by_side,
    right_name,
    rights_block,
    rights_of,
    suspension_kept_until,
    suspension_lifted_at,
)
from fairdesk.documents.quantities import name_en
from fairdesk.domain import vocabulary as v
from fairdesk.domain.authorities import english_name
from fairdesk.domain.enums import CaseState, DecisionTrigger, MeasureType
from fairdesk.domain.normalize import has_cjk
from fairdesk.domain.vocabulary import Words
from fairdesk.domain.workflow import NEXT_STEP_AFTER_DECISION, Entity, step


def _ground(d: DocumentData) -> list[Flowable]:
    """What a decision rests on: the admission or the legal document it was taken on at
    once, and the reasons the desk gave."""
    b = d.decision_basis
    out: list[Flowable] = []
    if b.get("admission"):
        # Quoted as recorded: words in Chinese on the English line say they are the original.
        original = " (original text)" if has_cjk(b["admission"]) else ""
        out += bi(
            f"被投诉人承认侵权：{b['admission']}",
            f"Admission by the respondent{original}: {b['admission']}",
        )
    if b.get("document_body") or b.get("document_number"):
        body, no, on = (
            b.get("document_body", ""),
            b.get("document_number", ""),
            b.get("document_date", ""),
        )
        # The court or organ in English when its name is known; else quoted as typed.
        known = english_name(body)
        body_en = f"the {known}," if known else body
        original = " (original text)" if has_cjk(f"{body_en}{no}") else ""
        out += bi(
            f"生效法律文书：{body} {no}（{on}）",
            f"Effective legal document{original}: {body_en} {no} ({on})".replace(" ,", ","),
        )
    if d.decision_note:  # as the desk typed it, in one language: each line says which
        original = " (original text)" if has_cjk(d.decision_note) else ""
        out += bi(f"理由：{d.decision_note}", f"Reasons{original}: {d.decision_note}")
    return out


def _rights_infringed(d: DocumentData) -> list[Flowable]:
    """Which right each exhibit infringes, the rights named in full. Exhibits that infringe
    the same rights share one sentence: the same words twice only lengthen the paper."""
    groups: dict[tuple[tuple[str, str], ...], list[tuple[str, str]]] = {}
    for x in d.exhibits:
        names = tuple(accused_under(d, x))
        if not names:
            continue
        label = f"{x.name}（{x.model}）" if x.model else x.name
        label_en = f"{name_en(x.name)}, model {x.model}" if x.model else name_en(x.name)
        groups.setdefault(names, []).append((label, label_en))
    out: list[Flowable] = []
    confirmed = _confirmed(d)
    by_name = {right_name(r): r for r in d.rights}
    for names, labels in groups.items():
        # Whose each right is: a licensee's is its holder's (the complainant holds a licence).
        whose, names_en = rights_of([by_name[n] for n in names if n in by_name], "投诉人的")
        many = len(labels) > 1
        # The center's finding is preliminary (it is no administrative organ): each line
        # says so, as the heading does; one an effective legal document confirms says that.
        suspected, how_zh = ("侵犯", v.CONFIRMED.zh) if confirmed else ("涉嫌侵犯", "初步认定")
        how_en = (
            f" to infringe {{}} ({v.CONFIRMED.en})"
            if confirmed
            else (", preliminarily, to infringe {}")
        )
        out += bi(
            f"展品{'、'.join(f'“{zh}”' for zh, _ in labels)}{suspected}{whose}（{how_zh}）。",
            f"The exhibit{'s' if many else ''} {_and([f'“{en}”' for _, en in labels])} "
            f"{'are' if many else 'is'} found" + how_en.format(" and ".join(names_en)) + ".",
        )
    return out


def _confirmed(d: DocumentData) -> bool:
    """An infringement an effective court or administrative decision confirms (CNIPA Art 14
    (2)): no longer a preliminary finding."""
    return (
        d.decision_state == CaseState.INFRINGEMENT_FOUND
        and d.decision_trigger == DecisionTrigger.PRIOR_LEGAL_DOCUMENT
    )


def _other_claims(d: DocumentData) -> list[Flowable]:
    """What became of the claims under rights no exhibit is accused under, as the desk
    worded it: the Chinese lines in the Chinese style, the others in the English one."""
    text = d.decision_basis.get("other_claims", "")
    if d.decided_by_organ:  # the organ's decision speaks of itself as one
        text = text.replace("本意见", "本决定").replace("this opinion", "this decision")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [para(line, S.zh if has_cjk(line) else S.en) for line in lines]


SHORT_TABLE = 5  # rows of a table that is not split over two pages


def _whole_when_short(block: list[Flowable], rows: int) -> list[Flowable]:
    """A section whose few rows stay on one page (its page-break check stays in front)."""
    if paper_version() < 2 or rows > SHORT_TABLE:
        return block
    return [block[0], KeepTogether(block[1:])]


def _mid_sentence(words: str) -> str:
    """'Infringement found' after 'Outcome:' reads 'infringement found'."""
    return words[:1].lower() + words[1:]


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _authority_decides(d: DocumentData) -> list[Flowable]:
    """A case also before an authority (the complaint transferred to it, or the case
    referred): the center's opinion is only its preliminary view, and the authority decides."""
    if d.transferred_at and d.authority:
        (zh, en), done_zh, done_en = authority_names(d.authority), "移交", "transferred"
    elif d.case_authority:
        kind = L.en(L.AUTHORITY_KINDS, d.referral_kind).lower() if d.referral_kind else ""
        fallback = f"the authority ({kind})" if kind else "the authority"
        (zh, en), done_zh, done_en = authority_names(d.case_authority, fallback), "移送", "referred"
    else:
        return []
    return bi(
        f"本意见系本中心依据参展合同作出的初步意见。本案已{done_zh}{zh}，由{zh}依法处理并作出决定。",
        f"This opinion is the service center's preliminary view under the exhibitor contract. "
        f"The case has been {done_en} to {en}, which handles it and decides under the law.",
    )


def _decided_by(d: DocumentData) -> list[tuple[str, str, str]]:
    rows = []
    if d.decided_by_organ:
        rows.append(("作出处理的机关", "Decided by (organ)", d.decided_by_organ))
    if d.decided_by_officer:
        rows.append(("承办人员", "Officer", d.decided_by_officer))
    return rows


def _opening(d: DocumentData) -> list[Flowable]:
    """What the opinion is on. The case number stands in the header and beside the
    signature: not a third time (the lines saved keep the paper to two pages)."""
    zh_r = d.respondent.name_zh if d.respondent else ""
    en_r = (d.respondent.name_en or d.respondent.name_zh) if d.respondent else ""
    en_c = d.complainant.name_en or d.complainant.name
    if paper_version() < 2:
        return bi(
            f"关于{d.complainant.name}对{zh_r}的投诉（案件编号 {d.case_number}），"
            "本中心处理意见如下。",
            f"On the complaint of {en_c} against {en_r} (case {d.case_number}), the service "
            "center gives the following opinion.",
        )
    who_zh, who_en = _speaker(d)
    if d.decided_by_organ:  # the organ's decision, not an opinion (2006 Art 6)
        return bi(
            f"关于{d.complainant.name}对{zh_r}的投诉，{who_zh}作出处理决定如下。",
            f"On the complaint of {en_c} against {en_r}, {who_en} decides as follows.",
        )
    return bi(
        f"关于{d.complainant.name}对{zh_r}的投诉，{who_zh}处理意见如下。",
        f"On the complaint of {en_c} against {en_r}, {who_en} gives the following opinion.",
    )


def _speaker(d: DocumentData) -> tuple[str, str]:
    """Who gives the opinion: the center, or the stationed IP officer who decided (2006
    Art 6), in the organ's name: the paper speaks as the one who decided."""
    if not d.decided_by_organ:
        return "本中心", "the service center"
    zh, en = authority_names(d.decided_by_organ, "the IP authority")
    officer = d.decided_by_officer
    named = f"{officer}, the officer of {en} stationed at the fair" if officer else ""
    return f"{zh}派驻展会执法人员{officer}", named or f"the officer of {en} stationed at the fair"


def _citation(d: DocumentData, key: str) -> tuple[str, str]:
    """A rule-set citation as running text cites it ("展会知识产权保护办法第六条")."""
    zh, _, en = d.fair.legal_basis.get(key, "").partition(" / ")
    return zh.replace(" ", ""), en


def _cited(d: DocumentData, key: str) -> list[Flowable]:
    """An officer's finding says the article it rests on (2006 Art 6) right under it: the
    organizer's articles (Shanghai Arts 27, 38) are for the measures only."""
    zh, en = _citation(d, key)
    if not d.decided_by_organ or not zh:
        return []
    return bi(f"法律依据：{zh}。", f"Legal basis: {en}." if en else "")


def _in_voice(d: DocumentData, zh: str, en: str) -> tuple[str, str]:
    """A finding's words in the voice of the one who decided."""
    who_zh, who_en = _speaker(d)
    return zh.replace("本中心", who_zh), en.replace("the service center", who_en)


def _defence(d: DocumentData) -> list[Flowable]:
    """The respondent's defence, or why there is none."""
    defence: list[Flowable] = section("被投诉人答辩", "Respondent's defence")
    if d.defence_summary:
        # As the desk typed it, in one language: the heading says so in both, like the
        # reasons' label (not the text twice: the signature keeps to the page before).
        defence = section("被投诉人答辩要点（原文）", "Respondent's defence (original text)")
        defence.append(para(d.defence_summary, S.zh))
    elif d.decision_trigger in (DecisionTrigger.ADMISSION, DecisionTrigger.PRIOR_LEGAL_DOCUMENT):
        # Decided at once (CNIPA Art 14): the defence period may still have been running.
        defence += bi(
            "本案依法径行处理，未等待答辩期届满；被投诉人未提交书面答辩。",
            "Decided at once, without waiting for the defence period to end; the respondent "
            "filed no written defence.",
        )
    elif d.decision_trigger == DecisionTrigger.DEFENCE_OVERDUE and d.served_at:
        defence += _overdue_clock(d)
    else:
        defence += bi(
            "被投诉人未在答辩期限内提交书面答辩。",
            "The respondent filed no written defence within the defence period.",
        )
    # A short defence stays with its heading wherever it fits, rather than after a page
    # break that only the heading's usual check asked for.
    return [KeepTogether(defence[1:])] if paper_version() >= 2 else defence


def _overdue_clock(d: DocumentData) -> list[Flowable]:
    """The clock a finding on a missing defence rests on (CNIPA Art 14 (1) counts from the
    time of service): when and how the notice was served, and when the period ran out."""
    manner = Words(
        L.en(L.SERVICE_MANNERS, d.service_manner), L.zh(L.SERVICE_MANNERS, d.service_manner)
    )
    how_zh = f"以{manner.zh}方式" if d.service_manner else ""
    how_en = f" ({manner.en[0].lower()}{manner.en[1:]})" if d.service_manner else ""
    return bi(
        f"投诉通知书于{d.served_at}{how_zh}送达，答辩期限于{d.defence_due_at}届满，"
        "被投诉人未在期限内提交书面答辩。",
        f"The notice of complaint was served at {d.served_at}{how_en}; the defence period ran "
        f"out at {d.defence_due_at}, and the respondent filed no written defence within it.",
    )


def story(d: DocumentData) -> list[Flowable]:
    to, to_en = _addressee(d)
    out: list[Flowable] = [
        para(f"{to}：", S.zh, bold=True),
        para(f"To {to_en}:", S.en),
        *_opening(d),
        *(parties_block(d) if paper_version() < 2 else parties_side_by_side(d)),
        *rights_block(d),
        *_whole_when_short(exhibits_with_rights(d), len(d.exhibits)),
    ]
    out += _defence(d)
    # The articles are cited once, in the footer (the step's citation, CNIPA Art 14 for a
    # trigger, 2006 Art 6 for an officer): a second list in the body disagreed with it.
    # The heading stays with its box (a box is one table row: it moves whole to the next
    # page and would leave the heading behind).
    # One heading whoever decides next: the center gives an opinion, never a decision.
    heading = (
        section("处理决定", "Decision") if d.decided_by_organ else section("处理意见", "Opinion")
    )
    out.append(heading[0])
    # The last block of content before the closing words: kept with them (below), so the
    # receiver never signs a page that holds only the closing words and the signature.
    last: list[Flowable] = [KeepTogether([*heading[1:], box(_decision(d))])]
    after = _after_the_opinion(d)
    if after:
        out += last
        last = after
    if d.measures:
        table = measures_block(d)
        out += [*last, table[0]]  # the heading's page-break check stays outside
        last = table[1:]
    return _closing(d, out, last)


def _addressee(d: DocumentData) -> tuple[str, str]:
    if d.copy == "complainant":
        return d.complainant.name, d.complainant.name_en or d.complainant.name
    r = d.respondent
    return (r.name_zh, r.name_en or r.name_zh) if r else ("", "")


def _decision(d: DocumentData) -> list[Flowable]:
    """The opinion's box: the outcome, the finding in the decider's voice, its grounds."""
    state = d.decision_state
    finding = L.DECISION_FINDINGS.get(state) or L.DECISION_FINDINGS[CaseState.UNDETERMINED]
    outcome = Words(L.en(L.CASE_STATES, state), L.zh(L.CASE_STATES, state))
    if _confirmed(d):
        finding, outcome = v.CONFIRMED_FINDING, v.CONFIRMED_OUTCOME
    if any(licensed(r) for r in d.rights):  # a licensee relies on rights others hold
        finding = Words(
            finding.en.replace("the complainant's rights", "the rights the complainant relies on"),
            finding.zh.replace("投诉人的权利", "投诉人所主张的权利"),
        )
    before_authority = _authority_decides(d)
    decision = [
        para(f"结论：{outcome.zh}", S.notice, bold=True),
        para(f"Outcome: {_mid_sentence(outcome.en)}", S.notice_en),
        *bi(*_in_voice(d, finding.zh, finding.en)),
        *_cited(d, "decision_officer"),
        *before_authority,
    ]
    if state == CaseState.INFRINGEMENT_FOUND:
        decision += _rights_infringed(d) + _other_claims(d)
    if d.decision_trigger:
        decision += bi(
            f"认定依据：{L.zh(L.TRIGGERS, d.decision_trigger)}。",
            f"Ground: {L.en(L.TRIGGERS, d.decision_trigger)}.",
        )
    return decision + _ground(d)


def _after_the_opinion(d: DocumentData) -> list[Flowable]:
    """The order to cover or take down, or the lifting of a suspension; else nothing."""
    # The order follows a finding of infringement only: a suspension before the decision
    # is interim (2006 Art 7(1)), never an order of its own.
    if d.decision_state == CaseState.INFRINGEMENT_FOUND:
        act = v.COVER_OR_TAKE_DOWN_EXHIBITS
        cancel = v.MEASURES.words(MeasureType.CANCEL_PARTICIPATION).on_paper
        # After an officer's finding the measures are the organizer's, under its own
        # articles: cited here, not with the finding.
        cite_zh, cite_en = _citation(d, "remedy") if d.decided_by_organ else ("", "")
        return bi(
            f"被投诉人应立即对上述展品采取{act.zh}等措施，展会期间不得再展出、宣传或销售；"
            f"拒不执行的，主办方可依据参展合同{cancel.zh}"
            + (f"（{cite_zh}）" if cite_zh else "")
            + "。",
            f"For the exhibits above the respondent must at once {act.en}, and must not "
            "display, promote or sell them again during the fair; if it refuses, the organizer "
            f"may {cancel.en.lower()} under the exhibitor contract"
            + (f" ({cite_en})" if cite_en else "")
            + ".",
        )
    if lifted := suspension_lifted_at(d):
        return bi(
            f"原暂停展出措施自{lifted}起解除，被投诉人可揭除展位公告并恢复展出上述展品。",
            f"The suspension of the display is lifted from {lifted}: the respondent may remove "
            "the booth notice and display the exhibits above again.",
        )
    return _what_comes_next(d)


def _what_comes_next(d: DocumentData) -> list[Flowable]:
    """After a decision that leaves the matter open: the suspension it keeps, and the next
    step (both as the domain declares them)."""
    # (The states are text enums: the decision's state finds its own entry.)
    after = {str(k): v for k, v in NEXT_STEP_AFTER_DECISION.items()}.get(d.decision_state)
    if after is None:
        return []
    nxt = step(Entity.CASE, after).words
    out = bi(f"本案{nxt.zh}。", f"Next step: {nxt.en[0].lower()}{nxt.en[1:]}.")
    if until := suspension_kept_until(d):
        out = (
            bi(
                f"原暂停展出措施继续有效至本届展会闭幕（{until}）。",
                f"The suspension of the display stays in force until the fair closes ({until}).",
            )
            + out
        )
    return out


def _closing(d: DocumentData, out: list[Flowable], last: list[Flowable]) -> list[Flowable]:
    """The service sentence, the numbers and the signature lines, kept with `last`."""
    statement = bi(
        "本处理意见书同时送达投诉人和被投诉人。本意见不影响当事人依法向人民法院起诉"
        "或请求知识产权管理部门处理。",
        "This opinion is served on both the complainant and the respondent. It does not "
        "prevent either party from bringing an action before a people's court or asking an "
        "IP authority to handle the matter.",
    )
    if d.decided_by_organ:  # the IP administration decided: not asked to decide again
        statement = bi(
            "本处理决定书同时送达投诉人和被投诉人。当事人不服本处理决定的，可以依法申请"
            "行政复议或者提起行政诉讼。",
            "This decision is served on both the complainant and the respondent. A party "
            "that disagrees with it may apply for administrative reconsideration or bring an "
            "administrative action under the law.",
        )
    signers = [("签收人", "Received by")]
    if d.decided_by_organ:  # the organ's decision is signed or sealed by it (2006 Art 6)
        signers.insert(0, ("作出处理的机关及人员", "Deciding organ and officer"))
    # (Two signers: each dates its own line; beside them the organ's label would wrap.)
    signature = signature_lines(signers, date_beside=paper_version() >= 2 and len(signers) < 2)
    if paper_version() < 2:
        numbers = fields(case_rows(d) + [("决定时间", "Decided", d.decided_at), *_decided_by(d)])
        return [*out, *last, numbers, *statement, signature]
    # The numbers on one line (the header has the case number already), and the closing
    # words kept with the signature line: no page holds only those.
    # (One KeepTogether: reportlab moves a nested one to a new page even when it fits.)
    # Who decided goes on that line too, not in a table of its own: the lines saved keep
    # the closing words and the signature on the page before (no near-empty last page).
    # Who issued it stays with the service sentence and the line the receiver signs on: the
    # signature confirms receipt of the opinion it sits under.
    numbers = [*_numbers_line(d), Spacer(1, 2 * mm)]
    # (The opinion's own KeepTogether is opened: one level only, as said above.)
    kept = [f for x in last for f in (x._content if isinstance(x, KeepTogether) else [x])]
    return [*out, KeepTogether([*kept, *numbers, *statement, *signature._content])]


def _numbers_line(d: DocumentData) -> list[Flowable]:
    channel_zh, channel_en = L.zh(L.CHANNELS, d.channel), L.en(L.CHANNELS, d.channel)
    by = _decided_by(d)
    return bi(
        f"投诉编号 {d.complaint_number}（{channel_zh}，{d.received_at}）· "
        # When the opinion was given (the header's 签发时间 is when this copy was issued):
        # two times, two words; an opinion, not a decision.
        f"案件编号 {d.case_number} · 作出时间 {d.decided_at}"
        + "".join(f" · {zh} {value}" for zh, _, value in by),
        f"Complaint {d.complaint_number} ({channel_en}, {d.received_at}) · "
        f"case {d.case_number} · {'decided' if d.decided_by_organ else 'opinion given'} "
        f"{d.decided_at}" + "".join(f" · {en.lower()} {value}" for _, en, value in by),
        (S.small, S.small),
    )
