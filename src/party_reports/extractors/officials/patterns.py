"""The shapes a title, a name and what stands between them take (regexes)."""

from __future__ import annotations

import regex

from ...patterns import compile_verbose
from .words import _compile

_SP = r"[^\S\n]"  # a space that does not cross a line: captions and bylines are lines
_END = r"(?![\p{L}\p{M}\p{N}])"
_CAP = r"(?-i:\p{Lu}[\p{L}\p{M}]*+(?:'[\p{L}\p{M}]++)?)"  # "Nguyễn", "NGUYỄN", "H'Hen"
_HEAD = rf"(?:(?:\L<mods>){_SP}++){{0,3}}(?:\L<heads>|\L<ranks>|(?-i:\L<abbr_start>)){_END}"

# The units "của" may tie to the end of a title.
_LEVEL = "tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|Quốc hội|Trung ương|Đảng"

# A word a title may continue with.  Capitalised words are taken as they come (place and
# organisation names); the caller cuts a person's name out of the title afterwards.
_COMP = rf"""
  (?: (?-i:\L<capwords>){_END}                       # Ban Tổ chức, Ủy ban Kiểm tra
    | \L<words>{_END}                                  # tỉnh, thường trực, nhân dân …
    | (?:(?:\L<mods>){_SP}++){{0,3}}\L<heads>{_END} # "Bí thư Chi bộ kiêm trưởng thôn"
    | (?-i:\p{{Lu}}[\p{{L}}\p{{M}}]*+(?:[.'][\p{{L}}\p{{M}}]++)*)   # Capitalised word, UBND, T.Ư
    | \d{{1,4}}{_END}                                  # Chi bộ 5, Phường 12
    | (?:và|kiêm|các|nước){_END}(?={_SP}++(?-i:\p{{Lu}}))  # Tài nguyên và Môi trường, Chính phủ nước CHXHCNVN
    | \((?-i:\p{{Lu}}[\p{{Lu}}\p{{N}}.&]{{1,11}})\)(?![\p{{L}}\p{{M}}])  # Ủy ban Kiểm tra (UBKT) Tỉnh ủy
    | của{_END}(?={_SP}++(?:{_LEVEL}){_END})          # Đoàn đại biểu Quốc hội của tỉnh
    | kiêm{_END}(?={_SP}++(?:(?:\L<mods>){_SP}++){{0,3}}\L<heads>)
  )"""
# One title: a head, then up to 16 words.
_TITLE_SRC = rf"(?<![\p{{L}}\p{{M}}]){_HEAD}(?:{_SP}++{_COMP}){{0,16}}"
# The rest of an organisation name after a dash: "Lao động - Thương binh và Xã hội huyện".
_TAIL_SRC = rf"(?=(?-i:\p{{Lu}})){_COMP}(?:{_SP}++{_COMP}){{0,12}}"
_TITLE = _compile(_TITLE_SRC)
_HEAD_AT = _compile(
    rf"(?:\L<heads>|\L<ranks>|(?:\L<mods>){_SP}++(?:\L<heads>|(?-i:\L<abbr_start>))|(?-i:\L<abbr_start>)){_END}"
)
_NAME_RUN = compile_verbose(rf"{_CAP}(?:{_SP}++{_CAP}){{0,7}}")
# Between a name and its role, or between roles.
_SEP = compile_verbose(rf"{_SP}*+(?P<sep>[,:]|-)?{_SP}*+")
_CONNECTOR = _compile(rf"(?:{_SP}*+,{_SP}++|{_SP}++)(?:\L<connectors>){_SP}++")  # ", đồng thời là"
_POSITION_NOTE = _compile(rf"{_SP}*+\((?:\L<positions>){_END}[^()\n]{{0,40}}\)")
# A short aside between a name and its role: "(sinh năm 1929)", "(thôn Lao Chải)", "(SN 1990)".
_ASIDE = compile_verbose(rf"{_SP}*+\((?!\d{{1,2}}/)[^()\n]{{1,40}}\)(?={_SP}*+[,:-])")
_TAIL = _compile(_TAIL_SRC)
_LIST_SEP = compile_verbose(rf"{_SP}*+(?:;|,|và{_END}){_SP}*+(?:(?:đồng{_SP}++chí|đ/c){_SP}++)?")
_VERB_AFTER = _compile(rf"{_SP}*+,?{_SP}*+(?:\L<verbs>){_END}")
_COLON_AHEAD = compile_verbose(rf"{_SP}*+(?:[^\n:;.()]{{0,60}}?)?:{_SP}*+")
# A line break inside a name (scraped text wraps lines), and what may follow the wrapped name.
_WRAP = compile_verbose(rf"{_SP}*+\n{_SP}*+")
_WRAP_END = compile_verbose(rf"{_SP}*+[-,;(]")
_TOKEN = regex.compile(r"\S+")
_TITLE_CASE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*(?:'\p{L}[\p{Ll}\p{M}]*)?")
_UPPER_TOKEN = regex.compile(r"[\p{Lu}\p{M}']+")

# Connectors that give a role by election or appointment (shared by "A và B …"), not "kiêm".
_ELECTED = regex.compile(r"bầu|giữ\s+chức|bổ\s+nhiệm|đắc\s+cử", regex.IGNORECASE)

# `regex` looks for a pattern's required literal (the "(" of a note, the ":" of a list) in
# the whole rest of the text before it tries a match, so a match at every name would cost
# in proportion to the text after it.  These short shapes are matched inside a window.
REACH = 200


def match_near(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """`pattern.match(text, pos)` that looks at most `REACH` characters ahead."""
    return pattern.match(text, pos, pos + REACH)


_MODS_BEFORE = _compile(rf"(?:(?<![\p{{L}}\p{{M}}])(?:\L<mods>|các){_SP}++){{1,3}}\Z")
