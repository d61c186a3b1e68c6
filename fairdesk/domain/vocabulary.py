"""Every code's words, in Chinese and English, in one place.

Screens, documents, exports, the statistics report, the CLI's tables and the translation
file all read a code's words from here, so that "partly" is the same on paper, on the
inspector's screen and in Excel, and no code (`REMEDY_ORDERED`, `measure_verified`) ever
reaches a person. A step's own words live with the step (`fairdesk.domain.steps`).

    say(CASE_STATES, "NOTIFIED", "zh_CN")   # "已通知"
    term(CASE_STATES, "NOTIFIED")           # a value for an error message: English when
                                            # printed, Chinese on a Chinese desk

`paper_zh`/`paper_en` are the words written into a document's sentences, where they
differ from the short words of a screen or a table cell.

Pure: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fairdesk.domain import materials as _materials
from fairdesk.domain.enums import (
    AuthorityKind,
    CaseState,
    Channel,
    ClockKind,
    ComplaintKind,
    ComplaintState,
    DecisionTrigger,
    EscalationAction,
    Finding,
    IPType,
    LicenceType,
    MeasureType,
    ProtectionBasis,
    RecheckResult,
    RejectReason,
    Role,
    ServiceManner,
)


@dataclass(frozen=True)
class Words:
    en: str
    zh: str
    paper_en: str = ""
    paper_zh: str = ""

    def in_language(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en

    @property
    def both(self) -> str:
        """'中文 / English', as bilingual paper and exports write a code."""
        return self.zh if self.zh == self.en else f"{self.zh} / {self.en}"

    @property
    def on_paper(self) -> Words:
        """The words a document's sentence uses."""
        return Words(self.paper_en or self.en, self.paper_zh or self.zh)


class Vocabulary(dict[str, Words]):
    """The words of one kind of code (states, measures, ...), by code."""

    def __init__(self, name: str, entries: Mapping[str, Words]) -> None:
        super().__init__({str(k): v for k, v in entries.items()})
        self.name = name

    def words(self, code: str) -> Words:
        """A code's words; an unknown code gets words that say so, never the bare code."""
        found = self.get(str(code))
        if found is not None:
            return found
        return Words(f"unknown ({code})", f"未知（{code}）")


class Term:
    """A code as a value in an error message: English words in the message's text, the
    desk's language on a screen (`fairdesk.i18n` translates it)."""

    def __init__(self, vocabulary: Vocabulary, code: str) -> None:
        self.words = vocabulary.words(code)
        self.code = str(code)

    def __str__(self) -> str:
        return self.words.en

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Term):
            return self.code == other.code and self.words == other.words
        return str(self) == other or self.code == other

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Term({self.code!r})"


def say(vocabulary: Vocabulary, code: str, language: str) -> str:
    """A code's words in one language ("" for no code)."""
    return vocabulary.words(code).in_language(language) if code else ""


def both(vocabulary: Vocabulary, code: str) -> str:
    """'中文 / English' for a code ("" for no code)."""
    return vocabulary.words(code).both if code else ""


def term(vocabulary: Vocabulary, code: str) -> Term:
    return Term(vocabulary, code)


W = Words

CASE_STATES = Vocabulary(
    "case state",
    {
        CaseState.TO_NOTIFY: W("To notify", "待通知"),
        CaseState.NOTIFIED: W("Notified, defence period running", "已通知，答辩期内"),
        # The measure's own words (撤下展品 / take down); 撤展 is withdrawing from the fair.
        CaseState.SELF_REMEDIED: W("Taken down voluntarily", "主动撤下展品"),
        CaseState.MEDIATING: W("In mediation", "调解中"),
        CaseState.SETTLED: W("Settled", "已和解"),
        CaseState.WITHDRAWN: W("Withdrawn by the complainant", "投诉已撤回"),
        CaseState.DEFENCE_RECEIVED: W("Defence received", "已答辩"),
        CaseState.DEFENCE_OVERDUE: W("Defence overdue", "答辩逾期"),
        CaseState.UNDER_REVIEW: W("Under review", "审查中"),
        # On paper the center's finding is the preliminary one the decision states (上海市会展业
        # 条例 Arts 27, 38): the heading and the sentence under it say the same.
        CaseState.INFRINGEMENT_FOUND: W(
            "Infringement found", "认定侵权", "Infringement found preliminarily", "初步认定侵权"
        ),
        # Not "认定不侵权": the center only says the materials do not establish it.
        CaseState.NOT_INFRINGING: W("Infringement not established", "未认定构成侵权"),
        CaseState.UNDETERMINED: W("Cannot be determined", "无法认定"),
        CaseState.REFERRED: W("Referred to an authority", "已移交有关部门"),
        CaseState.REMEDY_ORDERED: W("Measures ordered", "已要求整改"),
        CaseState.RECHECK_DUE: W("Re-inspection due", "待复查"),
        CaseState.RECHECK_PASSED: W("Re-inspection passed", "复查通过"),
        CaseState.RECHECK_FAILED: W("Re-inspection failed", "复查未通过"),
        CaseState.ESCALATED: W("Escalated", "升级处理"),
        CaseState.CLOSED: W("Closed", "已结案"),
        CaseState.POST_FAIR: W("Post-fair follow-up", "转展后追查"),
    },
)

