"""Every write of the awards app."""

from udbhabon.awards.services.given import award_give
from udbhabon.awards.services.jury import scheme_decide, scheme_publish, scores_record
from udbhabon.awards.services.nominations import nomination_add
from udbhabon.awards.services.schemes import (
    level_of,
    parse_criteria,
    scheme_close_nominations,
    scheme_create,
)

__all__ = [
    "award_give",
    "level_of",
    "nomination_add",
    "parse_criteria",
    "scheme_close_nominations",
    "scheme_create",
    "scheme_decide",
    "scheme_publish",
    "scores_record",
]
