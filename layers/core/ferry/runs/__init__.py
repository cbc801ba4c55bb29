"""Migration runs (generate, update, clarify, execute): the lifecycle (`lifecycle`, the only code that changes
a run's status), what each step does (`steps`), the state machine's task entry (`tasks`), the thread of
events (`thread`) and the CSV exports of a completed run (`exports`).

May import: `ferry.core`, `ferry.aws`, `ferry.migrations`, `ferry.connections`, and in `steps`/`tasks`
the engine, recipe and agent; `tasks` also dispatches the import steps (`ferry.imports.steps`).
Never `ferry.api`.
"""
