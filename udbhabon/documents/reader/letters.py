"""The text around a section's table: letterhead, letter, signatures, title, minutes header.

One pass over the lines recognises, in order of precedence: page numbers and
stray marks (ignored), the letterhead (office), the memo number and its dates,
subject / reference / attachment, the addressee with its "দৃষ্টি আকর্ষণ" line,
the copy list (অনুলিপি), the minutes' header fields (সভাপতি, স্থান, তারিখ, সময়),
signature blocks, phone and e-mail lines (dropped), running prose, and the title
block (title, office, period). What is left is unplaced text, or the addressee
when it sits where a letter puts one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from udbhabon.documents.reader import _bangla, lines, vocab
from udbhabon.documents.reader.model import FieldTrace, Source
from udbhabon.documents.reader.tables import TextLine


@dataclass(slots=True)
class Signature:
    name: str
    designation: str
    trace: FieldTrace


@dataclass(slots=True)
class Facts:
    """Everything the section's text said, with the lines it came from."""

    letterhead_office: tuple[str, FieldTrace] | None = None
    title_office: tuple[str, FieldTrace] | None = None
    other_office: tuple[str, FieldTrace] | None = None
    titles: list[TextLine] = field(default_factory=list)
    memo: tuple[str, FieldTrace] | None = None
    dates: list[TextLine] = field(default_factory=list)
    subject: tuple[str, FieldTrace] | None = None
    reference: tuple[str, FieldTrace] | None = None
    addressee: list[TextLine] = field(default_factory=list)
    distribution: list[tuple[str, FieldTrace]] = field(default_factory=list)
    # Where each copy list starts in `distribution`, with its heading ("অনুলিপি সদয়
    # জ্ঞাতার্থে:"): minutes have two lists with their purposes (seed 003).
    copy_heads: list[tuple[int, str]] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    meeting: dict[str, tuple[str, TextLine]] = field(default_factory=dict)
    unplaced: list[TextLine] = field(default_factory=list)
    # Running prose (an opening, a closing, a letter's body) by line index: not in the
    # contract, kept so an imported paper keeps its own sentences (SectionTrace.texts).
    prose: list[tuple[int, TextLine]] = field(default_factory=list)

    @property
    def has_letter(self) -> bool:
        return bool(self.memo or self.subject or self.reference)


def read(text_lines: list[TextLine]) -> Facts:
    parser = _Parser(text_lines)
    parser.run()
    return parser.facts


def signature_at(text_lines: list[TextLine], index: int) -> tuple[Signature, int] | None:
    """A signature block starting at ``index``: (signature, index after it), or None."""
    return _signature(text_lines, index)


