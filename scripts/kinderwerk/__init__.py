"""Data, charts and page blocks for the kinderwerk knowledge base.

Plain Python: nothing in this package imports MkDocs, so it runs, and is
tested, on its own. The MkDocs glue lives in ``scripts/adapters/hooks.py`` and
``scripts/adapters/macros.py``.
"""
