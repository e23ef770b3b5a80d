"""Importing the member lists offices already keep, and exporting them to Excel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from openpyxl import Workbook, load_workbook

from kiemchung.org.member_import import FileRefused, export_members, import_members
from kiemchung.org.member_rows import RowRefused, check_phone
from kiemchung.org.models import MemberProfile, Membership, Role
from kiemchung.testing.org import UnitTree, make_member, make_unit_tree

pytestmark = pytest.mark.django_db

HEADER = "STT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Điện thoại,Email"
GOOD_ROWS = [
    "1,Nguyễn Thị Lan,Cán bộ văn hóa,Xã An Phú,Thành viên,0912 345 678,lan@anphu.example",
    "2,Trần Văn Bình,Công an viên,Xã An Phú,Người xác minh,+84 987 654 321,",
    "3,Lê Thị Cúc,Bí thư chi đoàn,Xã An Phú,,,",
]
BAD_ROWS = [
    "4,Phạm Văn Dũng,,Xã Không Có,Thành viên,,dung@anphu.example",
    "5,Hồ Thị Én,,Xã An Phú,Chủ tịch,,en@anphu.example",
    "6,Võ Văn Giang,,Xã An Phú,,,giang@@anphu",
    "7,Đỗ Thị Hoa,,Xã An Phú,,12345,",
    "8,Lan trùng,,Xã An Phú,,,LAN@anphu.example",
]


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


def csv_file(*rows: str) -> io.BytesIO:
    return io.BytesIO("\n".join([HEADER, *rows]).encode("utf-8-sig"))


def people() -> list[str]:
    return sorted(u.first_name for u in User.objects.filter(memberships__isnull=False).distinct())


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("912345678", "0912345678"),  # a spreadsheet dropped the zero
        ("0243 825 1234", "02438251234"),  # a landline in Hà Nội
        ("", ""),
    ],
)
def test_vietnamese_phone_numbers_are_written_one_way(raw: str, clean: str) -> None:
    assert check_phone(raw) == clean


@pytest.mark.parametrize("raw", ["12345", "0112345678", "+1 212 555 0100", "09123456789", "abc"])
def test_other_phone_numbers_are_refused(raw: str) -> None:
    with pytest.raises(RowRefused):
        check_phone(raw)


def test_good_rows_go_in_and_each_bad_row_is_reported_with_its_number_and_reason(
    tree: UnitTree,
) -> None:
    report = import_members(None, "ds.csv", csv_file(*GOOD_ROWS, *BAD_ROWS))
    assert report.created == 3
    assert people() == ["Lê Thị Cúc", "Nguyễn Thị Lan", "Trần Văn Bình"]
    reasons = dict(report.rejected)
    assert sorted(reasons) == [5, 6, 7, 8, 9]  # the header is row 1
    assert "Xã Không Có" in reasons[5]
    assert "Chủ tịch" in reasons[6]
    assert "giang@@anphu" in reasons[7]
    assert "12345" in reasons[8]
    assert "row 2" in reasons[9] or "dòng 2" in reasons[9]
    assert report.exit_code == 1


def test_an_imported_person_is_stored_as_the_list_says_with_the_least_role(
    tree: UnitTree,
) -> None:
    import_members(None, "ds.csv", csv_file(*GOOD_ROWS))
    lan = User.objects.get(email="lan@anphu.example")
    assert lan.get_full_name() == "Nguyễn Thị Lan"
    assert not lan.has_usable_password()
    assert lan.member_profile.position == "Cán bộ văn hóa"
    assert lan.member_profile.phone == "0912345678"
    assert MemberProfile.objects.get(user__first_name="Trần Văn Bình").phone == "0987654321"
    assert Membership.objects.get(user__first_name="Lê Thị Cúc").role == Role.MEMBER
    assert Membership.objects.get(user__first_name="Trần Văn Bình").role == Role.VERIFIER


def test_re_importing_updates_and_never_duplicates(tree: UnitTree) -> None:
    import_members(None, "ds.csv", csv_file(*GOOD_ROWS))
    changed = [
        "1,Nguyễn Thị Lan,Phó chủ tịch,Xã An Phú,Thành viên,0912345678,lan@anphu.example",
        "2,Trần Văn Bình,Trưởng công an,Xã An Phú,Người xác minh,0987654321,binh@anphu.example",
        "3,Lê Thị Cúc,Bí thư đoàn xã,Xã An Phú,,,",
    ]
    report = import_members(None, "ds.csv", csv_file(*changed))
    assert (report.created, report.updated, report.rejected) == (0, 3, [])
    assert User.objects.count() == 3
    assert MemberProfile.objects.get(user__first_name="Lê Thị Cúc").position == "Bí thư đoàn xã"
    assert User.objects.get(first_name="Trần Văn Bình").email == "binh@anphu.example"
    again = import_members(None, "ds.csv", csv_file(*changed))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_an_xlsx_list_with_a_title_above_and_a_phone_typed_as_a_number_is_read(
    tree: UnitTree,
) -> None:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append(["DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO XÃ AN PHÚ"])
    sheet.append(["Họ và tên", "Chức vụ", "Vai trò", "Số điện thoại", "Email"])
    sheet.append(["Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban", 912345678, None])
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    report = import_members(None, "danh-sach.xlsx", data, unit=tree.commune)
    assert report.created == 1 and report.exit_code == 0
    an = User.objects.get(first_name="Nguyễn Văn An")
    assert an.member_profile.phone == "0912345678"
    assert Membership.objects.get(user=an).unit == tree.commune
    assert Membership.objects.get(user=an).role == Role.HEAD


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ds.pdf", b"%PDF-1.4"),
        ("ds.xlsx", b"not a workbook"),
        ("ds.csv", "Tên,Tuổi\nAn,30\n".encode()),
        ("ds.csv", "Họ và tên\nNguyễn\n".encode("utf-16")),
    ],
)
def test_a_file_that_is_no_member_list_is_refused(
    tree: UnitTree, name: str, content: bytes
) -> None:
    with pytest.raises(FileRefused):
        import_members(None, name, io.BytesIO(content))
    assert not User.objects.exists()


def test_the_command_exits_0_1_or_2(tree: UnitTree, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_bytes(csv_file(*GOOD_ROWS).getvalue())
    call_command("members", "import", str(good))  # 0: no SystemExit
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(csv_file(*GOOD_ROWS, *BAD_ROWS).getvalue())
    err = io.StringIO()
    with pytest.raises(SystemExit) as some_rejected:
        call_command("members", "import", str(mixed), stderr=err)
    assert some_rejected.value.code == 1
    assert "Row 5:" in err.getvalue()
    with pytest.raises(SystemExit) as refused:
        call_command("members", "import", str(tmp_path / "missing.csv"), stderr=io.StringIO())
    assert refused.value.code == 2
    assert User.objects.count() == 3


def test_the_command_puts_rows_without_a_unit_in_the_given_unit(
    tree: UnitTree, tmp_path: Path
) -> None:
    listing = tmp_path / "ds.csv"
    listing.write_text("Họ và tên,Vai trò\nNguyễn Văn An,Cộng tác viên\n", encoding="utf-8")
    call_command("members", "import", str(listing), "--unit", str(tree.sibling.pk))
    held = Membership.objects.get(user__first_name="Nguyễn Văn An")
    assert (held.unit, held.role) == (tree.sibling, Role.COLLABORATOR)


def test_the_export_reads_back_as_the_same_list(tree: UnitTree, tmp_path: Path) -> None:
    import_members(None, "ds.csv", csv_file(*GOOD_ROWS))
    out = tmp_path / "ds.xlsx"
    call_command("members", "export", str(out), stdout=io.StringIO())
    sheet = load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Điện thoại", "Email")
    assert ("Nguyễn Thị Lan", "Cán bộ văn hóa", "Xã An Phú") in {r[:3] for r in rows}
    with out.open("rb") as data:
        again = import_members(None, out.name, data)
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 3, [])


# --- the page -------------------------------------------------------------------------


def upload(client: Client, content: bytes, name: str = "ds.csv", **fields: object) -> str:
    data = io.BytesIO(content)
    data.name = name
    response = client.post("/org/members/import/", {"file": data, **fields})
    return response.content.decode()


def test_a_head_uploads_a_list_and_sees_the_report(client: Client, tree: UnitTree) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    text = upload(client, csv_file(*GOOD_ROWS, BAD_ROWS[0]).getvalue())
    assert "Xã Không Có" in text
    assert len(people()) == 4  # three imported and the head


def test_a_commune_head_cannot_import_into_the_neighbouring_commune(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    row = "1,Người Lạ,,Xã Bình Minh,,,la@binhminh.example"
    text = upload(client, csv_file(row).getvalue())
    assert "Xã Bình Minh" in text
    assert not User.objects.filter(email="la@binhminh.example").exists()
    response = client.post(
        "/org/members/import/",
        {"file": io.BytesIO(b"x"), "unit": tree.sibling.pk},
    )
    assert response.status_code == 200  # the form refuses a unit the head does not manage
    assert not User.objects.filter(first_name="Người Lạ").exists()


def test_the_secretariat_cannot_import_a_head(client: Client, tree: UnitTree) -> None:
    client.cookies["django_language"] = "en"
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    text = upload(client, csv_file("1,Ai Đó,,Xã An Phú,Trưởng ban,,ai@anphu.example").getvalue())
    assert not User.objects.filter(email="ai@anphu.example").exists()
    assert "0 created" in text
    assert "You may not give this role in this unit" in text


def test_a_list_cannot_take_over_a_person_of_a_unit_the_importer_does_not_manage(
    client: Client, tree: UnitTree
) -> None:
    other = make_member(Role.MEMBER, tree.sibling, "Trần Văn Bình")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    upload(client, csv_file(f"1,Tên Khác,,Xã An Phú,,,{other.email}").getvalue())
    other.refresh_from_db()
    assert other.first_name == "Trần Văn Bình"
    assert not Membership.objects.filter(user=other, unit=tree.commune).exists()


@pytest.mark.parametrize("role", [Role.MEMBER, Role.DEPUTY, Role.COLLABORATOR, Role.READONLY])
def test_other_roles_cannot_import_or_export(client: Client, tree: UnitTree, role: str) -> None:
    client.force_login(make_member(role, tree.commune, "Người Thường"))
    assert client.get("/org/members/import/").status_code == 403
    data = csv_file(*GOOD_ROWS)
    data.name = "ds.csv"
    assert client.post("/org/members/import/", {"file": data}).status_code == 403
    assert len(people()) == 1
    assert client.get("/org/members/export.xlsx").status_code == 403


def test_the_page_export_holds_only_the_units_the_head_manages(
    client: Client, tree: UnitTree
) -> None:
    make_member(Role.MEMBER, tree.commune, "Nguyễn Thị Lan", phone="0912345678")
    make_member(Role.MEMBER, tree.sibling, "Trần Văn Bình", phone="0987654321")
    client.force_login(make_member(Role.SECRETARIAT, tree.commune, "Đỗ Mai"))
    response = client.get("/org/members/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Nguyễn Thị Lan", "Đỗ Mai"}
    assert client.get(f"/org/members/export.xlsx?unit={tree.sibling.pk}").status_code == 403


def test_export_members_writes_a_header_for_an_empty_list(tree: UnitTree) -> None:
    out = io.BytesIO()
    assert export_members(None, tree.sibling, out) == 0
    out.seek(0)
    assert load_workbook(out).worksheets[0].max_row == 1


def test_the_history_says_a_contact_changed_but_never_keeps_it(tree: UnitTree) -> None:
    from kiemchung.cases.models import AuditEvent

    import_members(None, "ds.csv", csv_file(GOOD_ROWS[1]))
    changed = "2,Trần Văn Bình,Trưởng công an,Xã An Phú,,0987654321,binh@anphu.example"
    import_members(None, "ds.csv", csv_file(changed))
    event = AuditEvent.objects.get(action="member.updated")
    assert set(event.changes) == {"email", "position"}
    assert "binh@anphu.example" not in str(event.changes)
    assert "0987654321" not in str(AuditEvent.objects.values_list("changes", flat=True))


def test_an_empty_role_adds_nothing_to_someone_who_already_has_a_role_there(
    tree: UnitTree,
) -> None:
    import_members(None, "ds.csv", csv_file(GOOD_ROWS[1]))  # Bình, verifier
    import_members(None, "ds.csv", csv_file("2,Trần Văn Bình,,Xã An Phú,,0987654321,"))
    roles = Membership.objects.filter(user__first_name="Trần Văn Bình").values_list("role")
    assert list(roles) == [(Role.VERIFIER,)]
    import_members(None, "ds.csv", csv_file("2,Trần Văn Bình,,Xã Bình Minh,,0987654321,"))
    assert Membership.objects.get(unit=tree.sibling).role == Role.MEMBER