class _Parser:
    def __init__(self, text_lines: list[TextLine]) -> None:
        self.lines = text_lines
        self.facts = Facts()
        self.blocks = _blocks(text_lines)
        self.pending: list[int] = []  # an unclaimed block, waiting for its meaning
        self.after_signature = False  # the last thing read was a signature block
        self._last_signature_end = -1
        self.addressee_label = False

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            text = self.lines[index].text
            if not text:
                index += 1
                continue
            step = self._step(index, text)
            claimed = not (self.pending and self.pending[-1] == index)
            if claimed and not self._quiet(text):
                # Claimed by something: "just after a signature" only if it was one.
                self.after_signature = step == self._last_signature_end
            index = step if step > index else index + 1
        self._flush_pending(final=True)

    @staticmethod
    def _quiet(text: str) -> bool:
        """Lines that do not end "just after a signature" (contacts, page numbers)."""
        return lines.is_contact(text) or lines.is_url(text) or lines.is_page_number(text)

    def _step(self, index: int, text: str) -> int:
        if lines.is_annex_heading(text):
            self._flush_pending()
            return len(self.lines)
        if (
            lines.is_page_number(text)
            or lines.is_stray_mark(text)
            or lines.is_url(text)
            or lines.is_draft_mark(text)
        ):
            return index + 1
        if lines.is_govt_header(text):
            self._flush_pending()
            return self._letterhead(index)
        memo = lines.memo_number(text)
        if memo is not None:
            self._flush_pending()
            return self._memo(index, memo)
        if self._in_meeting_block(index):
            return self._meeting_field(index)
        labelled = self._labelled(index, text)
        if labelled is not None:
            return labelled
        if text.startswith(lines.DISTRIBUTION_HEAD):
            self._flush_pending()
            return self._distribution(index)
        signature = _signature(self.lines, index)
        if signature is not None:
            self._flush_pending()
            self.facts.signatures.append(signature[0])
            self._last_signature_end = signature[1]
            return signature[1]
        if lines.is_contact(text) or lines.is_date_only(text) or lines.is_prose(text):
            self._flush_pending()
            if lines.is_prose(text):
                self.facts.prose.append((index, self.lines[index]))
            return index + 1
        if self._is_title_block(index):
            self._flush_pending()
            return self._title_block(index)
        if lines.is_caption(text):
            self._flush_pending()
            return index + 1
        self.pending.append(index)
        return index + 1

    # --- letter parts -------------------------------------------------------

    def _labelled(self, index: int, text: str) -> int | None:
        date_rest = lines.strip_any(text, lines.DATE_LABELS)
        if date_rest is not None:
            self._flush_pending()
            return self._dates(index, date_rest)
        for labels, attribute in (
            (lines.SUBJECT_LABELS, "subject"),
            (lines.REFERENCE_LABELS, "reference"),
        ):
            rest = lines.strip_any(text, labels)
            if rest is not None:
                self._flush_pending()
                return self._labelled_value(index, rest, attribute)
        if lines.strip_any(text, lines.ATTACHMENT_LABELS) is not None:
            self._flush_pending()
            return index + 1
        rest = lines.strip_any(text, lines.ATTENTION_LABELS)
        if rest is not None or vocab.loose(text) in {
            vocab.loose(x) for x in lines.ATTENTION_LABELS
        }:
            return self._attention(index)
        rest = lines.strip_any(text, lines.ADDRESSEE_LABELS)
        if rest is not None or vocab.loose(text) in {
            vocab.loose(x) for x in lines.ADDRESSEE_LABELS
        }:
            self._flush_pending()
            self.addressee_label = True
            if rest:
                self.pending.append(index)
            return index + 1
        return None

    def _letterhead(self, index: int) -> int:
        end = self._block_end(index)
        office: list[TextLine] = []
        for position in range(index + 1, end):
            line = self.lines[position]
            text = line.text
            if lines.is_url(text) or lines.is_contact(text):
                continue
            if (office and vocab.is_place_line(text)) or (not office and lines.is_office(text)):
                office.append(line)
        if office and self.facts.letterhead_office is None:
            self.facts.letterhead_office = _office(office)
        return end

    def _memo(self, index: int, memo: str) -> int:
        line = self.lines[index]
        if self.facts.memo is None:
            trace = FieldTrace()
            trace.add(line.line.text, line.line.source)
            self.facts.memo = (memo, trace)
        date_part = lines.memo_date_part(line.text)
        if date_part:
            self.facts.dates.append(TextLine(date_part, line.line))
        return index + 1

    def _dates(self, index: int, rest: str) -> int:
        line = self.lines[index]
        taken: list[TextLine] = []
        if rest:
            taken.append(TextLine(rest, line.line))
        position, blanks = index + 1, 0
        while position < len(self.lines) and len(taken) < 2:
            text = self.lines[position].text
            if not text:
                blanks += 1
                if blanks > 1:
                    break
                position += 1
                continue
            if not _date_candidate(text):
                break
            taken.append(self.lines[position])
            position += 1
            blanks = 0
        if not self.facts.dates:
            self.facts.dates.extend(taken)
        return position

    def _labelled_value(self, index: int, rest: str, attribute: str) -> int:
        trace = FieldTrace()
        trace.add(self.lines[index].line.text, self.lines[index].line.source)
        parts = [rest]
        position = index + 1
        while position < len(self.lines) and self._continues_value(position):
            parts.append(self.lines[position].text)
            trace.add(self.lines[position].line.text, self.lines[position].line.source)
            position += 1
        value = _bangla.normalize(" ".join(parts))
        if getattr(self.facts, attribute) is None and value:
            setattr(self.facts, attribute, (value, trace))
        return position

    def _continues_value(self, position: int) -> bool:
        text = self.lines[position].text
        if not text or len(text.split()) > 20:
            return False
        if lines.memo_number(text) or self._labelled_kind(text) or lines.is_contact(text):
            return False
        return not (
            lines.is_govt_header(text)
            or lines.is_date_only(text)
            or text.startswith(lines.DISTRIBUTION_HEAD)
            or _signature(self.lines, position) is not None
            or lines.is_prose(text)
        )

    def _labelled_kind(self, text: str) -> bool:
        groups = (
            lines.DATE_LABELS,
            lines.SUBJECT_LABELS,
            lines.REFERENCE_LABELS,
            lines.ATTACHMENT_LABELS,
            lines.ATTENTION_LABELS,
            lines.ADDRESSEE_LABELS,
        )
        return any(lines.strip_any(text, labels) is not None for labels in groups)

    def _attention(self, index: int) -> int:
        end = self._block_end(index)
        if self.pending and not self.facts.addressee:
            self.facts.addressee.extend(self.lines[i] for i in self.pending)
            self.pending = []
        else:
            self._flush_pending()
        self.facts.addressee.extend(self.lines[index:end])
        return end

    def _distribution(self, index: int) -> int:
        line = self.lines[index]
        head = line.text
        entries = self.facts.distribution
        numbered = False
        first = len(entries)
        self.facts.copy_heads.append((first, head.split(":", 1)[0].strip() + ":"))
        rest = head.split(":", 1)[1].strip() if ":" in head else ""
        if rest:
            entries.append(_entry(rest, line))
        position, blanks = index + 1, 0
        while position < len(self.lines):
            current = self.lines[position]
            text = current.text
            if not text:
                blanks += 1
                if blanks >= 2:
                    break
                position += 1
                continue
            if lines.is_page_number(text):
                position += 1
                continue
            numbered_line = lines.has_list_number(text) and not lines.is_date_only(text)
            if not numbered_line and self._ends_list(position, text):
                break
            blanks = 0
            if numbered_line:
                entries.append(_entry(lines.remove_list_number(text), current))
                numbered = True
            elif len(entries) > first and _continues_entry(entries[-1][0], text, numbered):
                value, trace = entries[-1]
                trace.add(current.line.text, current.line.source)
                entries[-1] = (_bangla.normalize(f"{value} {text}"), trace)
            else:
                entries.append(_entry(text, current))
            position += 1
        return position

    def _ends_list(self, position: int, text: str) -> bool:
        return bool(
            lines.is_date_only(text)
            or lines.is_contact(text)
            or lines.is_govt_header(text)
            or lines.memo_number(text)
            or self._labelled_kind(text)
            or text.startswith(lines.DISTRIBUTION_HEAD)
            or lines.signature_mark_rest(text) is not None
            or _signature(self.lines, position) is not None
            or lines.is_prose(text)
        )

    # --- minutes header -----------------------------------------------------

    def _in_meeting_block(self, index: int) -> bool:
        """A "label : value" line among the minutes' header lines (with the chair's)."""
        if lines.meeting_field(self.lines[index].text) is None:
            return False
        for step in (-1, 1):
            position = index
            while 0 <= position < len(self.lines):
                text = self.lines[position].text
                if text:
                    found = lines.meeting_field(text)
                    if found is None:
                        break
                    if found[0] == "chair":
                        return True
                position += step
        return False

    def _meeting_field(self, index: int) -> int:
        found = lines.meeting_field(self.lines[index].text)
        if found is not None:
            name, value = found
            self.facts.meeting.setdefault(name, (value, self.lines[index]))
        return index + 1

    # --- title block ----------------------------------------------------------

    def _is_title_block(self, index: int) -> bool:
        block = self.blocks[index]
        for position, line in enumerate(self.lines):
            if self.blocks[position] != block or not line.text:
                continue
            if _is_title_line(line.text) or _is_period_line(line.text):
                return True
        return False

    def _title_block(self, index: int) -> int:
        end = self._block_end(index)
        office: list[TextLine] = []
        for position in range(index, end):
            line = self.lines[position]
            text = line.text
            if lines.is_page_number(text) or lines.is_stray_mark(text):
                continue
            if office and vocab.is_place_line(text) and len(office) == 1:
                office.append(line)
                continue
            if not office and lines.is_office(text) and not _is_title_line(text):
                office.append(line)
                continue
            self.facts.titles.append(line)
        if office and self.facts.title_office is None:
            self.facts.title_office = _office(office)
        return end

    def _block_end(self, index: int) -> int:
        block = self.blocks[index]
        end = index
        while end < len(self.lines) and self.blocks[end] == block:
            end += 1
        return end

    # --- what is left -----------------------------------------------------------

    def _flush_pending(self, final: bool = False) -> None:
        if not self.pending:
            return
        block = [self.lines[i] for i in self.pending]
        self.pending = []
        office_lines = [line for line in block if lines.is_office(line.text)]
        if self.addressee_label and not self.facts.addressee:
            self.facts.addressee.extend(block)
            self.addressee_label = False
            return
        if office_lines and len(block) <= 3 and self.facts.other_office is None:
            start = block.index(office_lines[0])
            self.facts.other_office = _office(block[start : start + 2])
            return
        if self.after_signature and not self.facts.addressee and not final and len(block) > 1:
            self.facts.addressee.extend(block)
            return
        self.facts.unplaced.extend(block)


