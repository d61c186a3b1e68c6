"""Reading organisers' exhibitor lists: samples, encodings, layouts, bad rows, bad files."""

from __future__ import annotations

import csv
import io
import random
import re
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairdesk.domain.normalize import clean_text
from fairdesk.services.fair import exhibitor_file
from fairdesk.services.fair.exhibitor_file import (
    ExhibitorFile,
    ExhibitorFileError,
    read_exhibitor_file,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data"
SAMPLE_FILES = {
    "exhibitors_sample.csv": "utf-8-sig",
    "exhibitors_sample_gb18030.csv": "gb18030",
    "exhibitors_sample.xlsx": "xlsx",
}
HEADER = [
    "展商名称", "Exhibitor Name", "国家/地区", "Country/Region", "展区", "Exhibition Area",
    "展馆 Hall", "展位号 Booth No.", "联系人 Contact", "电话 Phone", "邮箱 Email",
]  # fmt: skip
SAMPLE_COLUMNS = {
    "name_zh": "展商名称",
    "name_en": "Exhibitor Name",
    "country": "国家/地区",
    "country_en": "Country/Region",
    "area": "展区",
    "area_en": "Exhibition Area",
    "hall": "展馆 Hall",
    "booth": "展位号 Booth No.",
    "contact": "联系人 Contact",
    "phone": "电话 Phone",
    "email": "邮箱 Email",
}
SAVE_AS = "save it as .xlsx or CSV"


def row(
    zh: str = "蓝海电器有限公司",
    en: str = "Blue Ocean Appliances S.A.",
    booth: str = "8.1H8-42",
    hall: str = "8.1",
    contact: str = "Maria Rossi",
) -> list[str]:
    return [zh, en, "美国", "United States", "食品展区", "Food", hall, booth, contact, "+1 555", ""]


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def error_of(path: Path, max_bytes: int = 200 * 1024 * 1024) -> str:
    with pytest.raises(ExhibitorFileError) as info:
        read_exhibitor_file(path, max_bytes=max_bytes)
    message = str(info.value)
    assert path.name in message  # every message names the file
    return message


# --- the organiser's sample exports -------------------------------------------------------


@pytest.fixture(scope="module")
def samples() -> dict[str, ExhibitorFile]:
    return {name: read_exhibitor_file(SAMPLES / name) for name in SAMPLE_FILES}


@pytest.mark.parametrize("name", list(SAMPLE_FILES))
def test_sample_reads_all_300_exhibitors(samples: dict[str, ExhibitorFile], name: str) -> None:
    result = samples[name]
    assert len(result.records) == 300
    assert result.rejected == []
    assert (result.blank_rows, result.merged_rows) == (0, 0)
    assert result.encoding == SAMPLE_FILES[name]
    assert result.header_row == 1
    assert result.columns == SAMPLE_COLUMNS
    assert len({r.identity for r in result.records}) == 300
    assert [r.row for r in result.records] == list(range(2, 302))


def test_samples_have_the_same_identities(samples: dict[str, ExhibitorFile]) -> None:
    identities = [{r.identity for r in s.records} for s in samples.values()]
    assert identities[0] == identities[1] == identities[2]
    records = [sorted(s.records, key=lambda r: r.identity) for s in samples.values()]
    assert records[0] == records[1] == records[2]


@pytest.mark.parametrize("name", list(SAMPLE_FILES))
def test_sample_shared_booth_has_two_exhibitors(
    samples: dict[str, ExhibitorFile], name: str
) -> None:
    sharing = [r for r in samples[name].records if ("2.1", "2.1F8-17") in r.booths]
    assert len(sharing) == 2
    assert len({r.identity for r in sharing}) == 2


def test_sample_same_chinese_name_is_not_one_exhibitor(samples: dict[str, ExhibitorFile]) -> None:
    records = samples["exhibitors_sample.csv"].records
    bright = [r for r in records if r.name_zh == "明亮仪器有限公司"]
    assert {r.name_en for r in bright} == {
        "Bright Instruments S.A.",
        "Bright Instruments Co., Ltd.",
    }


def test_sample_record_fields(samples: dict[str, ExhibitorFile]) -> None:
    first = samples["exhibitors_sample.xlsx"].records[0]
    assert first.row == 2
    assert (first.name_zh, first.name_en) == ("蓝海电器有限公司", "Blue Ocean Appliances S.A.")
    assert (first.country, first.country_en) == ("美国", "United States")
    assert first.booths == (("8.1", "8.1H8-42"),)
    assert first.contact == "佐藤 健"
    assert first.phone == "+81 200780963"
    assert first.email == "contact0@blueocean-appliances.example"
    assert first.credit_code == ""
    assert first.identity == "nm:蓝海电器/有限公司|blueoceanappliances/sa"


# --- encodings and layouts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, reported: str) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [HEADER, row(), row("金色酒业有限公司", "Golden Wines GmbH", "1.1G4-28", "1.1")],
        encoding=encoding,
    )
    result = read_exhibitor_file(path)
    assert result.encoding == reported
    assert [r.name_zh for r in result.records] == ["蓝海电器有限公司", "金色酒业有限公司"]
    assert result.records[1].booths == (("1.1", "1.1G4-28"),)