# When a finished case left the desk, as its closing record labels the time: a case
# referred or moved to post-fair follow-up is handed over, not closed.
ENDED_AT: Mapping[str, Words] = {
    CaseState.REFERRED: W("Referred on", "移送时间"),
    CaseState.POST_FAIR: W("Moved to post-fair follow-up on", "转展后追查时间"),
}
CLOSED_AT = W("Closed on", "结案时间")

COMPLAINT_STATES = Vocabulary(
    "complaint state",
    {
        ComplaintState.DRAFT: W("Registered, not yet accepted", "登记中"),
        ComplaintState.PENDING_SUPPLEMENT: W("Awaiting supplements", "待补正"),
        ComplaintState.ACCEPTED: W("Accepted", "已受理"),
        ComplaintState.TRANSFERRED: W("Transferred to the authority", "已移交"),
        ComplaintState.REJECTED: W("Not accepted", "不予受理"),
        ComplaintState.WITHDRAWN: W("Withdrawn by the complainant", "投诉已撤回"),
    },
)

TRIGGERS = Vocabulary(
    "trigger",
    {
        DecisionTrigger.DEFENCE_OVERDUE: W(
            # CNIPA Art 14 (1) acts only when the silence has no good reason.
            "No written defence and evidence in time, without good reason (CNIPA Art 14)",
            "未在期限内提交书面答辩及证据且无正当理由",
            "the respondent filed no written defence and evidence in time, without good reason",
            "被投诉人在规定期限内未提交书面答辩及证据，且无正当理由",
        ),
        DecisionTrigger.PRIOR_LEGAL_DOCUMENT: W(
            "A court or administrative decision already confirms it",
            "已有生效法律文书确认侵权",
            "a court or administrative decision already confirms the infringement",
        ),
        DecisionTrigger.ADMISSION: W(
            "The respondent admitted the infringement", "被投诉人承认侵权"
        ),
        DecisionTrigger.MERITS: W("On review of both parties' materials", "经审查双方材料"),
    },
)

REJECT_REASONS = Vocabulary(
    "reason for not accepting",
    {
        RejectReason.MATERIALS_NOT_SUPPLEMENTED: W(
            "Materials incomplete and not supplemented in time",
            "材料不齐备且未补正",
            "the materials were incomplete and not supplemented in time",
            "投诉材料不齐备且未在期限内补正",
        ),
        RejectReason.RIGHT_INVALID: W(
            "The right was declared invalid or has lapsed", "权利已被宣告无效或已失效（期满或终止）"
        ),
        RejectReason.RIGHT_NOT_VALID_IN_CHINA: W(
            "The right was not granted or registered in China (not protected there)",
            "权利未在中国获得授权或注册（在中国境内不受保护）",
        ),
        RejectReason.PATENT_DISPUTE_PENDING: W(
            "A suit, invalidation request or ownership dispute on the patent is pending",
            "专利权存在诉讼、无效宣告请求或权属纠纷",
            "a suit, an invalidation request or an ownership dispute on the patent is pending, "
            "or the patent lapsed and its restoration is pending (2006 Measures Art 17)",
            "涉案专利正处于诉讼、无效宣告程序或权属纠纷中，或已终止且处于恢复程序中"
            "（《展会知识产权保护办法》第十七条）",
        ),
        RejectReason.NO_STANDING: W("The complainant has no standing", "投诉人不具备投诉资格"),
        RejectReason.RESPONDENT_NOT_EXHIBITING: W(
            "The respondent does not exhibit at this fair",
            "被投诉人未参展",
            "",
            "被投诉人未在本届展会参展",
        ),
        RejectReason.REPEAT_WITHOUT_FOLLOW_UP: W(
            "Handled at an earlier edition without legal follow-up",
            "往届已处理且无后续法律程序",
            "the same complaint was handled at an earlier edition without proof of legal follow-up",
            "同一投诉已在往届处理且无后续法律程序证明",
        ),
        RejectReason.OUT_OF_SCOPE: W(
            "Outside the service center's remit", "不属于受理范围", "", "不属于本中心受理范围"
        ),
        RejectReason.OTHER: W("Other reasons", "其他原因"),
    },
)

MEASURES = Vocabulary(
    "measure",
    {
        MeasureType.SUSPEND_DISPLAY: W(
            "Suspend the display while the complaint is handled", "暂停展出"
        ),
        MeasureType.COVER: W("Cover the exhibit", "遮盖"),
        MeasureType.TAKE_DOWN: W("Take the exhibit down", "撤下展品"),
        # The center keeps detained items in custody (暂存保管); it does not seal (封存).
        MeasureType.DETAIN: W("Take down and keep in custody", "撤下并暂存保管"),
        MeasureType.DISCONNECT_LINK: W(
            "Delete, block or disconnect online links", "删除、屏蔽或断开链接"
        ),
        MeasureType.WITHDRAW_FROM_FAIR: W("Withdraw from the fair", "撤展"),
        MeasureType.CANCEL_PARTICIPATION: W("Cancel participation", "取消参展资格"),
    },
)