# --- helpers -----------------------------------------------------------------------


def _blocks(text_lines: list[TextLine]) -> list[int]:
    """Block number per line: blank lines separate blocks."""
    out, block, previous_blank = [], 0, True
    for line in text_lines:
        blank = not line.text
        if blank and not previous_blank:
            block += 1
        out.append(block)
        previous_blank = blank
    return out


def _date_candidate(text: str) -> bool:
    if lines.is_date_only(text):
        return True
    digits = sum(1 for char in text if char.isdigit())
    return len(text.split()) <= 5 and digits >= 3


def _is_title_line(text: str) -> bool:
    return lines.is_title(text) and not lines.is_prose(text)


def _is_period_line(text: str) -> bool:
    if len(text.split()) > 14 or lines.is_prose(text):
        return False
    return _bangla.parse_period(text) is not None


def _office(office_lines: list[TextLine]) -> tuple[str, FieldTrace]:
    trace = FieldTrace()
    parts = []
    for line in office_lines:
        trace.add(line.line.text, line.line.source)
        parts.append(line.text)
    return clean_office(join_lines(parts)), trace


def clean_office(text: str) -> str:
    return _bangla.normalize(text).rstrip(" ।,.;:-").strip()


def join_lines(parts: list[str], separator: str = ", ") -> str:
    """Join address or designation lines: ", " between lines, one space after a
    line ending in "।" or "," or in "ও"/"এবং" (a designation wrapped after its
    "and"), and one space before a line that continues the previous one (it
    starts with "ও" or is a bracketed note)."""
    out = ""
    for part in parts:
        part = _bangla.normalize(part)
        if not part:
            continue
        if not out:
            out = part
        elif (
            out.endswith(("।", ",", " ও", " এবং"))  # a line ending in "and" goes on
            or part.startswith(("ও ", "("))
            or part == "ও"
        ):
            out = f"{out} {part}"
        else:
            out = f"{out}{separator}{part}"
    return out


