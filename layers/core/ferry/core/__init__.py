"""Plumbing every other sub-package stands on: settings (`config`), ids, the clock, the domain errors that the
API maps to HTTP, the logger (`observability`), and the domain types every layer shares: templates and file
manifests (`domain`), which template patterns the engine can run (`patterns`), and what a run's steps hand
back (`outcomes`: questions, answers, drafts, step errors).

May import: the standard library, pydantic and powertools only; never another `ferry` sub-package.
"""
