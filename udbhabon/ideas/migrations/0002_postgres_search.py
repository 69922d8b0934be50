"""PostgreSQL only: the indexes that keep similar-idea search fast at scale.

- pg_trgm (TrigramExtension) and a GIN trigram index on the vocabulary
  (IdeaWord.term): a query word the folding does not match exactly finds its
  nearest known spelling (queries.similar.nearest_words).
- intarray, the function ideas_term_hashes(text) -> int[] (sorted distinct
  hashtext() of the space-separated words), a generated column
  IdeaSearch.terms and a GIN index on it: candidates sharing a query word are
  found in the index, and icount(terms & query) ranks them cheaply.

SQLite (the zero-set-up development database) skips all of this; queries.py
falls back to matching words with LIKE over a bounded candidate set. The
model does not declare `terms`: it is derived by the database and only read
by raw SQL in queries.py.
"""

from django.contrib.postgres.operations import CreateExtension, TrigramExtension
from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION ideas_term_hashes(text) RETURNS int[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT hashtext(w) ORDER BY hashtext(w)), '{}')
        FROM unnest(string_to_array($1, ' ')) AS w WHERE w <> ''
    $$
    """,
    """
    ALTER TABLE ideas_ideasearch ADD COLUMN terms int[]
    GENERATED ALWAYS AS (ideas_term_hashes(text)) STORED
    """,
    "CREATE INDEX ideasearch_terms_gin ON ideas_ideasearch USING gin (terms gin__int_ops)",
    "CREATE INDEX ideaword_term_trgm ON ideas_ideaword USING gin (term gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS ideaword_term_trgm",
    "DROP INDEX IF EXISTS ideasearch_terms_gin",
    "ALTER TABLE ideas_ideasearch DROP COLUMN IF EXISTS terms",
    "DROP FUNCTION IF EXISTS ideas_term_hashes(text)",
]


def forwards(apps, schema_editor):  # noqa: ANN001, ANN201
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in FORWARD:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):  # noqa: ANN001, ANN201
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in BACKWARD:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [
        # Both operations do nothing on databases other than PostgreSQL.
        TrigramExtension(),
        CreateExtension("intarray"),
        migrations.RunPython(forwards, backwards),
    ]
