"""`make invoke FN=<LogicalId> EVENT=events/<file>.json`: run one real handler on a sample event.

The stand-in for `sam local invoke` (which needs Docker). The handler runs against the local stack:
the one `make run` is serving when it is up, else an embedded one started for this call.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from local import lambdas
from local.stack import LOCAL_CREDENTIALS, LocalStack, read_state
from local.template import ROOT, Template


def invoke(logical_id: str, event: dict, endpoint_url: str | None = None) -> object:
    """Invoke `logical_id`'s handler with `event`; against `endpoint_url`'s stack when given."""
    template = Template.load()
    if logical_id not in template.of_type("AWS::Serverless::Function"):
        names = ", ".join(sorted(template.of_type("AWS::Serverless::Function")))
        raise SystemExit(f"{logical_id} is not a function in template.yaml (functions: {names})")
    stack = LocalStack()
    if endpoint_url:
        stack.endpoint_url = endpoint_url
        os.environ.update(
            {**LOCAL_CREDENTIALS, "AWS_ENDPOINT_URL": endpoint_url, "MOTO_PORT": endpoint_url.rsplit(":", 1)[1]}
        )
        stack._name_resources()
        stack._apply_function_environment()
    else:
        stack.start()
    try:
        props = stack.template.function_properties(logical_id)
        handler = lambdas.load_handler(ROOT / props["CodeUri"], props["Handler"], logical_id)
        context = lambdas.LambdaContext(
            function_name=logical_id,
            invoked_function_arn=stack.template.arns[logical_id],
            memory_limit_in_mb=int(props.get("MemorySize", 128)),
            timeout_seconds=int(props.get("Timeout", 3)),
        )
        return handler(event, context)
    finally:
        if not endpoint_url:
            stack.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("function", help="logical id in template.yaml, e.g. IngestFunction")
    parser.add_argument("event", type=Path, help="a JSON event, e.g. events/s3_object_created.json")
    args = parser.parse_args(argv)
    event = json.loads(args.event.read_text(encoding="utf-8"))
    state = read_state()
    where = state["endpoint_url"] if state else None
    print(f"Invoking {args.function} against {where or 'an embedded local stack'}", file=sys.stderr)
    result = invoke(args.function, event, where)
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