@pytest.mark.parametrize(("delimiter", "ext"), [(";", ".csv"), ("\t", ".txt"), ("\t", ".tsv")])
def test_delimiters(tmp_path: Path, delimiter: str, ext: str) -> None:
    rows = [HEADER, row(), row("金色酒业有限公司", "Golden Wines, GmbH", "1.1G4-28", "1.1")]
    path = write_csv(tmp_path / f"list{ext}", rows, delimiter=delimiter)
    result = read_exhibitor_file(path)
    assert result.delimiter == delimiter
    assert result.columns == SAMPLE_COLUMNS
    assert [r.name_en for r in result.records] == [
        "Blue Ocean Appliances S.A.",
        "Golden Wines, GmbH",
    ]


def test_excel_unicode_text_export(tmp_path: Path) -> None:
    # Excel's "Unicode Text" is UTF-16 with a BOM and tabs.
    path = write_csv(tmp_path / "list.txt", [HEADER, row()], encoding="utf-16", delimiter="\t")
    result = read_exhibitor_file(path)
    assert (result.encoding, result.delimiter, len(result.records)) == ("utf-16", "\t", 1)


def test_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=;\n" + ";".join(HEADER) + "\n" + ";".join(row(booth="")) + "\n")
    result = read_exhibitor_file(path)
    assert result.delimiter == ";"
    assert result.header_row == 1
    assert [r.row for r in result.rejected] == [2]


def test_sep_line_followed_by_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=;\r\n\r\n" + ";".join(HEADER) + "\r\n" + ";".join(row(zh="", en="")))
    result = read_exhibitor_file(path)
    assert (result.header_row, [r.row for r in result.rejected]) == (2, [3])


def test_progress_exceptions_propagate(tmp_path: Path) -> None:
    # A GUI cancels a long import by raising from the progress callback.
    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    rows = [HEADER] + [row(f"展商{i}有限公司", f"E{i}", f"1A{i:04d}") for i in range(600)]
    for path in (write_csv(tmp_path / "l.csv", rows), write_xlsx(tmp_path / "l.xlsx", {"S": rows})):
        with pytest.raises(Cancelled):
            read_exhibitor_file(path, progress=cancel)


def test_title_rows_above_header_csv(tmp_path: Path) -> None:
    rows = [["第八届进博会展商名单"], [], HEADER, row(), row(zh="", en=""), row(booth="")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.header_row == 3
    assert [r.row for r in result.records] == [4]
    assert [(r.row, r.reason) for r in result.rejected] == [
        (5, "no exhibitor name (Chinese or English)"),
        (6, "no booth number"),
    ]


def test_title_rows_above_header_xlsx(tmp_path: Path) -> None:
    rows: list[Sequence[object]] = [
        ["第八届进博会展商名单"],
        [],
        list(HEADER),
        row(),
        [],
        row("金色酒业有限公司", "Golden Wines GmbH", "", "1.1"),
        [None, None, None, None, None, None, 8.1, "8.1A01"],  # hall as a number, no name
        [
            "皇冠纺织有限公司",
            "Crown Textiles K.K.",
            "",
            "",
            "",
            "",
            6.1,
            "6.1D4-49",
            "",
            13800138000,
        ],
        [],
        [],
    ]
    result = read_exhibitor_file(write_xlsx(tmp_path / "list.xlsx", {"展商": rows}))
    assert (result.encoding, result.sheet, result.header_row) == ("xlsx", "展商", 3)
    assert [(r.row, r.reason) for r in result.rejected] == [
        (6, "no booth number"),
        (7, "no exhibitor name (Chinese or English)"),
    ]
    assert result.rejected[1].raw == ("", "", "", "", "", "", "8.1", "8.1A01")
    crown = result.records[1]
    assert (crown.row, crown.booths, crown.phone) == (8, (("6.1", "6.1D4-49"),), "13800138000")
    assert result.blank_rows == 1  # row 5; the trailing blank rows are not counted


def test_xlsx_picks_the_sheet_with_the_header(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        {"说明": [["本表由主办方导出"], ["请勿修改表头"]], "Sheet2": [], "名录": [HEADER, row()]},
    )
    result = read_exhibitor_file(path)
    assert result.sheet == "名录"
    assert len(result.records) == 1


def test_xlsx_renamed_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "list.xlsx", {"S": [HEADER, row()]})
    path = tmp_path / "list.csv"
    path.write_bytes((tmp_path / "list.xlsx").read_bytes())
    assert read_exhibitor_file(path).encoding == "xlsx"


