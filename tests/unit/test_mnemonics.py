"""Alt+letter for every step button and field, in English and in Chinese."""

from __future__ import annotations

from fairdesk.ui.common.case_labels import assign_mnemonics


def test_english_labels_take_a_free_letter_of_their_own() -> None:
    assert assign_mnemonics(["Notify the respondent", "Note", "Apply"], reserved="a") == [
        "&Notify the respondent",
        "N&ote",
        "A&pply",
    ]


def test_chinese_labels_get_a_free_letter_after_their_words() -> None:
    labels = ["答辩要点 *:", "备注（原因）:", "调解", "撤回…"]
    assert assign_mnemonics(labels, reserved="a") == [
        "答辩要点(&B) *:",
        "备注（原因）(&C):",
        "调解(&D)",
        "撤回(&E)…",
    ]


def test_mixed_labels_never_share_a_letter() -> None:
    marked = assign_mnemonics(["Record the defence", "记录", "Reject", "登记"])
    keys = [m[m.index("&") + 1].lower() for m in marked]
    assert len(set(keys)) == len(keys) == 4


def test_an_ampersand_in_a_label_stays_a_character() -> None:
    assert assign_mnemonics(["R&D"]) == ["&R&&D"]