# What a decision asks of the respondent for its exhibits, in one sentence (each measure's
# own word is for one exhibit: "cover the exhibit").
COVER_OR_TAKE_DOWN_EXHIBITS = W("cover the exhibits or take them down", "遮盖、撤下展品")

# The standing printed for a complainant recorded as holder of a right another holds
# (acceptance refuses it): never "权利人" on paper.
STANDING_NOT_SHOWN = W("Standing not shown", "身份待证明")

# How long a suspension of display lasts (2006 Art 7(1): interim, never for the rest of the
# fair): every paper that names a suspension says it with these words.
SUSPENSION_LASTS = W("while the complaint is handled", "在投诉处理期间")


def measures_phrase(codes: tuple[str, ...], zh_join: str = "、", en_join: str = ", ") -> Words:
    """Several measures named in a sentence, each by its one word ("遮盖、撤下展品",
    "cover the exhibit, take the exhibit down"); the last joined with `en_join`'s "or"
    when given as " or "."""
    words = [MEASURES.words(c).on_paper for c in codes]
    zh = zh_join.join(w.zh for w in words)
    en_words = [w.en[0].lower() + w.en[1:] for w in words]
    if en_join == " or " and len(en_words) > 2:
        en = ", ".join(en_words[:-1]) + " or " + en_words[-1]
    else:
        en = en_join.join(en_words)
    return W(en, zh)


RECHECK_RESULTS = Vocabulary(
    "re-inspection result",
    {
        RecheckResult.PASSED: W("Measures carried out", "措施已落实"),
        RecheckResult.FAILED: W("Measures not carried out", "措施未落实"),
        RecheckResult.PARTLY: W("Measures partly carried out", "措施部分落实"),
        RecheckResult.REDISPLAYED: W("The exhibit was displayed again", "展品重新展出"),
    },
)

ESCALATIONS = Vocabulary(
    "escalation",
    {
        # The measure's words: one word per measure everywhere.
        EscalationAction.LEAVE_FAIR: MEASURES[MeasureType.WITHDRAW_FROM_FAIR],
        EscalationAction.CANCEL_PARTICIPATION: W("Cancel participation", "取消参展资格"),
        EscalationAction.PROPOSE_BAN: W(
            "Propose a ban from the next edition", "建议禁止参加下一届展会"
        ),
        EscalationAction.CREDIT_REFERRAL: W("Refer to the credit platform", "报送信用平台"),
    },
)

FINDINGS = Vocabulary(
    "patrol finding",
    {
        Finding.NOTHING: W("Nothing to note", "无异常"),
        Finding.SUSPECTED_INFRINGEMENT: W("Suspected infringement", "涉嫌侵权"),
        Finding.MEASURE_VERIFIED: W("Measure carried out", "措施已落实"),
        Finding.MEASURE_VIOLATED: W("Measure not carried out", "措施未落实"),
        Finding.PATENT_MARKING: W("Patent-marking issue", "专利标识问题"),
        Finding.EXHIBITOR_ABSENT: W("Exhibitor absent", "展商不在"),
    },
)

IP_TYPES = Vocabulary(
    "type of right",
    {
        IPType.INVENTION_PATENT: W("Invention patent", "发明专利"),
        IPType.UTILITY_MODEL: W("Utility model", "实用新型专利"),
        IPType.DESIGN: W("Design patent", "外观设计专利"),
        IPType.TRADEMARK: W("Trademark", "商标"),
        IPType.COPYRIGHT: W("Copyright", "著作权"),
        IPType.OTHER: W("Other right", "其他权利"),
    },
)

PROTECTION_BASES = Vocabulary(
    "basis of protection in China",
    {
        ProtectionBasis.CN_GRANT: W("Chinese grant or registration", "中国授权或注册"),
        ProtectionBasis.MADRID: W(
            "Madrid international registration designating China", "指定中国的马德里国际注册"
        ),
        ProtectionBasis.AUTHORSHIP: W(
            "Copyright without registration (proof of authorship)", "著作权自动保护（权属证明）"
        ),
        ProtectionBasis.CN_COPYRIGHT_REGISTRATION: W(
            "Chinese copyright registration", "中国作品登记"
        ),
        ProtectionBasis.FOREIGN_ONLY: W("Granted or registered abroad only", "仅在境外授权或注册"),
    },
)

LICENCES = Vocabulary(
    "standing",
    {
        LicenceType.OWNER: W("Right holder", "权利人"),
        LicenceType.SOLE: W("Sole licensee", "排他被许可人"),
        LicenceType.EXCLUSIVE: W("Exclusive licensee", "独占被许可人"),
        LicenceType.SIMPLE: W("Simple licensee", "普通被许可人"),
    },
)

CHANNELS = Vocabulary(
    "channel",
    {
        Channel.DESK: W("At the desk", "现场投诉"),
        Channel.PATROL: W("Found on patrol", "巡查发现"),
        Channel.ONLINE: W("Online", "线上投诉"),
    },
)

