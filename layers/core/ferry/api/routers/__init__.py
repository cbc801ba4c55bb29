"""One APIRouter per resource (migrations, files, runs, previews, imports, connections, mapping memory, sessions,
health), each included by `ferry.api.app`. A route parses the request, calls one use case and shapes the answer;
nothing else.
"""
