"""Every change to ideas: intake on every channel, the funnel, reviews (awards are the
awards app's: `innovator.awards` is its reverse relation).

The funnel lives in one place: `funnel.MOVES` says which stage may follow which
and what each move needs; `moves.idea_transition` is the only function that
changes a stage. It checks the permission rule, writes the transition log (the
history shown to officers, and in part to the citizen), and tells the
submitter in their language. The wrappers beside it (idea_queue, idea_vet,
idea_merge, idea_clarification_answer ...) only name the common moves.

One module per concept: funnel, moves, intake, search_index, reviews; the
names below are the public ones, imported from here as before.
"""

from udbhabon.ideas.services.deadlines import funnel_deadline_set
from udbhabon.ideas.services.funnel import (
    ANSWERED_MESSAGE,
    MOVES,
    NEW_IDEA_MESSAGE,
    RECEIVED_MESSAGE,
    REVIEW_MESSAGE,
    STAGE_MESSAGES,
    VETTING_DECISIONS,
    Move,
    S,
    allowed_moves,
    can_move,
)
from udbhabon.ideas.services.intake import (
    IDEA_NUMBER_FIELDS,
    IDEA_TEXT_FIELDS,
    RESTORED_FIELDS,
    attachment_add,
    idea_restore_version,
    idea_submit,
    idea_submit_public,
    idea_update,
    innovator_for_citizen,
    innovator_for_user,
    normalize_phone,
)
from udbhabon.ideas.services.moves import (
    idea_clarification_answer,
    idea_merge,
    idea_propose_to_head,
    idea_queue,
    idea_transition,
    idea_vet,
)
from udbhabon.ideas.services.reviews import (
    review_assign,
    review_submit,
)
from udbhabon.ideas.services.search_index import (
    SIMILAR_KEEP,
    index_idea,
    remember_similar,
)

__all__ = [
    "ANSWERED_MESSAGE",
    "IDEA_NUMBER_FIELDS",
    "IDEA_TEXT_FIELDS",
    "MOVES",
    "NEW_IDEA_MESSAGE",
    "RECEIVED_MESSAGE",
    "RESTORED_FIELDS",
    "REVIEW_MESSAGE",
    "SIMILAR_KEEP",
    "STAGE_MESSAGES",
    "VETTING_DECISIONS",
    "Move",
    "S",
    "allowed_moves",
    "attachment_add",
    "can_move",
    "funnel_deadline_set",
    "idea_clarification_answer",
    "idea_merge",
    "idea_propose_to_head",
    "idea_queue",
    "idea_restore_version",
    "idea_submit",
    "idea_submit_public",
    "idea_transition",
    "idea_update",
    "idea_vet",
    "index_idea",
    "innovator_for_citizen",
    "innovator_for_user",
    "normalize_phone",
    "remember_similar",
    "review_assign",
    "review_submit",
]
