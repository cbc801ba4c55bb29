"""The embedded AWS stack: a moto server with Step Functions execution on, bootstrapped from template.yaml.

Used by `make run`, `make invoke` and the integration-test fixture, so all three see the same resources
the template deploys: tables with their key schemas and GSIs, the bucket and its S3 -> Lambda
notification, functions routed to the in-process handlers, event buses and state machines with
DefinitionSubstitutions applied.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import threading
import urllib.request
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from moto.core.config import default_user_config
from moto.moto_server.threaded_moto_server import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    ThreadedMotoServer,
    create_backend_app,
    make_server,
)

from ferry.core.config import get_settings
from local import dynamodb, lambdas, s3
from local.template import ACCOUNT_ID, REGION, ROOT, TEMPLATE_PATH, Template

LOCAL_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_REGION": REGION,
}
_ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/ferry-local-lambda"
_handlers_cache: dict[str, lambdas.Handler] = {}


def _dummy_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("app.py", "# local mode runs the real handler in-process\n")
    return buf.getvalue()


_READ_ACTIONS = ("Get", "Describe", "List", "Query", "Scan", "BatchGet")


class WriteCounter:
    """WSGI middleware around moto's app: counts the requests that may have changed some state.

    Everything reaches moto over HTTP (the API's and handlers' boto3 clients, the Step Functions interpreter),
    so a count that has not moved since a snapshot means nothing changed since (local/persistence.py). The
    count goes up when a request has been answered, so a snapshot that read the count before it started
    sees every write counted by then. Conservative: anything that is not clearly a read counts.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.count = 0
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            return self.app(environ, start_response)
        finally:
            if _may_write(environ):
                with self._lock:
                    self.count += 1


def _may_write(environ: dict[str, Any]) -> bool:
    if environ.get("REQUEST_METHOD", "GET") in ("GET", "HEAD", "OPTIONS"):
        return False
    if environ.get("PATH_INFO", "").startswith("/moto-api/"):
        return True
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    return not target.rpartition(".")[2].startswith(_READ_ACTIONS) if target else True


class _MotoServer(ThreadedMotoServer):
    """moto's ThreadedMotoServer, with the WriteCounter around its app (same entry point otherwise)."""

    def __init__(self, ip_address: str, port: int) -> None:
        super().__init__(ip_address=ip_address, port=port, verbose=False)
        self.writes = WriteCounter(DomainDispatcherApplication(create_backend_app))

    def _server_entry(self) -> None:
        self._server = make_server(self._ip_address, self._port, self.writes, True, request_handler=MotoRequestHandler)
        self._server_ready_event.set()
        self._server.serve_forever()


