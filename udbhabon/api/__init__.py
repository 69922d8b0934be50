"""The REST API under /api/v1/ (django-ninja) and the personal API tokens that open it.

The API calls the same access helpers, queries and services as the pages
(docs/ARCHITECTURE.md "The API"): a token stands for its officer acting for
one post, so the permission rule is the pages' own.
"""