KINDS = Vocabulary(
    "kind of complaint",
    {
        ComplaintKind.IP: W("IP complaint", "知识产权投诉"),
        ComplaintKind.COMMERCIAL: W("Commercial dispute", "商事纠纷"),
    },
)


@dataclass(frozen=True)
class PartyWords:
    """What a kind of complaint calls its two sides and the matter itself on paper."""

    complainant: Words
    respondent: Words
    matter: Words


# An IP complaint has a 投诉人 and a 被投诉人; a commercial dispute, which is no complaint
# of infringement (Shanghai Regulations Art 40), an 申请人 and a 被申请人 and is a 纠纷.
PARTY_WORDS: Mapping[str, PartyWords] = {
    ComplaintKind.IP: PartyWords(
        W("Complainant", "投诉人"), W("Respondent", "被投诉人"), W("complaint", "投诉")
    ),
    ComplaintKind.COMMERCIAL: PartyWords(
        W("Applicant", "申请人"), W("Respondent", "被申请人"), W("dispute", "纠纷")
    ),
}


def party_words(kind: str) -> PartyWords:
    """The side and matter words of a kind of complaint (an IP complaint's by default)."""
    return PARTY_WORDS.get(str(kind), PARTY_WORDS[ComplaintKind.IP])


CLOCKS = Vocabulary(
    "deadline",
    {
        ClockKind.SUPPLEMENT: W("Supplement", "补正期限"),
        ClockKind.TRANSFER: W("Transfer to the authority", "移交期限"),
        ClockKind.DEFENCE: W("Defence", "答辩期限"),
        ClockKind.RECHECK: W("Re-inspection", "复查期限"),
    },
)
# Where a deadline would show: a notified case whose time of service is not recorded
# (workflow.awaiting_service) has none, and waits for its proof of service.
AWAITING_SERVICE = W("Awaiting proof of service", "待送达回证")

ROLES = Vocabulary(
    "role",
    {
        Role.ADMIN: W("Administrator", "管理员"),
        Role.DESK: W("Desk staff", "受理人员"),
        Role.INSPECTOR: W("Inspector", "巡查人员"),
        Role.ORGANIZER: W("Organizer", "主办方"),
        Role.OFFICER: W("Stationed IP officer", "知识产权局派驻人员"),
    },
)

SERVICE_MANNERS = Vocabulary(
    "manner of service",
    {
        ServiceManner.IN_PERSON: W("Handed over at the booth", "现场直接送达"),
        ServiceManner.EMAIL: W("By e-mail", "电子邮件送达"),
        ServiceManner.POST: W("By post", "邮寄送达"),
        ServiceManner.ONLINE_PLATFORM: W("Through the fair's online platform", "展会线上平台送达"),
        ServiceManner.LEFT_AT_BOOTH: W("Left at the booth before a witness", "展位留置送达"),
    },
)

AUTHORITY_KINDS = Vocabulary(
    "authority",
    {
        AuthorityKind.IP_OFFICE: W("IP administration", "知识产权管理部门"),
        AuthorityKind.MARKET_REGULATION: W("Market regulation", "市场监督管理部门"),
        AuthorityKind.POLICE: W("Public security (criminal leads)", "公安机关（涉嫌犯罪线索）"),
        AuthorityKind.DISPUTE_BODY: W(
            "The organizer's commercial dispute body", "主办方商事纠纷调解机构"
        ),
        AuthorityKind.COURT: W("A court", "人民法院"),
    },
)

COPIES = Vocabulary(
    "copy",
    {
        "complainant": W("Complainant's copy", "投诉人联"),
        "respondent": W("Respondent's copy", "被投诉人联"),
    },
)

MATERIALS = Vocabulary(
    "complaint material", {m.key: W(m.en, m.zh) for m in _materials.ALL_MATERIALS}
)

