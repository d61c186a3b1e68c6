# mypy: disable-error-code="import-untyped,import-not-found"
"""调解笔录及和解协议: the mediation, and the settlement when the parties agree."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, exhibits_of, parties_block, rights_block


def story(d: DocumentData) -> list[Flowable]:
    out: list[Flowable] = [
        fields(
            case_rows(d)
            + [
                ("调解开始", "Mediation started", d.mediation_started_at),
                ("地点", "Place", f"{d.fair.venue} 服务中心 / service center".strip()),
            ]
        ),
        *parties_block(d),
        *rights_block(d),
        *exhibits_of(d),
        *section("调解情况", "Course of the mediation"),
        *bi(
            "在本中心主持下，双方当事人自愿就上述投诉进行调解。",
            "Under the service center's chairing, the parties voluntarily mediated the complaint.",
        ),
    ]
    if d.settlement_terms:
        out += [
            *section("调解协议书", "Mediation agreement"),
            box(
                [
                    para(
                        "协议内容及履行方式、期限 Terms, and how and by when they are performed：",
                        S.zh,
                    ),
                    para(d.settlement_terms, S.zh),
                    *bi(
                        "双方确认上述条款系自愿达成，应按约定的方式和期限履行；"
                        "履行完毕后本案结案。",
                        "The parties confirm that they agreed to these terms freely and will "
                        "perform them as and when agreed; the case is closed once they are "
                        "performed.",
                    ),
                    *bi(
                        "双方可自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认；"
                        "经确认有效的，一方拒不履行时，对方可申请强制执行。",
                        "Within 30 days of this agreement taking effect the parties may jointly "
                        "ask the competent people's court to confirm it (judicial confirmation, "
                        "司法确认); once confirmed, either party may apply for enforcement if "
                        "the other does not perform.",
                    ),
                ]
            ),
            fields([("达成协议时间", "Agreed on", d.closed_at)]),
        ]
    else:
        out += [
            para("调解记录 Record：", S.zh),
            box([Spacer(1, 40 * mm)]),
        ]
    out.append(
        signature_lines(
            [("投诉人", "Complainant"), ("被投诉人", "Respondent"), ("调解人", "Mediator")]
        )
    )
    return out
