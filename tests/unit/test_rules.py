"""Rule sets: presets, legal-basis texts, and validation of edited values."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from fairdesk.domain.enums import ClockKind
from fairdesk.domain.rules import PRESETS, RuleSet, duration_for, hours_for, preset


@pytest.mark.parametrize(
    ("code", "defence", "transfer", "supplement", "recheck", "opening_only"),
    [
        ("cnipa-24h", 24.0, 24.0, 24.0, 2.0, False),
        ("ciftis-12h", 12.0, 24.0, 12.0, 2.0, True),
        ("huabo-4h", 4.0, 24.0, 4.0, 1.0, True),
    ],
)
def test_presets(
    code: str,
    defence: float,
    transfer: float,
    supplement: float,
    recheck: float,
    opening_only: bool,
) -> None:
    rules = preset(code)
    assert rules is PRESETS[code]
    assert rules.code == code
    assert (
        rules.defence_hours,
        rules.transfer_hours,
        rules.supplement_hours,
        rules.recheck_hours,
        rules.opening_hours_only,
    ) == (defence, transfer, supplement, recheck, opening_only)


def test_preset_order_and_unknown_code() -> None:
    assert list(PRESETS) == ["cnipa-24h", "ciftis-12h", "huabo-4h"]
    with pytest.raises(ValueError) as err:
        preset("x")
    assert str(err.value) == (
        "Unknown rule set 'x'. Choose one of: cnipa-24h, ciftis-12h, huabo-4h."
    )


@pytest.mark.parametrize(
    ("kind", "hours"),
    [
        (ClockKind.DEFENCE, 4.0),
        (ClockKind.TRANSFER, 24.0),
        (ClockKind.SUPPLEMENT, 4.0),
        (ClockKind.RECHECK, 1.0),
    ],
)
def test_hours_for(kind: ClockKind, hours: float) -> None:
    assert hours_for(preset("huabo-4h"), kind) == hours
    assert duration_for(preset("huabo-4h"), kind) == timedelta(hours=hours)


REQUIRED_BASIS = (
    "acceptance",
    "supplement",
    "non_acceptance",
    "transfer",
    "notice",
    "decision",
    "remedy",
    "recheck",
    "escalation",
)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", list(PRESETS))
def test_legal_basis_is_bilingual(code: str) -> None:
    basis = preset(code).legal_basis
    assert set(REQUIRED_BASIS) <= set(basis)
    for key, text in basis.items():
        chinese, english = text.split(" / ")  # exactly one separator
        assert CJK.search(chinese), key
        assert not CJK.search(english), key
        # an article, or the exhibitor contract where no article is the center's own
        assert "Art" in english or english == "the exhibitor contract", key


@pytest.mark.parametrize(
    ("code", "key", "text"),
    [
        (
            "cnipa-24h",
            "transfer",
            "展会知识产权保护办法 第十一条 / Measures for IP Protection at Exhibitions (2006), "
            "Art. 11",
        ),
        (
            "cnipa-24h",
            "acceptance",
            "展会知识产权保护办法 第八条；展会知识产权保护指引 第十二条 / "
            "Measures for IP Protection at Exhibitions (2006), Art. 8; "
            "CNIPA Guidelines for IP Protection at Exhibitions (2022), Art. 12",
        ),
        (
            "cnipa-24h",
            "remedy",
            "上海市会展业条例 第二十七条、第三十八条 / Regulations of Shanghai Municipality on "
            "the Conference and Exhibition Industry (2020), Arts. 27 and 38",
        ),
        (
            "cnipa-24h",
            "escalation",
            "上海市会展业条例 第三十八条 / Regulations of Shanghai Municipality on "
            "the Conference and Exhibition Industry (2020), Art. 38",
        ),
        # The center's own steps with no article stated for them rest on the exhibitor
        # contract; Arts 12-14 are the IP authority's procedure and not the center's basis,
        # and 2006 Art 7(3) is not what the sources state.
        (
            "huabo-4h",
            "remedy",
            "参展合同 / the exhibitor contract",
        ),
        (
            "ciftis-12h",
            "decision",
            "参展合同 / the exhibitor contract",
        ),
        # The notice and its service: 2006 Art 7(3) and the contract, in every preset.
        (
            "huabo-4h",
            "defence",
            "展会知识产权保护办法 第七条第（三）项；参展合同 / Measures for IP Protection at "
            "Exhibitions (2006), Art. 7(3); the exhibitor contract",
        ),
        # A decision by a stationed IP officer: 2006 Art 6.
        (
            "ciftis-12h",
            "decision_officer",
            "展会知识产权保护办法 第六条 / Measures for IP Protection at Exhibitions (2006), "
            "Art. 6",
        ),
        # CNIPA Art 14 only for a decision under one of its triggers.
        (
            "huabo-4h",
            "decision_art14",
            "展会知识产权保护指引 第十四条 / "
            "CNIPA Guidelines for IP Protection at Exhibitions (2022), Art. 14",
        ),
        (
            "cnipa-24h",
            "suspension",
            "展会知识产权保护办法 第七条第（一）项 / Measures for IP Protection at Exhibitions "
            "(2006), Art. 7(1)",
        ),
        (
            "cnipa-24h",
            "repeat_bar",
            "展会知识产权保护办法 第三十五条 / Measures for IP Protection at Exhibitions "
            "(2006), Art. 35",
        ),
        (
            "ciftis-12h",
            "non_acceptance_patent_dispute_pending",
            "展会知识产权保护办法 第十七条 / Measures for IP Protection at Exhibitions "
            "(2006), Art. 17",
        ),
        (
            "ciftis-12h",
            "non_acceptance_right_not_valid_in_china",
            "展会知识产权保护办法 第八条；展会知识产权保护指引 第十二条 / Measures for IP "
            "Protection at Exhibitions (2006), Art. 8; "
            "CNIPA Guidelines for IP Protection at Exhibitions (2022), Art. 12",
        ),
        # The complaint form: the materials (2006 Art 8) and the commitment (Art 10).
        (
            "cnipa-24h",
            "commitment",
            "展会知识产权保护办法 第八条、第十条 / Measures for IP Protection at Exhibitions "
            "(2006), Arts. 8 and 10",
        ),
    ],
)
def test_legal_basis_texts(code: str, key: str, text: str) -> None:
    assert preset(code).legal_basis[key] == text


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_the_authoritys_articles_are_not_the_centers_basis(code: str) -> None:
    """2006 Arts 12-14 are the IP authority's duties; CNIPA Art 14 is kept for decisions
    under its triggers (the notice and the proof of service rest on 2006 Art 7(3))."""
    for key, text in preset(code).legal_basis.items():
        for article in ("第十二条", "第十三条", "第十四条"):
            assert f"展会知识产权保护办法 {article}" not in text, (key, text)
        if "展会知识产权保护指引 第十四条" in text:
            assert key == "decision_art14", key
    for key in ("notice", "defence"):
        assert preset(code).legal_basis[key] == (
            "展会知识产权保护办法 第七条第（三）项；参展合同 / Measures for IP Protection at "
            "Exhibitions (2006), Art. 7(3); the exhibitor contract"
        )


def test_only_shanghai_default_cites_shanghai_regulation() -> None:
    for code, rules in PRESETS.items():
        cites = any("上海市会展业条例" in t for t in rules.legal_basis.values())
        assert cites is (code == "cnipa-24h")


def test_round_trip_through_json() -> None:
    for rules in PRESETS.values():
        stored = json.loads(json.dumps(rules.to_dict(), ensure_ascii=False))
        assert RuleSet.from_dict(stored) == rules


def test_presets_cannot_be_changed_through_their_dicts() -> None:
    rules = preset("cnipa-24h")
    with pytest.raises(TypeError):
        rules.legal_basis["transfer"] = "x"  # type: ignore[index]
    exported = rules.to_dict()
    exported["defence_hours"] = 1
    assert isinstance(exported["legal_basis"], dict)
    exported["legal_basis"]["transfer"] = "x"
    assert rules.defence_hours == 24.0
    assert rules.legal_basis["transfer"].startswith("展会知识产权保护办法 第十一条")
    assert hash(rules) == hash(preset("cnipa-24h"))


def test_from_dict_accepts_integers_and_defaults_legal_basis() -> None:
    data = preset("huabo-4h").to_dict()
    data.update(code="my-fair", defence_hours=6, recheck_hours=0.5)
    del data["legal_basis"]
    rules = RuleSet.from_dict(data)
    assert (rules.code, rules.defence_hours, rules.recheck_hours) == ("my-fair", 6.0, 0.5)
    assert isinstance(rules.defence_hours, float)
    assert dict(rules.legal_basis) == {}
    assert RuleSet.from_dict({**data, "transfer_hours": 720}).transfer_hours == 720.0


def _hours_message(field: str, value: str) -> str:
    return (
        f"Rule set field '{field}' must be a number of hours above 0 and at most 720, got {value}."
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"defence_hours": 0}, _hours_message("defence_hours", "0")),
        ({"defence_hours": -1}, _hours_message("defence_hours", "-1")),
        ({"transfer_hours": 720.5}, _hours_message("transfer_hours", "720.5")),
        ({"supplement_hours": "24"}, _hours_message("supplement_hours", "'24'")),
        ({"recheck_hours": True}, _hours_message("recheck_hours", "True")),
        ({"recheck_hours": None}, _hours_message("recheck_hours", "None")),
        ({"defence_hours": float("nan")}, _hours_message("defence_hours", "nan")),
        ({"defence_hours": float("inf")}, _hours_message("defence_hours", "inf")),
        ({"code": ""}, "Rule set field 'code' must be a non-empty text, got ''."),
        ({"name": "  "}, "Rule set field 'name' must be a non-empty text, got '  '."),
        (
            {"opening_hours_only": "yes"},
            "Rule set field 'opening_hours_only' must be true or false, got 'yes'.",
        ),
        (
            {"legal_basis": {"transfer": 11}},
            "Rule set field 'legal_basis' must map text keys to citation texts, "
            "got 'transfer': 11.",
        ),
        (
            {"legal_basis": ["Art. 11"]},
            "Rule set field 'legal_basis' must map keys to citation texts, got list.",
        ),
        ({"defense_hours": 12}, "Unknown rule set field(s): defense_hours."),
    ],
)
def test_from_dict_validation(changes: dict[str, object], message: str) -> None:
    data = preset("cnipa-24h").to_dict()
    data.update(changes)
    with pytest.raises(ValueError) as err:
        RuleSet.from_dict(data)
    assert str(err.value) == message


def test_from_dict_names_missing_fields() -> None:
    data = preset("cnipa-24h").to_dict()
    del data["recheck_hours"], data["name"]
    with pytest.raises(ValueError) as err:
        RuleSet.from_dict(data)
    assert str(err.value) == "Rule set is missing field(s): name, recheck_hours."


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(ValueError, match="must be a mapping of fields, got list"):
        RuleSet.from_dict([])  # type: ignore[arg-type]


def test_with_changes() -> None:
    base = preset("cnipa-24h")
    fair = base.with_changes(defence_hours=6, opening_hours_only=True)
    assert (fair.defence_hours, fair.opening_hours_only) == (6.0, True)
    assert (fair.transfer_hours, fair.legal_basis) == (base.transfer_hours, base.legal_basis)
    assert (base.defence_hours, base.opening_hours_only) == (24.0, False)  # preset untouched


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"defence_hours": 0}, _hours_message("defence_hours", "0")),
        ({"recheck_hours": 1000}, _hours_message("recheck_hours", "1000")),
        ({"defense_hours": 6}, "Unknown rule set field(s): defense_hours."),
    ],
)
def test_with_changes_validates(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as err:
        preset("cnipa-24h").with_changes(**changes)
    assert str(err.value) == message


def test_direct_construction_is_validated() -> None:
    with pytest.raises(ValueError, match="'defence_hours' must be a number of hours"):
        RuleSet("x", "X", -4, 24, 4, 1, True)


# The articles ../shared/domain.md states, by source (the seeds hold none of these texts,
# so nothing else may be printed), and 2006 Art 7(3) (the complaint body coordinates the
# handling of complaints), which the legal review gives for mediation: every citation of
# every preset is one of them.
STATED = {
    "展会知识产权保护办法": {
        "第六条",
        "第七条第（一）项",
        # The complaint body coordinates and urges the handling of complaints: the basis of
        # the notice and its service, of mediation and of an opinion that finds no
        # infringement, as the legal review names it (documents_zh_3 §1.1, §2.1, §3.4, §9.3).
        "第七条第（三）项",
        "第八条",
        "第九条",
        "第十条",
        "第十一条",
        "第十五条",
        "第十七条",
        "第三十五条",
    },
    "展会知识产权保护指引": {"第十二条", "第十四条"},
    "上海市会展业条例": {"第二十七条", "第三十七条", "第三十八条", "第四十条", "第四十二条"},
}


def test_every_citation_is_an_article_the_sources_state() -> None:
    for code, rules in PRESETS.items():
        for key, text in rules.legal_basis.items():
            zh = text.partition(" / ")[0]
            for part in zh.split("；"):
                source, _, articles = part.partition(" ")
                if source == "参展合同":
                    continue
                assert source in STATED, (code, key, part)
                for article in articles.split("、"):
                    assert article in STATED[source], (code, key, article)


def test_every_preset_has_words_in_both_languages() -> None:
    """The set-up's drop-down shows a preset by its words: English on a Chinese desk before."""
    from fairdesk.domain.rules import PRESETS
    from fairdesk.domain.vocabulary import RULE_SETS

    for code, rule_set in PRESETS.items():
        words = RULE_SETS.get(code)
        assert words is not None, code
        assert words.en == rule_set.name and any("\u4e00" <= ch <= "\u9fff" for ch in words.zh)


def test_a_screen_shows_a_bilingual_citation_in_its_own_language() -> None:
    from fairdesk.domain.rules import SHANGHAI_LEGAL_BASIS, citation_in

    both = SHANGHAI_LEGAL_BASIS["decision"]
    zh, en = citation_in(both, "zh_CN"), citation_in(both, "en")
    assert f"{zh} / {en}" == both and "Regulations" in en and "Regulations" not in zh
    assert citation_in("Art 14", "zh_CN") == "Art 14"  # typed in one language: as typed