# Audit events that are not workflow steps (a step's event is named by the step).
EVENTS = Vocabulary(
    "event",
    {
        "complaint.register": W("Complaint registered", "登记投诉"),
        "complaint.edit": W("Complaint corrected", "更正投诉"),
        "case.create": W("Respondent case opened", "立案（被投诉人）"),
        "case.assign": W("Case assigned", "分派案件"),
        "case.amend": W("Record corrected", "更正记录"),
        "case.amend_decision": W("Decision corrected", "更正处理意见"),
        "clock.start": W("Deadline started", "期限开始"),
        "clock.pause": W("Deadline paused", "期限暂停"),
        "clock.resume": W("Deadline resumed", "期限恢复"),
        "clock.stop": W("Deadline stopped", "期限结束"),
        "document.issue": W("Document issued", "出具文书"),
        "document.reissue": W("Document reissued", "重新出具文书"),
        "document.revoke": W("Document revoked", "撤销文书"),
        "evidence.attach": W("Evidence attached", "添加证据"),
        "evidence.import": W("Evidence file stored", "存入证据文件"),
        "evidence.link": W("Evidence attached", "添加证据"),
        "evidence_link.add": W("Evidence file attached to a record", "证据文件关联到记录"),
        "visit.record": W("Patrol visit recorded", "记录巡查"),
        "visit.amend": W("Patrol finding corrected", "更正巡查结果"),
        "patrol.visit": W("Patrol visit recorded", "记录巡查"),
        "patrol.recheck": W("Re-inspection recorded", "记录复查"),
        "patrol.complaint": W("Complaint opened from a patrol", "巡查发现立案"),
        "right.register": W("Right registered", "登记权利"),
        "exhibitor.ip_commitment": W(
            "Exhibitor's IP commitment recorded", "记录展商知识产权承诺书"
        ),
        "exhibitor.record": W("Exhibitor's details recorded", "记录展商信息"),
        "measure.record": W("Measure recorded", "记录措施"),
        "measure.order": W("Measure ordered", "下达措施"),
        "user.add": W("User added", "添加用户"),
        "user.sign_in": W("Signed in", "登录"),
        "user.login_failed": W("Sign-in refused (wrong password)", "登录被拒（密码错误）"),
        "user.password": W("Password changed", "更改密码"),
        "user.rehash": W("Password record renewed", "更新密码记录"),
        "user.role": W("Role changed", "更改角色"),
        "user.disable": W("User disabled", "停用用户"),
        "user.enable": W("User enabled again", "重新启用用户"),
        "key.root_create": W("Root key made", "生成根密钥"),
        "key.create": W("Signing key made", "生成签名密钥"),
        "key.certify": W("Signing key certified", "认证签名密钥"),
        "key.revoke": W("Signing key revoked", "吊销签名密钥"),
        "key.pin": W("Root key pinned", "固定根密钥"),
        "key.demo_create": W("Demo key made", "生成演示密钥"),
        "handoff.referral": W("Referral package sent", "移送材料包已出具"),
        "handoff.evidence": W("Evidence package issued for deposit", "证据存证包已出具"),
        "handoff.credit": W("Credit referral list exported", "信用信息报送清单已导出"),
    },
)

# The values an audit event records, as a timeline or the dossier names them. A step's
# own fields are named by the step table (`fairdesk.domain.workflow.detail_words`); these
# are the rest, and the few where a field's label reads badly in a timeline.
DETAILS = Vocabulary(
    "recorded value",
    {
        "state": W("now", "状态"),
        "reason": W("note", "备注"),
        "authority": W("authority", "移交部门"),
        "assigned_to": W("assigned to", "承办人"),
        "paper": W("details as printed", "文书所载信息"),
        "births": W("records with their own history", "自带记录的事项"),
        "case_id": W("case", "案件"),
        "clock": W("deadline", "期限"),
        "due_at": W("due", "到期"),
        "served_at": W("time of service", "送达时间"),
        "complainant": W("complainant", "投诉人"),
        "agent": W("agent", "代理人"),
        "rights": W("rights", "权利"),
        "respondents": W("respondents", "被投诉人案件"),
        "exhibitor": W("exhibitor", "展商"),
        "booth": W("booth", "展位"),
        "exhibits": W("exhibits", "展品"),
        "exhibit": W("exhibit", "展品"),
        "model": W("model", "型号"),
        "refused_rights": W("rights not accepted", "不予受理的权利"),
        "refused_reason": W("reason not accepted", "不予受理理由"),
        "number": W("number", "编号"),
        "kind": W("kind", "类别"),
        "channel": W("channel", "投诉渠道"),
        "copy": W("copy", "联次"),
        "supersedes": W("replaces", "替代"),
        "finding": W("finding", "巡查结果"),
        "notes": W("notes", "备注"),
        "visit": W("visit", "巡查记录"),
        "photos": W("photos", "照片"),
        "complaint": W("complaint", "投诉"),
        "decision_trigger": W("trigger", "认定依据"),
        # A decision's trigger, whichever step recorded it (not "acting at once" on the merits).
        "trigger": W("ground", "认定依据"),
        "decision_note": W("decision note", "处理说明"),
        "unopened_keys": W("key copies the password did not open", "密码无法打开的密钥副本"),
        "materials": W("materials received", "收到的材料"),
        "destination": W("sent to", "报送/移送对象"),
        "recipient": W("recipient", "接收单位"),
        "package_sha256": W("package SHA-256", "材料包SHA-256"),
        "file": W("file", "文件"),
        "files": W("files", "文件数"),
        "records": W("records", "记录数"),
        "in_force": W("in force", "有效"),
        "area": W("area", "展区"),
        "area_en": W("area (English)", "展区（英文）"),
        "booths": W("booths", "展位"),
        "captured_at": W("taken at", "拍摄时间"),
        "center_address": W("center's address", "服务中心地址"),
        "center_phone": W("center's telephone", "服务中心电话"),
        "code": W("code", "代码"),
        "country": W("country", "国家/地区"),
        "country_en": W("country (English)", "国家/地区（英文）"),
        "credit_code": W("credit code", "统一社会信用代码"),
        "day_hours": W("hours of particular days", "特定日期开放时间"),
        "delegation": W("delegation", "交易团"),
        "display_name": W("name", "姓名"),
        "email": W("e-mail", "电子邮箱"),
        "end_date": W("last day", "结束日期"),
        "ended_at": W("ended", "结束时间"),
        "hall": W("hall", "展馆"),
        "halls": W("halls", "展馆"),
        "hours": W("opening hours", "开放时间"),
        "imported": W("imported", "导入数"),
        "ip_commitment_signed": W("IP commitment signed", "已签署知识产权承诺书"),
        "jurisdiction": W("granted in", "授权/注册地"),
        "key_id": W("key", "密钥"),
        "language": W("language", "语言"),
        "measure_type": W("measure", "措施"),
        "mime": W("file type", "文件类型"),
        "name": W("name", "名称"),
        "name_en": W("name (English)", "名称（英文）"),
        "name_zh": W("name (Chinese)", "名称（中文）"),
        "nationality": W("nationality", "国籍"),
        "note": W("note", "备注"),
        "ordered_at": W("ordered", "要求整改时间"),
        "password": W("password", "密码"),
        "phone": W("telephone", "电话"),
        "recheck_result": W("re-check result", "复查结果"),
        "rechecked_at": W("re-checked", "复查时间"),
        "rejected": W("refused", "未导入数"),
        "returned_at": W("returned", "返还时间"),
        "role": W("role", "角色"),
        "round": W("round", "巡查轮次"),
        "rules": W("rule set", "规则"),
        "sha256": W("SHA-256", "SHA-256"),
        "size": W("size", "大小"),
        "start_date": W("first day", "开始日期"),
        "started_at": W("started", "开始时间"),
        "timezone": W("time zone", "时区"),
        "topic": W("topic", "咨询主题"),
        "type": W("type", "类型"),
        "uid": W("reference", "编号"),
        "unchanged": W("unchanged", "未变数"),
        "updated": W("updated", "更新数"),
        "username": W("user name", "用户名"),
        "valid_until": W("valid until", "有效期至"),
        "venue": W("venue", "场馆"),
        "visited_at": W("visited at", "巡查时间"),
        "visits": W("visits", "巡查次数"),
    },
)

