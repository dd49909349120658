"""The year of the proceedings a row links: a conference's own pages name it in their address.

``openaccess.thecvf.com/content/CVPR2023/…`` (and ``content_cvpr_2018``, ``content_ICCV_2017``),
``proceedings.neurips.cc/paper/2020/…`` and ``papers.nips.cc/paper_files/paper/2022/…``,
``aclanthology.org/2020.acl-main.1`` and the older ``aclanthology.org/P17-1001`` (``aclweb.org/
anthology/D18-1004``: the letter is the venue, the digits its year), ``ecva.net/papers/eccv_2022/…``
and ``ijcai.org/proceedings/2021/…``. A list dating its papers by the year they appeared gives
these years; where it does so in nearly every row (``PROCEEDINGS_SHARE``), a row dated otherwise
has a slip in its date or its link (arxiv-date reports it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint import markup
from lint.conventions import INFERRED, Setting, TableConventions
from lint.dates import venue_year

# a list dates by its proceedings' years when this share of its rows linking one (and this
# many) give its year
PROCEEDINGS_SHARE = 0.9
MIN_ROWS = 5

# the hosts of proceedings whose addresses name their year: a row without any is not read
_HOSTS = re.compile(
    r"thecvf\.com|nips\.cc|neurips\.cc|aclanthology\.org|aclweb\.org|ecva\.net|ijcai\.org"
)
_FOUR_DIGITS = re.compile(
    r"(?i)(?:openaccess\.thecvf\.com/content[/_][a-z]*_?((?:19|20)\d\d)"
    r"|(?:proceedings\.neurips\.cc|papers\.nips\.cc)/paper(?:_files/paper)?/((?:19|20)\d\d)/"
    r"|aclanthology\.org/((?:19|20)\d\d)\."
    r"|ecva\.net/papers/eccv_((?:19|20)\d\d)/"
    r"|ijcai\.org/proceedings/((?:19|20)\d\d)/)"
)
# an ACL Anthology id of the old form: a venue letter and two digits of its year
_OLD_ACL = re.compile(
    r"(?i)(?:aclanthology\.org|aclweb\.org/anthology)/(?:[A-Z]/[A-Z]\d\d/)?[A-Z](\d\d)-\d{4}"
)


def year(text: str) -> int | None:
    """The year of the proceedings ``text`` links (None: none, or links to several years'). A
    proceedings page linked after another link and labelled by its venue and year
    (``[Paper](…IJCV…)/[CVPR18](…CVPR2018…)``) is an earlier version the row names as such:
    not read."""
    if _HOSTS.search(text) is None:
        return None  # most rows
    if "](" in text:
        for label, url in markup.labelled_links(text)[1:]:
            if _HOSTS.search(url) and _years(url) == {venue_year(label)}:
                text = text.replace(f"]({url}", "](", 1)
    found = _years(text)
    return found.pop() if len(found) == 1 else None


def _years(text: str) -> set[int]:
    found = {
        int(next(group for group in match.groups() if group))
        for match in _FOUR_DIGITS.finditer(text)
    }
    for match in _OLD_ACL.finditer(text):
        two = int(match[1])
        found.add(2000 + two if two < 50 else 1900 + two)
    return found


def dating(tables: Iterable[TableConventions]) -> Setting | None:
    """``follow`` when the list dates nearly every row linking a conference's proceedings by
    the year its address names, ``free`` when it does not; None when too few rows link one."""
    agree = linked = 0
    for found in tables:
        for row, key in zip(found.table.rows, found.keys, strict=False):
            linked_year = year(row.content) if key is not None else None
            if linked_year is not None and key is not None:
                linked += 1
                agree += key[0] == linked_year
    if linked < MIN_ROWS:
        return None
    detail = f"{agree} of {linked} dated rows linking a proceedings page give its year"
    return Setting("follow" if agree >= PROCEEDINGS_SHARE * linked else "free", INFERRED, detail)
