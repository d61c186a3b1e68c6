"""Chinese and English words for the codes stored in the database."""

from __future__ import annotations

IP_TYPES = {
    "invention_patent": ("发明专利", "invention patent"),
    "utility_model": ("实用新型专利", "utility model patent"),
    "design": ("外观设计专利", "design patent"),
    "trademark": ("商标", "trademark"),
    "copyright": ("著作权", "copyright"),
    "other": ("其他", "other"),
}
LICENCES = {
    "owner": ("权利人", "right holder"),
    "sole": ("排他许可", "sole licence"),
    "exclusive": ("独占许可", "exclusive licence"),
    "simple": ("普通许可", "simple licence"),
}
COMPLAINT_STATES = {
    "DRAFT": ("登记中", "registered"),
    "PENDING_SUPPLEMENT": ("待补正", "awaiting supplements"),
    "ACCEPTED": ("已受理", "accepted"),
    "TRANSFERRED": ("已移交", "transferred"),
    "REJECTED": ("不予受理", "not accepted"),
}
CASE_STATES = {
    "TO_NOTIFY": ("待通知", "to notify"),
    "NOTIFIED": ("已通知", "notified"),
    "SELF_REMEDIED": ("主动撤展", "removed voluntarily"),
    "MEDIATING": ("调解中", "in mediation"),
    "SETTLED": ("已和解", "settled"),
    "WITHDRAWN": ("投诉已撤回", "withdrawn"),
    "DEFENCE_RECEIVED": ("已答辩", "defence received"),
    "DEFENCE_OVERDUE": ("答辩逾期", "defence overdue"),
    "UNDER_REVIEW": ("审查中", "under review"),
    "INFRINGEMENT_FOUND": ("认定侵权", "infringement found"),
    "NOT_INFRINGING": ("认定不侵权", "not infringing"),
    "UNDETERMINED": ("无法认定", "cannot be determined"),
    "REFERRED": ("已移交有关部门", "referred to an authority"),
    "REMEDY_ORDERED": ("已责令整改", "measures ordered"),
    "RECHECK_DUE": ("待复查", "re-inspection due"),
    "RECHECK_PASSED": ("复查通过", "re-inspection passed"),
    "RECHECK_FAILED": ("复查未通过", "re-inspection failed"),
    "ESCALATED": ("升级处理", "escalated"),
    "CLOSED": ("已结案", "closed"),
    "POST_FAIR": ("转展后追查", "post-fair follow-up"),
}
TRIGGERS = {
    "defence_overdue": (
        "被投诉人在规定期限内未提交书面答辩及证据",
        "the respondent filed no written defence and evidence in time",
    ),
    "prior_legal_document": (
        "已有生效法律文书确认侵权",
        "a court or administrative decision already confirms the infringement",
    ),
    "admission": ("被投诉人承认侵权", "the respondent admitted the infringement"),
    "merits": ("经审查双方材料", "on review of both parties' materials"),
}
REJECT_REASONS = {
    "materials_not_supplemented": (
        "投诉材料不齐备且未在期限内补正",
        "the materials were incomplete and not supplemented in time",
    ),
    "right_invalid": ("权利无效或已过期", "the right is invalid or expired"),
    "right_not_valid_in_china": ("权利在中国境内无效", "the right is not valid in China"),
    "no_standing": ("投诉人不具备投诉资格", "the complainant has no standing"),
    "respondent_not_exhibiting": (
        "被投诉人未在本届展会参展",
        "the respondent does not exhibit at this fair",
    ),
    "repeat_without_follow_up": (
        "同一投诉已在往届处理且无后续法律程序证明",
        "the same complaint was handled at an earlier edition without proof of legal follow-up",
    ),
    "out_of_scope": ("不属于本中心受理范围", "outside the service center's remit"),
    "other": ("其他原因", "other reasons"),
}
MEASURES = {
    "cover": ("遮盖", "cover the exhibit"),
    "take_down": ("撤下展品", "take the exhibit down"),
    "detain": ("撤下并封存保管", "take down and keep in storage"),
    "disconnect_link": ("删除、屏蔽或断开链接", "delete, block or disconnect online links"),
    "withdraw_from_fair": ("撤展", "withdraw from the fair"),
    "cancel_participation": ("取消参展资格", "cancel participation"),
}
RECHECK_RESULTS = {
    "passed": ("措施已落实", "measures carried out"),
    "failed": ("措施未落实", "measures not carried out"),
    "partly": ("措施部分落实", "measures partly carried out"),
    "redisplayed": ("涉嫌侵权展品重新展出", "the exhibit was displayed again"),
}
ESCALATIONS = {
    "leave_fair": ("责令撤展离场", "leave the fair"),
    "cancel_participation": ("取消参展资格", "cancel participation"),
    "propose_ban": ("建议禁止参加下一届展会", "propose a ban from the next edition"),
    "credit_referral": ("报送信用平台", "refer to the credit platform"),
}
CHANNELS = {
    "desk": ("现场投诉", "at the desk"),
    "patrol": ("巡查发现", "found on patrol"),
    "online": ("线上投诉", "online"),
}
COPIES = {
    "complainant": ("投诉人联", "complainant's copy"),
    "respondent": ("被投诉人联", "respondent's copy"),
}


def zh(table: dict[str, tuple[str, str]], code: str) -> str:
    return table.get(code, (code, code))[0] if code else ""


def en(table: dict[str, tuple[str, str]], code: str) -> str:
    return table.get(code, (code, code))[1] if code else ""


def both(table: dict[str, tuple[str, str]], code: str) -> str:
    if not code:
        return ""
    z, e = table.get(code, (code, code))
    return f"{z} / {e}" if z != e else z
