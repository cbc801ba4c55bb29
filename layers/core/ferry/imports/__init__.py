"""Company imports: the route use cases (`service`), what each state-machine step does (`steps`), the review
that turns flagged cells into questions with proposed patches (`review`) and the patch pass over committed
output (`patches`).

May import: `ferry.core`, `ferry.aws`, `ferry.migrations`, `ferry.engine`, `ferry.recipe`, and
`ferry.runs.lifecycle`/`ferry.runs.steps` (status changes and the shared recipe step). Never `ferry.api`.
"""