def test_xlsm_is_read(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "list.xlsx", {"S": [HEADER, row()]})
    path = tmp_path / "list.xlsm"
    path.write_bytes((tmp_path / "list.xlsx").read_bytes())
    assert len(read_exhibitor_file(path).records) == 1


def test_full_width_booths_and_hall_from_booth(tmp_path: Path) -> None:
    rows = [
        ["展商名称", "展位号"],
        ["蓝海电器有限公司", "８.１ｈ８－４２"],
        ["金色酒业有限公司", " 1.1 g 4-28 "],
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [r.booths for r in result.records] == [
        (("8.1", "8.1H8-42"),),
        (("1.1", "1.1G4-28"),),
    ]


def test_multi_booth_cells(tmp_path: Path) -> None:
    rows = [
        ["展商名称", "展位号"],
        ["甲有限公司", "8.1H8-42/8.1H8-43、8.1H8-44, 8.1h8-44；8.1H8-45，8.1H8-46;8.1H8-47"],
        ["乙有限公司", "8.1H8-50 8.1H8-51"],  # full booth numbers separated by a space
        ["丙有限公司", "8.1 H 8-52"],  # one booth typed loosely
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    booths = [tuple(b for _, b in r.booths) for r in result.records]
    assert booths == [
        tuple(f"8.1H8-{n}" for n in range(42, 48)),
        ("8.1H8-50", "8.1H8-51"),
        ("8.1H8-52",),
    ]


def test_booths_on_separate_lines_in_one_xlsx_cell(tmp_path: Path) -> None:
    rows = [["Company Name", "Hall", "Stand No."], ["Foo GmbH", "Hall 4.1", "4.1A01\n4.1A02"]]
    result = read_exhibitor_file(write_xlsx(tmp_path / "list.xlsx", {"S": rows}))
    assert result.records[0].booths == (("4.1", "4.1A01"), ("4.1", "4.1A02"))


def test_hall_column_wins_over_booth_prefix(tmp_path: Path) -> None:
    rows = [["展商名称", "展馆", "展位号"], ["甲有限公司", "N1", "A01"], ["乙有限公司", "", "4A01"]]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [r.booths for r in result.records] == [(("N1", "A01"),), (("4", "4A01"),)]


# --- rows -----------------------------------------------------------------------------------


def test_blank_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    rows = [HEADER, row(), [], ["", " ", ""], row("金色酒业有限公司", "Golden Wines GmbH"), [], []]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [r.row for r in result.records] == [2, 5]
    assert result.blank_rows == 2
    assert result.rejected == []


def test_duplicate_rows_merge(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(booth="8.1H8-42", contact=""),
        row("金色酒业有限公司", "Golden Wines GmbH", "1.1G4-28", "1.1"),
        row("蓝海电器 有限公司", "BLUE OCEAN APPLIANCES sa", "8.1H8-43", contact="佐藤 健"),
        row(booth="8.1H8-42", contact="Somebody Else"),
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.merged_rows == 2
    assert len(result.records) == 2
    blue = result.records[0]
    assert blue.row == 2
    assert blue.name_en == "Blue Ocean Appliances S.A."  # first non-empty value wins
    assert blue.contact == "佐藤 健"  # the first row had none
    assert blue.booths == (("8.1", "8.1H8-42"), ("8.1", "8.1H8-43"))


def test_same_booth_different_exhibitors_do_not_merge(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row("枫叶化妆品有限公司", "Maple Cosmetics K.K.", "2.1F8-17", "2.1"),
        row("螺旋制药有限公司", "Helix Pharma GmbH", "2.1F8-17", "2.1"),
        row("明亮仪器有限公司", "Bright Instruments S.A."),
        row("明亮仪器有限公司", "Bright Instruments Co., Ltd."),
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert (len(result.records), result.merged_rows) == (4, 0)


def test_credit_code_is_the_identity(tmp_path: Path) -> None:
    rows = [
        ["企业名称", "英文名称", "统一社会信用代码", "展位号"],
        ["蓝海电器有限公司", "Blue Ocean", "91310000MA1FL0000X", "8.1H8-42"],
        ["蓝海电器（上海）有限公司", "", "9131 0000 ma1fl0000x", "8.1H8-43"],
        ["甲有限公司", "", "无", "1A01"],  # a placeholder is no code: the names decide
        ["乙有限公司", "", "无", "1A02"],
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [r.identity for r in result.records] == [
        "cc:91310000MA1FL0000X",
        "nm:甲/有限公司|",
        "nm:乙/有限公司|",
    ]
    assert result.records[0].booths == (("8.1", "8.1H8-42"), ("8.1", "8.1H8-43"))
    assert result.records[1].credit_code == ""


def test_single_english_name_column_is_name_en(tmp_path: Path) -> None:
    rows = [["Exhibitor", "Booth"], ["Foo GmbH", "4A01"], ["Bar Ltd", "4A02"]]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.columns == {"name_en": "Exhibitor", "booth": "Booth"}
    assert [(r.name_zh, r.name_en) for r in result.records] == [("", "Foo GmbH"), ("", "Bar Ltd")]


def test_single_chinese_name_column_without_cjk_data_is_name_en(tmp_path: Path) -> None:
    rows = [["展商名称", "展位号"], ["Foo GmbH", "4A01"]]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.columns == {"name_en": "展商名称", "booth": "展位号"}
    assert result.records[0].name_en == "Foo GmbH"


def test_single_mixed_name_column_goes_by_script(tmp_path: Path) -> None:
    rows = [
        ["展商名称 Exhibitor Name", "展位号"],
        ["蓝海电器有限公司", "4A01"],
        ["Foo GmbH", "4A02"],
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.columns["name_zh"] == "展商名称 Exhibitor Name"
    assert [(r.name_zh, r.name_en) for r in result.records] == [
        ("蓝海电器有限公司", ""),
        ("", "Foo GmbH"),
    ]


def test_header_aliases(tmp_path: Path) -> None:
    header = [
        "No.", "公司名称", "Company Name", "USCC", "国别", "Country", "Sector", "Pavilion",
        "Hall No.", "Stand No.", "Contact Person", "Tel.", "E-mail",
    ]  # fmt: skip
    data = "1,甲有限公司,A Ltd,9131X,德国,Germany,Food,German,4.1,4.1A01,Hans,+49,a@b.de"
    rows = [header, data.split(",")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert list(result.columns) == [
        "name_zh", "name_en", "credit_code", "country", "country_en", "area_en", "delegation",
        "hall", "booth", "contact", "phone", "email",
    ]  # fmt: skip
    rec = result.records[0]
    assert (rec.credit_code, rec.delegation, rec.area_en, rec.email) == (
        "9131X",
        "German",
        "Food",
        "a@b.de",
    )


def test_qualified_header_names(tmp_path: Path) -> None:
    rows = [["展商名称（中文）", "展商名称（英文）", "Booth"], ["甲有限公司", "A Ltd", "1A01"]]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.columns == {
        "name_zh": "展商名称（中文）",
        "name_en": "展商名称（英文）",
        "booth": "Booth",
    }


def test_repeated_header_row_is_rejected(tmp_path: Path) -> None:
    rows = [HEADER, row(), HEADER, row("金色酒业有限公司", "Golden Wines GmbH")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [(r.row, r.reason) for r in result.rejected] == [(3, "repeats the header row")]
    assert len(result.records) == 2


def test_name_placeholder_is_no_name(tmp_path: Path) -> None:
    rows = [HEADER, row(zh="-", en="/")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [r.reason for r in result.rejected] == ["no exhibitor name (Chinese or English)"]


def test_missing_name_and_booth_gives_both_reasons(tmp_path: Path) -> None:
    rows = [HEADER, row(zh="", en="", booth="")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.rejected[0].reason == "no exhibitor name (Chinese or English); no booth number"


def test_huge_cells_are_rejected_not_truncated(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(en="A" * 501),
        row(en="B" * 500),
        row(zh="丙有限公司"),
        row(zh="丁有限公司", booth="8.1H" + "9" * 50),
    ]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert [(r.row, r.reason) for r in result.rejected] == [
        (2, "Exhibitor Name is longer than 500 characters"),
        (5, "booth number 8.1H9999999999999999… is longer than 40 characters"),
    ]
    assert result.rejected[0].raw[1] == "A" * 500 + "…"
    assert [r.name_en for r in result.records][0] == "B" * 500


def test_field_longer_than_its_column_is_rejected(tmp_path: Path) -> None:
    rows = [["展商名称", "展位号", "电话 Phone"], ["甲有限公司", "1A01", "1" * 101]]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    assert result.rejected[0].reason == "电话 Phone is longer than 100 characters"


def test_unclosed_quote_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('展商名称,展位号\n甲有限公司,1A01\n"乙有限公司' + "x" * 200_000 + "\n")
    message = error_of(path)
    assert "row 3" in message
    assert "unclosed quote" in message


def test_formula_text_in_csv_is_kept_as_data(tmp_path: Path) -> None:
    rows = [HEADER, row(en='=HYPERLINK("http://x","Foo")', contact="@SUM(1+1)", booth="=1+1")]
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", rows))
    rec = result.records[0]
    assert rec.name_en == '=HYPERLINK("http://x","Foo")'
    assert rec.contact == "@SUM(1+1)"
    assert rec.booths == (("8.1", "=1+1"),)


def test_xlsx_formulas_read_cached_values(tmp_path: Path) -> None:
    rows: list[Sequence[object]] = [
        ["展商名称", "Exhibitor Name", "展位号", "联系人"],
        ["蓝海电器有限公司", "Blue Ocean", '="8.1H8-"&"42"', "=A2"],
    ]
    path = write_xlsx(tmp_path / "list.xlsx", {"S": rows})
    # openpyxl writes formulas without a cached value; add one for C2 as Excel would.
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, n = re.subn(
        r'<c r="C2"([^>]*)><f>(.*?)</f><v\s*/>',
        r'<c r="C2" t="str"><f>\2</f><v>8.1H8-42</v>',
        sheet,
    )
    assert n == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    parsed = read_exhibitor_file(path)
    rec = parsed.records[0]
    assert rec.booths == (("8.1", "8.1H8-42"),)  # the cached value, not the formula
    # No cached value: the formula's text is kept (never evaluated), and the row noted
    # rather than silently blanked; exports write it as inert text.
    assert rec.contact == "=A2"
    assert [(n.row, n.reason) for n in parsed.notes] == [
        (2, "a formula with no saved value: its text was kept")
    ]


def test_xlsx_error_values_are_empty(tmp_path: Path) -> None:
    rows = [["展商名称", "展位号"], ["甲有限公司", "#REF!"]]
    result = read_exhibitor_file(write_xlsx(tmp_path / "list.xlsx", {"S": rows}))
    assert [r.reason for r in result.rejected] == ["no booth number"]


def test_header_only(tmp_path: Path) -> None:
    result = read_exhibitor_file(write_csv(tmp_path / "list.csv", [HEADER]))
    assert (result.records, result.rejected, result.header_row) == ([], [], 1)


def test_progress_is_reported(tmp_path: Path) -> None:
    rows = [HEADER] + [
        row(f"展商{i}有限公司", f"Exhibitor {i} Ltd", f"1A{i:04d}") for i in range(1200)
    ]
    calls: list[tuple[int, int]] = []
    read_exhibitor_file(
        write_csv(tmp_path / "list.csv", rows), progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(500, 0), (1000, 0), (1201, 1201)]
    calls.clear()
    read_exhibitor_file(
        write_xlsx(tmp_path / "list.xlsx", {"S": rows}), progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(500, 1201), (1000, 1201), (1201, 1201)]


# --- files that cannot be read ---------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in error_of(tmp_path / "nope.csv")


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "list.csv").mkdir()
    assert "is a folder" in error_of(tmp_path / "list.csv")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, row()])

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests run as root in CI, where chmod 000 does not stop reading.
    monkeypatch.setattr(exhibitor_file, "open", refuse, raising=False)
    assert "permission denied" in error_of(path)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \n", b",,,\n,,\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    assert "is empty" in error_of(path)


def test_empty_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": [], "Sheet2": []})
    assert "is empty" in error_of(path)


def test_png_renamed_csv(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    message = error_of(path)
    assert "looks like a PNG image, not a spreadsheet" in message
    assert SAVE_AS in message


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(random.Random(seed).randbytes(4096))
    assert "contains binary data" in error_of(path)


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("展商名称,展位号\n".encode() + b"\xff\xfe\x80abc,1A01\n")
    assert "is neither UTF-8 nor GB18030" in error_of(path)


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    message = error_of(path)
    assert "old Excel 97-2003 format (.xls)" in message
    assert SAVE_AS in message


def test_xls_name_with_html_inside(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    path.write_text("<table><tr><td>展商名称</td></tr></table>")
    assert SAVE_AS in error_of(path)


def test_password_protected_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert "password-protected" in error_of(path)


@pytest.mark.parametrize("name", ["list.xlsx", "list.csv"])
def test_zip_that_is_not_xlsx(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    message = error_of(path)
    assert "is a ZIP archive but not an Excel workbook" in message
    assert SAVE_AS in message


def test_damaged_xlsx(tmp_path: Path) -> None:
    data = write_xlsx(tmp_path / "good.xlsx", {"S": [HEADER, row()]}).read_bytes()
    path = tmp_path / "list.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in error_of(path)


def test_text_renamed_xlsx(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.xlsx", [HEADER, row()])
    assert "is not a valid Excel workbook" in error_of(path)


def test_unknown_extension(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.docx", [HEADER, row()])
    message = error_of(path)
    assert "unsupported file type .docx" in message


def test_too_large(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, row()])
    assert "more than the 100 bytes limit" in error_of(path, max_bytes=100)
    assert exhibitor_file._size(250 * 1024 * 1024) == "250 MB"


def test_no_header_found(tmp_path: Path) -> None:
    rows = [["第八届进博会展商名单"], ["序号", "Name of person", "Remarks"], ["1", "x", "y"]]
    message = error_of(write_csv(tmp_path / "list.csv", rows))
    assert (
        "could not find a header row with an exhibitor name and booth column; expected columns "
        "such as 展商名称 / Exhibitor Name and 展位号 / Booth No." in message
    )


def test_no_header_found_says_what_is_missing(tmp_path: Path) -> None:
    rows = [["展商名称", "国家"], ["甲有限公司", "德国"]]
    message = error_of(write_csv(tmp_path / "list.csv", rows))
    assert "Row 1 has 展商名称, 国家 but no booth column." in message
    xlsx = write_xlsx(tmp_path / "list.xlsx", {"名录": [["Booth"], ["1A01"]]})
    assert 'Row 1 of sheet "名录" has Booth but no exhibitor name column.' in error_of(xlsx)


def test_header_below_row_20_is_not_found(tmp_path: Path) -> None:
    rows = [[f"说明 {i}"] for i in range(20)] + [HEADER, row()]
    assert "could not find a header row" in error_of(write_csv(tmp_path / "list.csv", rows))


# --- property: any text is either read or refused with ExhibitorFileError ---------------------

_cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", " ", "蓝海电器有限公司", "Foo Ltd", "FOO LTD.", "8.1H8-42", "8.1H8-42/8.1H8-43",
         "无", "=1+1", "展位号", "-", "\r\n"]
    ),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cell, max_size=5), max_size=15))
def test_any_rows_are_read_or_refused(rows: list[list[str]]) -> None:
    header = ["展商名称", "Exhibitor Name", "展位号"]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "list.csv", [header, *rows])
        try:
            result = read_exhibitor_file(path)
        except ExhibitorFileError:
            return
    non_blank = {n for n, cells in enumerate(rows, start=2) if any(clean_text(c) for c in cells)}
    record_rows = {r.row for r in result.records}
    rejected_rows = {r.row for r in result.rejected}
    assert len(result.records) + result.merged_rows + len(result.rejected) == len(non_blank)
    assert record_rows | rejected_rows <= non_blank
    assert not record_rows & rejected_rows
    assert result.blank_rows <= len(rows) - len(non_blank)
    for record in result.records:
        assert record.name_zh or record.name_en
        assert record.booths


def test_csv_writer_round_trip_matches_rows() -> None:
    # The property test relies on csv rows coming back one for one.
    buf = io.StringIO(newline="")
    rows = [["a\nb", "c"], [], ["", ""], ["\r"]]
    csv.writer(buf).writerows(rows)
    assert list(csv.reader(io.StringIO(buf.getvalue(), newline=""))) == [
        ["a\nb", "c"],
        [],
        ["", ""],
        ["\r"],
    ]
