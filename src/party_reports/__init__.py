"""party_reports: Vietnamese party-report articles -> validated, typed data.

`parse` gives the whole `Report`; `parse_dates` … `parse_metadata` give one field each;
`validate` and `check_quota` re-run the figure checks (docs/api.md).

>>> import party_reports
>>> report = party_reports.parse("Ngày đăng 09/12/2022 | 15:50")
>>> report.findings
[]
"""

from .api import (
    parse,
    parse_counts,
    parse_dates,
    parse_documents,
    parse_metadata,
    parse_officials,
    parse_organisations,
    parse_quotas,
)
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
from .patterns import ExtractionTimeout
from .validate import check_quota, validate

__all__ = [
    "Count",
    "DateMention",
    "DocumentRef",
    "ExtractionTimeout",
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
    "check_quota",
    "parse",
    "parse_counts",
    "parse_dates",
    "parse_documents",
    "parse_many",
    "parse_metadata",
    "parse_officials",
    "parse_organisations",
    "parse_quotas",
    "validate",
]
__version__ = "0.1.0"
