"""party_reports: Vietnamese party-report articles -> validated, typed data.

>>> import party_reports
>>> report = party_reports.parse("Ngày đăng 09/12/2022 | 15:50")
>>> report.findings
[]
"""

from .api import parse
from .corpus.run import Parsed, parse_many
from .models import (
    Count,
    DateMention,
    DocumentRef,
    Finding,
    Image,
    Mention,
    Metadata,
    Official,
    Options,
    Organisation,
    Quota,
    Report,
    Span,
)

__all__ = [
    "Count",
    "DateMention",
    "DocumentRef",
    "Finding",
    "Image",
    "Mention",
    "Metadata",
    "Official",
    "Options",
    "Organisation",
    "Parsed",
    "Quota",
    "Report",
    "Span",
    "parse",
    "parse_many",
]
__version__ = "0.1.0"
