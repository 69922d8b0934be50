"""The progress sheet: an XLSX an office fills in offline and uploads again.

One row per plan item, Bengali headers, the plan's columns for reference (locked, with
the row's numeric target where it has one), and the columns to fill in (unlocked,
shaded): status (a dropdown of Bengali labels), percent done (0–100), the figure
achieved against the target (a number, Bengali or ASCII digits), what was done, the
date, and the reason when an item is dropped or delayed. Each row carries the item's id
in a hidden column, and a very hidden sheet keeps
the values as written, so `read_progress_sheet` maps an upload back to the items even if
rows were reordered or filtered, and reports only what changed.

    progress_sheet(doc) -> bytes
    read_progress_sheet(data) -> list[ProgressRow]   # parsed, validated, with changes

Applying the changes (preview, then one transaction) is the app's job.
"""

from udbhabon.documents.writers.progress.reading import (
    read_progress_sheet,
)
from udbhabon.documents.writers.progress.sheet import (
    COLUMNS,
    FORMAT_VERSION,
    GRID,
    HEAD_FILL,
    ID_HEADER,
    INPUT_FIELDS,
    INPUT_FILL,
    META_SHEET,
    SHEET,
    STATUS_CODES,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    THIN,
    ProgressError,
    ProgressRow,
)
from udbhabon.documents.writers.progress.writing import (
    item_id,
    progress_sheet,
)

__all__ = [
    "COLUMNS",
    "FORMAT_VERSION",
    "GRID",
    "HEAD_FILL",
    "ID_HEADER",
    "INPUT_FIELDS",
    "INPUT_FILL",
    "META_SHEET",
    "SHEET",
    "STATUS_CODES",
    "STATUS_LABELS",
    "STATUS_LABELS_EN",
    "THIN",
    "ProgressError",
    "ProgressRow",
    "item_id",
    "progress_sheet",
    "read_progress_sheet",
]
