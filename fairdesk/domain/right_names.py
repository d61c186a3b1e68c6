"""A right named as the center writes it, on paper, in exports and in start values:
第N号注册商标专用权, ZL… 号外观设计专利权, 《作品》著作权 (domain: "names rights in full")."""

from __future__ import annotations

from fairdesk.domain import vocabulary as v
from fairdesk.domain.vocabulary import Words

_PATENTS = {"invention_patent", "utility_model", "design"}


def bare_number(number: str) -> str:
    """'第 45678901 号' -> '45678901': the number without its frame or stray spaces."""
    return "".join(number.split()).removeprefix("第").removesuffix("号")


def right_number(ip_type: str, number: str) -> str:
    """The number as printed: 第45678901号 for a trademark, the patent number as it is."""
    bare = bare_number(number)
    return f"第{bare}号" if ip_type == "trademark" and bare else bare


def right_kind(ip_type: str) -> Words:
    """The kind of right as a right (外观设计专利权, 注册商标专用权, 著作权), not of a thing."""
    kind = v.IP_TYPES.words(ip_type)
    if ip_type == "trademark":
        return Words("Exclusive right to a registered trademark", "注册商标专用权")
    if ip_type in _PATENTS:
        return Words(f"{kind.en} right", f"{kind.zh}专利权".replace("专利专利权", "专利权"))
    if ip_type == "copyright":
        return Words("Copyright", "著作权")
    return kind


def right_in_full(ip_type: str, number: str, title: str = "") -> Words:
    """A right named in full, in both languages."""
    bare = bare_number(number)
    kind = v.IP_TYPES.words(ip_type)
    if ip_type == "trademark":
        return Words(
            f"the exclusive right to registered trademark No. {bare}", f"第{bare}号注册商标专用权"
        )
    if ip_type in _PATENTS:
        zh = f"{bare}号{kind.zh}专利权".replace("专利专利权", "专利权")
        return Words(f"{kind.en.lower()} {bare}", zh)
    if ip_type == "copyright":
        return Words(
            f"the copyright in {title or bare}", f"{f'《{title}》' if title else ''}著作权"
        )
    return Words(f"{kind.en} {bare}", f"{kind.zh}（{bare}）")


def madrid_in_full(ir_number: str) -> Words:
    """A Madrid international registration designating China, named as what it is (not a
    Chinese registration): the IR number, the system and the designation."""
    bare = bare_number(ir_number)
    return Words(
        f"the exclusive right to the mark of international registration No. {bare} "
        "designating China",
        f"第{bare}号国际注册商标（马德里体系，指定中国）专用权",
    )


# The kind in a table's narrow cell: no brackets to break across lines.
MADRID_KIND = Words("Madrid mark designating China", "马德里国际注册商标专用权")


def claim_not_upheld(right: Words) -> Words:
    """The desk's start value for a claim under a right no exhibit is accused under: a
    finding of infringement disposes of every right relied on. The respondent's notice
    named no exhibit under it, so the claim was not examined, and stays the complainant's
    to pursue (not dismissed on its merits)."""
    return Words(
        f"The complainant's claim under {right.en} was not put to the respondent with any "
        "exhibit and is not examined in this opinion; the complainant may pursue it "
        "separately.",
        f"投诉人关于{right.zh}的主张，未指明涉嫌侵权展品，本意见未予审查；投诉人可另行主张。",
    )