class LocalStack:
    """One moto server plus everything template.yaml declares, with handlers run in-process."""

    def __init__(
        self,
        port: int = 0,
        stage: str = "local",
        parameter_overrides: dict[str, str] | None = None,
        template_path: Path = TEMPLATE_PATH,
    ):
        self.port = port
        self.template = Template.load(template_path, overrides={"Stage": stage, **(parameter_overrides or {})})
        self._server: _MotoServer | None = None
        self.endpoint_url = ""
        self.env: dict[str, str] = {}

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> LocalStack:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request access log
        default_user_config["stepfunctions"] = {"execute_state_machine": True}
        lambdas.install()
        dynamodb.install()
        s3.install()
        self._server = _MotoServer(ip_address="127.0.0.1", port=self.port)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.port = port
        self.endpoint_url = f"http://{host}:{port}"
        # The SFN interpreter reaches Lambda through MOTO_PORT; handlers' boto3 through AWS_ENDPOINT_URL.
        os.environ.update({**LOCAL_CREDENTIALS, "MOTO_PORT": str(port), "AWS_ENDPOINT_URL": self.endpoint_url})
        self.bootstrap()
        return self

    def stop(self) -> None:
        lambdas.drain()
        if self._server is not None:
            self._server.stop()
            self._server = None

    def reset(self) -> None:
        """Forget every resource and item, then bootstrap again (tests call this between tests)."""
        lambdas.drain()
        req = urllib.request.Request(f"{self.endpoint_url}/moto-api/reset", method="POST")  # noqa: S310
        with urllib.request.urlopen(req) as resp:  # noqa: S310 - our own loopback moto server
            resp.read()
        self.bootstrap()

    @property
    def write_count(self) -> int:
        """Requests so far that may have changed the stack's state (see WriteCounter)."""
        return self._server.writes.count if self._server is not None else 0

    def client(self, service: str, config: Config | None = None) -> Any:
        return boto3.client(service, endpoint_url=self.endpoint_url, region_name=REGION, config=config)

    # ------------------------------------------------------------------ bootstrap
    def bootstrap(self) -> None:
        tpl = self.template
        self._name_resources()
        iam = self.client("iam")
        # A second template may be bootstrapped onto the same server (tests): the role is shared.
        with contextlib.suppress(iam.exceptions.EntityAlreadyExistsException):
            iam.create_role(
                RoleName=_ROLE_ARN.rsplit("/", 1)[1],
                AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}),
            )
        for logical_id, res in tpl.of_type("AWS::DynamoDB::Table").items():
            self._create_table(logical_id, res["Properties"])
        for logical_id in tpl.of_type("AWS::S3::Bucket"):
            self.client("s3").create_bucket(Bucket=tpl.physical[logical_id])
        for logical_id in tpl.of_type("AWS::Events::EventBus"):
            self.client("events").create_event_bus(Name=tpl.physical[logical_id])
        for logical_id in tpl.of_type("AWS::Serverless::Function"):
            self._create_function(logical_id)
        self._configure_bucket_notifications()
        for logical_id, res in tpl.of_type("AWS::Serverless::StateMachine").items():
            self._create_state_machine(logical_id, res["Properties"])
        self._apply_function_environment()

    def _name_resources(self) -> None:
        """Local physical names and ARNs, so !Ref / !GetAtt / !Sub resolve like CloudFormation's would."""
        tpl = self.template
        stage = tpl.parameters["Stage"]
        arn = f"{REGION}:{ACCOUNT_ID}"
        for logical_id, res in tpl.resources.items():
            kind, props = res["Type"], res.get("Properties", {})
            if kind == "AWS::DynamoDB::Table":
                name = props.get("TableName") or f"ferry-{stage}-{logical_id}"
                tpl.physical[logical_id] = name
                tpl.arns[logical_id] = f"arn:aws:dynamodb:{arn}:table/{name}"
            elif kind == "AWS::S3::Bucket":
                name = tpl.resolve(props["BucketName"])
                tpl.physical[logical_id] = name
                tpl.arns[logical_id] = f"arn:aws:s3:::{name}"
            elif kind == "AWS::Events::EventBus":
                name = tpl.resolve(props["Name"])
                tpl.physical[logical_id] = name
                tpl.arns[logical_id] = f"arn:aws:events:{arn}:event-bus/{name}"
            elif kind == "AWS::Serverless::Function":
                tpl.physical[logical_id] = logical_id
                tpl.arns[logical_id] = f"arn:aws:lambda:{arn}:function:{logical_id}"
            elif kind == "AWS::Serverless::StateMachine":
                sm_arn = f"arn:aws:states:{arn}:stateMachine:{logical_id}"
                tpl.physical[logical_id] = sm_arn  # Ref of a state machine is its ARN
                tpl.arns[logical_id] = sm_arn

    def _create_table(self, logical_id: str, props: dict[str, Any]) -> None:
        ddb = self.client("dynamodb")
        kwargs: dict[str, Any] = {
            "TableName": self.template.physical[logical_id],
            "AttributeDefinitions": props["AttributeDefinitions"],
            "KeySchema": props["KeySchema"],
            "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
        }
        if props.get("GlobalSecondaryIndexes"):
            kwargs["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
        ddb.create_table(**kwargs)
        ttl = props.get("TimeToLiveSpecification")
        if ttl and ttl.get("Enabled"):
            ddb.update_time_to_live(
                TableName=kwargs["TableName"],
                TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
            )

    def _create_function(self, logical_id: str) -> None:
        props = self.template.function_properties(logical_id)
        self.client("lambda").create_function(
            FunctionName=logical_id,
            Runtime=props.get("Runtime", "python3.12"),
            Role=_ROLE_ARN,
            Handler=props["Handler"],
            Code={"ZipFile": _dummy_zip()},
            MemorySize=int(props.get("MemorySize", 128)),
            Timeout=int(props.get("Timeout", 3)),
        )
        code_dir = self.template.base_dir / props["CodeUri"]
        cache_key = f"{code_dir}:{props['Handler']}"
        if cache_key not in _handlers_cache:
            _handlers_cache[cache_key] = lambdas.load_handler(code_dir, props["Handler"], logical_id)
        lambdas.HANDLERS[logical_id] = _handlers_cache[cache_key]

    def _configure_bucket_notifications(self) -> None:
        tpl = self.template
        per_bucket: dict[str, list[dict[str, Any]]] = {}
        for logical_id in tpl.of_type("AWS::Serverless::Function"):
            for event in tpl.resources[logical_id]["Properties"].get("Events", {}).values():
                if event["Type"] != "S3":
                    continue
                props = event["Properties"]
                events = props["Events"] if isinstance(props["Events"], list) else [props["Events"]]
                config: dict[str, Any] = {"LambdaFunctionArn": tpl.arns[logical_id], "Events": events}
                rules = props.get("Filter", {}).get("S3Key", {}).get("Rules")
                if rules:
                    config["Filter"] = {"Key": {"FilterRules": rules}}
                per_bucket.setdefault(tpl.resolve(props["Bucket"]), []).append(config)
        for bucket, configs in per_bucket.items():
            self.client("s3").put_bucket_notification_configuration(
                Bucket=bucket, NotificationConfiguration={"LambdaFunctionConfigurations": configs}
            )

    def _create_state_machine(self, logical_id: str, props: dict[str, Any]) -> None:
        definition = (self.template.base_dir / props["DefinitionUri"]).read_text(encoding="utf-8")
        # moto does not apply DefinitionSubstitutions; CloudFormation would.
        for name, value in self.template.resolve(props.get("DefinitionSubstitutions", {})).items():
            definition = definition.replace("${" + name + "}", str(value))
        self.client("stepfunctions").create_state_machine(
            name=logical_id, definition=definition, roleArn=_ROLE_ARN, type=props.get("Type", "STANDARD")
        )

    def _apply_function_environment(self) -> None:
        """One process serves every function, so the union of their environments goes into os.environ."""
        env: dict[str, str] = {}
        for logical_id in self.template.of_type("AWS::Serverless::Function"):
            variables = self.template.function_properties(logical_id)["Environment"]["Variables"]
            env.update({k: str(v) for k, v in self.template.resolve(variables).items()})
        self.env = env
        os.environ.update(env)
        get_settings.cache_clear()

    @property
    def table_name(self) -> str:
        return get_settings().table_name

    @property
    def bucket_name(self) -> str:
        return get_settings().bucket_name


@contextmanager
def running_stack(port: int = 0) -> Iterator[LocalStack]:
    stack = LocalStack(port=port).start()
    try:
        yield stack
    finally:
        stack.stop()


STATE_FILE = ROOT / ".local" / "stack.json"


def write_state(stack: LocalStack, api_url: str) -> None:
    """Tell `make invoke` and `make demo` where the running local stack is."""
    STATE_FILE.parent.mkdir(exist_ok=True)
    STATE_FILE.write_text(json.dumps({"endpoint_url": stack.endpoint_url, "api_url": api_url, "pid": os.getpid()}))


def read_state() -> dict[str, Any] | None:
    try:
        state: dict[str, Any] = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return None
    try:
        os.kill(int(state["pid"]), 0)
    except (OSError, KeyError, ValueError):
        return None
    return state