# The outcome of a respondent case, as the statistics count it.
OUTCOMES = Vocabulary(
    "outcome",
    {
        # On paper the center's finding is preliminary, as the decision says (CASE_STATES).
        "infringing": W(
            "Infringement found", "认定侵权", "Infringement found preliminarily", "初步认定侵权"
        ),
        "not_infringing": W("Infringement not established", "未认定构成侵权"),
        "undetermined": W("Undetermined, referred", "无法认定、移交"),
        "settled": W("Settled", "已和解"),
        "withdrawn": W("Withdrawn", "投诉已撤回"),
        "self_remedied": W("Taken down voluntarily", "主动撤下展品"),
        "not_accepted": W("Complaint not accepted", "投诉不予受理"),
        "post_fair": W("Post-fair follow-up", "转展后追查"),
        "open": W("Open", "处理中"),
    },
)

# What an inspector does for a case whose measure is watched (the re-check list).
RECHECK_TASKS = Vocabulary(
    "re-inspection task",
    {
        CaseState.REMEDY_ORDERED: W("Measure ordered", "已要求整改"),
        CaseState.RECHECK_DUE: W("Re-inspection due", "待复查"),
        CaseState.ESCALATED: W("Re-inspection after escalation", "升级后复查"),
    },
)

# A booth's square on the hall board: its words, and the short mark printed inside it
# (`paper_en`/`paper_zh`).
BOOTH_STATES = Vocabulary(
    "booth on the hall board",
    {
        "violation": W("Violation", "违规", "VIOLATION", "违规"),
        "recheck_due": W("Re-inspection due", "待复查", "RE-CHECK", "复查"),
        "measure_ordered": W("Measure ordered", "已要求整改", "MEASURE", "整改"),
        "open_case": W("Open case", "有投诉", "CASE", "投诉"),
        "suspected": W("Suspected on patrol", "巡查存疑", "SUSPECT", "存疑"),
        "": W("No open case", "无投诉", " ", " "),
    },
)

# What a decision says it found, in the sentence printed on the decision.
DECISION_FINDINGS = Vocabulary(
    "finding of a decision",
    {
        CaseState.INFRINGEMENT_FOUND: W(
            # Suspected, as the line of each exhibit below says: a preliminary finding.
            "Having reviewed the case, the service center finds, preliminarily, that the "
            "exhibits above are suspected of infringing the complainant's rights (see each "
            "item below).",
            "经审查，本中心初步认定被投诉人展出的上述展品涉嫌侵犯投诉人的权利（详见下列各项）。",
        ),
        CaseState.NOT_INFRINGING: W(
            "Having reviewed the case, the service center finds that the materials now "
            "available are not sufficient to establish that the exhibits above infringe; the "
            "respondent may go on displaying them.",
            # (That either party may still go to the IP authority or a court, every
            # decision says in its closing words.)
            "经审查，本中心认为现有材料不足以认定被投诉人展出的上述展品构成侵权，被投诉人可继续"
            "展出。",
        ),
        CaseState.UNDETERMINED: W(
            "Having reviewed the case, the service center cannot determine on the materials "
            "whether there is an infringement.",
            # (What comes next and what happens to a suspension, the decision says after.)
            "经审查，本中心依据现有材料无法认定是否构成侵权。",
        ),
    },
)