def _entry(text: str, line: TextLine) -> tuple[str, FieldTrace]:
    trace = FieldTrace()
    trace.add(line.line.text, line.line.source)
    return _bangla.normalize(text), trace


def _continues_entry(previous: str, text: str, numbered: bool) -> bool:
    if numbered:
        return True
    return previous.endswith((",", "-", "ও")) or text.startswith(("(", "ও ", "....."))


def _next_filled(text_lines: list[TextLine], index: int, max_blanks: int) -> int | None:
    blanks = 0
    while index < len(text_lines):
        if text_lines[index].text:
            return index
        blanks += 1
        if blanks > max_blanks:
            return None
        index += 1
    return None


def _signature(text_lines: list[TextLine], index: int) -> tuple[Signature, int] | None:
    line = text_lines[index]
    trace = FieldTrace()
    name_index = index
    name_text = line.text
    mark_rest = lines.signature_mark_rest(name_text)
    if mark_rest is not None:
        trace.add(line.line.text, line.line.source)
        if mark_rest:
            name_text = mark_rest
        else:
            following = _next_filled(text_lines, index + 1, 2)
            if following is None:
                return None
            name_index, name_text = following, text_lines[following].text
    if not lines.looks_like_name(name_text):
        return None
    first = _next_filled(text_lines, name_index + 1, 1)
    if first is None or not _first_designation(text_lines[first].text):
        return None
    name = lines.unbracket(name_text)
    trace.add(text_lines[name_index].line.text, text_lines[name_index].line.source)
    parts, end = _designation(text_lines, first, trace)
    return Signature(_bangla.normalize(name), join_lines(parts), trace), end


def _first_designation(text: str) -> bool:
    if lines.is_title(text) or lines.is_prose(text) or lines.is_contact(text):
        return False
    return lines.is_designation(text) or lines.is_office(text)


def _designation(
    text_lines: list[TextLine], index: int, trace: FieldTrace
) -> tuple[list[str], int]:
    parts: list[str] = []
    position = index
    while position is not None and position < len(text_lines):
        text = text_lines[position].text
        if lines.is_contact(text):
            position = _skip_contacts(text_lines, position)
            break
        if parts and not _designation_line(text):
            break
        parts.append(text)
        trace.add(text_lines[position].line.text, text_lines[position].line.source)
        after = position + 1
        if vocab.ends_with_place(text):
            position = _skip_contacts(text_lines, after)
            break
        following = _next_filled(text_lines, after, 1)
        if following is None:
            position = after
            break
        if following > after and not _designation_line(text_lines[following].text):
            position = after
            break
        position = following
    return parts, position if position is not None else len(text_lines)


def _designation_line(text: str) -> bool:
    if len(text.split()) > 10 or lines.is_prose(text) or lines.is_contact(text):
        return False
    if lines.is_title(text) or lines.is_date_only(text) or lines.is_page_number(text):
        return False
    if lines.memo_number(text) or lines.is_govt_header(text) or lines.has_list_number(text):
        return False
    return not (text.startswith(lines.DISTRIBUTION_HEAD) or _is_period_line(text))


def _skip_contacts(text_lines: list[TextLine], index: int) -> int:
    position = index
    while position < len(text_lines):
        text = text_lines[position].text
        if text and not (lines.is_contact(text) or lines.is_url(text)):
            break
        position += 1
    # Trailing blanks stay for the caller; return the first line after the contacts.
    while position > index and not text_lines[position - 1].text:
        position -= 1
    return position


def line_source(line: TextLine) -> Source:
    return line.line.source
