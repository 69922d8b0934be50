"""The matching text of an idea and the trigram measure: moved to bangla.similarity
(pure Python) so plans' quality check folds and compares Bengali text the same way.
The names stay importable from here."""

from bangla.similarity import key_words, similarity_key, trigram_similarity, trigrams

__all__ = ["key_words", "similarity_key", "trigram_similarity", "trigrams"]