# A finding on an effective court or administrative decision (CNIPA Art 14 (2)): that
# decision confirms the infringement, so the paper never calls it preliminary.
CONFIRMED = W(
    "confirmed by an effective court or administrative decision", "已为生效法律文书所确认"
)
CONFIRMED_OUTCOME = W(
    "Infringement found, confirmed by an effective court or administrative decision",
    "认定侵权（已为生效法律文书所确认）",
)
CONFIRMED_FINDING = W(
    "Having reviewed the case, the service center finds that the exhibits above infringe the "
    "complainant's rights, as an effective court or administrative decision confirms (see "
    "each item below).",
    "经审查，本中心认定被投诉人展出的上述展品侵犯投诉人的权利，该侵权已为生效法律文书所确认"
    "（详见下列各项）。",
)

# The stages whose times the statistics measure.
STAGES = Vocabulary(
    "stage",
    {
        "accept": W("received → accepted", "受理"),
        "notify": W("accepted → notified", "通知"),
        "defence": W("notified → defence or overdue", "答辩"),
        "decide": W("notified → decision", "处理"),
        "remedy": W("finding → measures ordered", "整改"),
        "recheck": W("measures ordered → re-check", "复查"),
        "total": W("received → case ended", "全程"),
    },
)

# What a consultation at the desk was about.
TOPICS = Vocabulary(
    "consultation topic",
    {
        "patent": W("patent", "专利"),
        "trademark": W("trademark", "商标"),
        "copyright": W("copyright", "著作权"),
        "complaint_procedure": W("how to complain", "投诉程序"),
        "defence": W("answering a complaint", "答辩"),
        "ip_commitment": W("IP commitment", "知识产权承诺"),
        "commercial": W("commercial dispute", "商事纠纷"),
        "other": W("other", "其他"),
    },
)

# The languages a consultation is held in (the quick log offers them; other text is kept).
CONSULTATION_LANGUAGES = Vocabulary(
    "consultation language",
    {
        "zh": W("Chinese", "中文"),
        "en": W("English", "英语"),
        "ja": W("Japanese", "日语"),
        "ko": W("Korean", "韩语"),
        "fr": W("French", "法语"),
        "de": W("German", "德语"),
        "es": W("Spanish", "西班牙语"),
        "it": W("Italian", "意大利语"),
        "ru": W("Russian", "俄语"),
        "ar": W("Arabic", "阿拉伯语"),
        "other": W("other", "其他"),
    },
)

# The kinds of commercial dispute the desk mediates.
DISPUTE_TYPES = Vocabulary(
    "commercial dispute",
    {
        "contract": W("Contract", "合同"),
        "payment": W("Payment", "货款"),
        "service": W("Service", "服务"),
        "other": W("Other", "其他"),
    },
)

# What kind of serious dishonesty a credit referral reports (Shanghai Regulations Art 42).
CREDIT_FINDINGS = Vocabulary(
    "credit finding",
    {
        "serious_infringement": W(
            "Deliberate, serious IP infringement at the fair", "展会知识产权故意侵权且情节严重"
        ),
        "repeat_infringement": W("Repeated IP infringement at fairs", "展会知识产权重复侵权"),
        "refused_measures": W(
            "Refused the measures and re-displayed infringing exhibits",
            "拒不整改、再次展出侵权展品",
        ),
    },
)

# Where a hand-off goes: the public systems the policy names.
HANDOFF_KINDS = Vocabulary(
    "hand-off",
    {
        "credit": W("Credit platform list", "信用平台报送清单"),
        "referral": W("Referral package to an authority", "移送有关部门材料包"),
        "evidence": W("Evidence deposit package", "电子证据存证包"),
    },
)

# Where a hand-off went: an authority's kind, or one of the platforms.
HANDOFF_DESTINATIONS = Vocabulary(
    "hand-off destination",
    {
        **AUTHORITY_KINDS,
        "credit_platform": W("Public credit platform", "公共信用信息平台"),
        "evidence_platform": W("Electronic evidence deposit platform", "电子证据存证平台"),
    },
)

# The rule-set presets' names (fairdesk/domain/rules.py PRESETS), as the set-up shows them.
RULE_SETS = Vocabulary(
    "rule set",
    {
        "cnipa-24h": W("CNIPA guidelines (24 h defence)", "国家知识产权局指引（答辩期 24 小时）"),
        "ciftis-12h": W(
            "CIFTIS Beijing (12 h defence, opening hours)",
            "服贸会·北京（答辩期 12 小时，按开放时间计）",
        ),
        "huabo-4h": W(
            "RX Huabo gifts fair (4 h defence, opening hours)",
            "励展华博礼品展（答辩期 4 小时，按开放时间计）",
        ),
    },
)

# What to do first on a fair just set up (services/first_steps.py), as the main window says.
FIRST_STEPS = Vocabulary(
    "first step",
    {
        "accounts": W(
            "Add the accounts of the desk staff, inspectors and organizers (Tools > Users…).",
            "添加受理人员、巡查人员和主办方人员的账户（工具 > 用户…）。",
        ),
        "exhibitors": W(
            "Import the fair's exhibitor list (Exhibitors > Import…).",
            "导入本届展会的展商名单（展商 > 导入…）。",
        ),
        "complaint": W(
            "Register the first complaint (Cases > New complaint…, Ctrl+N).",
            "登记第一件投诉（案件 > 新建投诉…，Ctrl+N）。",
        ),
        # Also the only step left once the accounts and the list are in: no "then".
        "desk_signs_in": W(
            "Desk staff sign in with their own accounts and register the complaints.",
            "受理人员用本人账户登录并登记投诉。",
        ),
    },
)

