"""A timeline's details column: words a person reads, never internal ids or hashes."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fairdesk.ui.common.case_labels import event_details

SH = ZoneInfo("Asia/Shanghai")


def test_a_patrol_visit_shows_words_not_ids() -> None:
    uid, round_uid, sha = "02bbed65-9575-4c1e-9d7a-1b2c3d4e5f60", "4183637d-0000", "ab" * 32
    text = event_details(
        {
            "uid": uid,
            "round": round_uid,
            "booth": "1.1A-01",
            "finding": "measure_verified",
            "visited_at": "2026-12-07T04:08:00+00:00",
            "photos": [sha, sha[::-1]],
        },
        SH,
    )
    assert uid not in text and round_uid not in text and sha not in text
    assert "uid" not in text and "round" not in text
    # The moment in the fair's time (UTC+8), the finding in words, the photos counted.
    assert text == (
        "booth: 1.1A-01; finding: Measure carried out; visited at: 07/12/2026 12:08; photos: 2"
    )


def test_a_complaint_opened_from_a_patrol_hides_the_visit_id() -> None:
    text = event_details({"visit": "9f1e-77", "complaint": "CIIE2026-0003", "photos": []}, SH)
    assert text == "complaint: CIIE2026-0003"


def test_a_time_typed_at_the_desk_is_the_fairs_whatever_this_pcs_zone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    monkeypatch.setenv("TZ", "UTC")  # a desk PC left on UTC, 8 hours from the fair
    time.tzset()
    try:
        text = event_details({"served_at": "2026-12-08T02:58"}, SH)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert text.endswith("08/12/2026 02:58"), text  # as typed, not 10:58
