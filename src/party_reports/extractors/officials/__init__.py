"""Officials: named people with the roles the article gives them, merged per person.

Forms handled (the pattern name is the item's `rule`):

- ``officials.honorific_name``: an honorific, the name, then roles split at "," "-" ":"
  "đồng chí Lương Thị Hạnh - UVTV, Trưởng Ban Tổ chức Quận uỷ" -> ["UVTV", "Trưởng Ban Tổ chức Quận uỷ"];
  "Đồng chí Trịnh Thị Bích Ngọc - QUV, Bí thư Đảng ủy Khối chủ trì" (the roles stop at a
  clause word); "đ/c Nguyễn Ngọc Mỹ - Chủ tịch Hội CCB tỉnh"; "Ông Phạm Văn Thảo- Bí thư Đảng uỷ
  phường"; "đồng chí NGUYỄN THỊ LAN, Bí thư Chi bộ" -> "Nguyễn Thị Lan"; the role before the
  name: "đồng chí Bí thư Tỉnh ủy Đỗ Trọng Hưng"; elected roles: "bầu đồng chí A giữ chức Bí thư";
  caption notes skipped: "Đồng chí A (thứ 3 từ trái sang)".  "đồng chí"/"đ/c" and member words
  ("quần chúng ưu tú A") keep a person with no role; "ông", "bà", "anh", "chị" need a role.
- ``officials.title_before_name``: news style, no honorific: "Phó Bí thư Thường trực Tỉnh ủy
  Lê Văn Dũng"; "Bí thư Huyện ủy Bố Trạch Đinh Hữu Thành" (the place between stays in the
  title; the person starts at a family name); "Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy A";
  ranks: "Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh"; plural: "các Phó Chủ tịch HĐND tỉnh A, B".
- ``officials.name_then_title``: a name directly followed by a role: "Nguyễn Châu Giang – Bí thư Chi bộ II".
- ``officials.list_entry``: lists after a colon: "các đồng chí: A, T1, T2; B - T3",
  "gồm: Phạm Thị Yến Nhi, Hồ Thành Long" (new members, titles []).

Deliberately rejected: a role with no name ("đồng chí Bí thư Đảng ủy đã trình bày"); bylines
and photo credits (no anchor: "Ảnh: Phương Nam"); organisations and places in capitals
("Đảng bộ khối Doanh nghiệp huyện Đông Anh"); historical figures and the streets, schools and
wards named after them ("tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", "Trường THPT Nguyễn
Trãi", "phường Phùng Chí Kiên" unless the name is also used for a person); two-syllable names
after a title without an honorific ("Bí thư Huyện ủy Mai Sơn").

The package, one idea per module: `words` (the lexicons and the keys made from them),
`patterns` (the shapes of titles, names and separators), `anchors` (the words each shape
starts at), `names` (is it a person, where a name starts), `titles` (the roles around a
name), `resolve` (an anchor match -> people), `scan` (`extract`: the pass over the text,
people merged).
"""

from __future__ import annotations

from .names import _split_run, is_surname, name_case
from .scan import PATTERNS, extract
from .titles import expand_title
from .words import (
    HONORIFICS,
    MIDDLE_NAMES,
    NOT_PERSONS,
    PLACES,
    SURNAMES,
    TITLE_WORDS,
    TITLES,
    NameRow,
    SurnameRow,
    TitleRow,
    WordRow,
    fold,
)

__all__ = [
    "HONORIFICS", "MIDDLE_NAMES", "NOT_PERSONS", "PATTERNS", "PLACES", "SURNAMES", "TITLES", "TITLE_WORDS",
    "NameRow", "SurnameRow", "TitleRow", "WordRow", "_split_run", "expand_title", "extract", "fold",
    "is_surname", "name_case",
]