YES_NO = Vocabulary("yes or no", {"yes": W("yes", "是"), "no": W("no", "否")})

# What a check of a stored evidence file found (services/inspection/evidence.py).
EVIDENCE_STATUS = Vocabulary(
    "evidence file check",
    {
        "ok": W("Intact", "完好"),
        "missing": W("Missing", "缺失"),
        "corrupt": W("Damaged", "已损坏"),
    },
)

# Where a right from abroad was granted or registered, as papers name it ("欧盟商标…");
# a code not listed prints as typed (`jurisdiction_words`).
JURISDICTIONS = Vocabulary(
    "jurisdiction of a right",
    {
        "EU": W("EU", "欧盟"),
        "EUIPO": W("EU", "欧盟"),
        "EP": W("European", "欧洲"),
        "WO": W("international", "国际"),
        "US": W("US", "美国"),
        "JP": W("Japanese", "日本"),
        "KR": W("Korean", "韩国"),
        "DE": W("German", "德国"),
        "FR": W("French", "法国"),
        "IT": W("Italian", "意大利"),
        "GB": W("UK", "英国"),
        "UK": W("UK", "英国"),
        "CH": W("Swiss", "瑞士"),
        "ES": W("Spanish", "西班牙"),
        "NL": W("Dutch", "荷兰"),
        "AU": W("Australian", "澳大利亚"),
        "CA": W("Canadian", "加拿大"),
        "SG": W("Singapore", "新加坡"),
        "HK": W("Hong Kong", "香港"),
        "MO": W("Macao", "澳门"),
        "TW": W("Taiwan", "台湾地区"),
    },
)


def jurisdiction_words(code: str) -> Words:
    """A jurisdiction's words; an unlisted code ("BR") is its own word in both languages."""
    return JURISDICTIONS.get(code.strip().upper()) or Words(code.strip(), code.strip())


# A Madrid registration's place in `material_label`, and the proof it is shown by.
MADRID = "MADRID"
MADRID_PROOF = W(
    "Certificate of international registration (Madrid System)", "商标国际注册证明（马德里体系）"
)


def material_label(
    m: _materials.Material, rights: Iterable[tuple[str, str]], licensed: Iterable[str] = ()
) -> str:
    """A material as a list of received papers names it; a proof of a right registered
    abroad says where ("商标注册证明（欧盟） / Trademark registration certificate (EU)").
    `rights` are the complaint's (ip_type, jurisdiction), the jurisdiction `MADRID` for a
    Madrid international registration designating China; `licensed` the types of the rights
    the complainant is a licensee of, which name the licence contract."""
    if m.key == _materials.LICENCE_CONTRACT.key:
        return _materials.licence_contract(licensed).label
    codes: list[str] = []
    for ip_type, where in rights:
        code = (where or "CN").strip().upper()
        known = ip_type in {t.value for t in IPType}
        proofs = _materials.PROOF_OF_RIGHT.get(IPType(ip_type), ()) if known else ()
        if m in proofs and code not in codes:
            codes.append(code)
    if codes in ([], ["CN"]):  # a Chinese right's proof needs no place
        return m.label
    if codes == [MADRID]:  # WIPO's certificate, not a registration in some country
        return f"{MADRID_PROOF.zh} / {MADRID_PROOF.en}"
    places: list[Words] = []
    for code in codes:
        words = W("Chinese", "中国") if code == "CN" else jurisdiction_words(code)
        if code == MADRID:
            words = W("international, Madrid System", "马德里国际注册")
        if words not in places:
            places.append(words)
    return (
        f"{m.zh}（{'、'.join(w.zh for w in places)}） / "
        f"{m.en} ({', '.join(w.en for w in places)})"
    )


ALL: tuple[Vocabulary, ...] = (
    CASE_STATES,
    COMPLAINT_STATES,
    TRIGGERS,
    REJECT_REASONS,
    MEASURES,
    RECHECK_RESULTS,
    ESCALATIONS,
    FINDINGS,
    IP_TYPES,
    PROTECTION_BASES,
    LICENCES,
    CHANNELS,
    KINDS,
    CLOCKS,
    ROLES,
    SERVICE_MANNERS,
    AUTHORITY_KINDS,
    COPIES,
    MATERIALS,
    EVENTS,
    DETAILS,
    OUTCOMES,
    RECHECK_TASKS,
    BOOTH_STATES,
    DECISION_FINDINGS,
    STAGES,
    TOPICS,
    DISPUTE_TYPES,
    CREDIT_FINDINGS,
    HANDOFF_KINDS,
    HANDOFF_DESTINATIONS,
    YES_NO,
    EVIDENCE_STATUS,
    JURISDICTIONS,
)
