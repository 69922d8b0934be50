"""The papers' layout, once, for every output format.

A document dict becomes a list of `Part`s (each starts on a new page, portrait or
landscape), each a list of blocks: centred heading lines, paragraphs, the memo line
(number left, date right), key/value lines (the minutes' header), tables with their
header rows and merged cells, signature blocks and numbered lists. The PDF, DOCX and
XLSX writers only render these blocks, so the three formats carry the same text in the
same order — which is what lets the reader take a DOCX or XLSX back (its rules follow
the real papers: title lines, standard column headers, rows without a serial for dated
occurrences, empty merged category cells).
"""

from udbhabon.documents.writers.layout.blocks import (
    Align,
    Block,
    Cell,
    HeaderCell,
    Heading,
    KeyValues,
    Line,
    LinesBlock,
    MemoLine,
    NumberedList,
    Para,
    Part,
    Signature,
    Table,
)
from udbhabon.documents.writers.layout.cells import (
    addressee_lines,
    cell_text,
    designation_lines,
    occurrence_cells,
    occurrence_rows_needed,
    orientation,
    report_columns,
    signature_lines,
    split_schedule_text,
    split_signatories,
)
from udbhabon.documents.writers.layout.labels import (
    LABELS,
    OFFERED,
    labels,
    offered,
)
from udbhabon.documents.writers.layout.parts import (
    attendance_annex,
    copy_lists,
    document_parts,
    letter_blocks,
    letterhead,
    memo_line,
    section_parts,
)
from udbhabon.documents.writers.layout.tables import (
    minutes_table,
    plan_table,
    report_table,
)

__all__ = [
    "LABELS",
    "OFFERED",
    "Align",
    "Block",
    "Cell",
    "HeaderCell",
    "Heading",
    "KeyValues",
    "Line",
    "LinesBlock",
    "MemoLine",
    "NumberedList",
    "Para",
    "Part",
    "Signature",
    "Table",
    "addressee_lines",
    "attendance_annex",
    "cell_text",
    "copy_lists",
    "designation_lines",
    "document_parts",
    "labels",
    "letter_blocks",
    "letterhead",
    "memo_line",
    "minutes_table",
    "occurrence_cells",
    "occurrence_rows_needed",
    "offered",
    "orientation",
    "plan_table",
    "report_columns",
    "report_table",
    "section_parts",
    "signature_lines",
    "split_schedule_text",
    "split_signatories",
]
