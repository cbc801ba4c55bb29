"""Local mode's schedule and parameter reading, write counting and moto patch guards (no server needed)."""

from __future__ import annotations

from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import BackendRequest

from local import s3
from local.stack import _may_write
from local.template import Template, parameters_from_environment, schedule_seconds


def test_the_sweeper_schedule_comes_from_the_template() -> None:
    assert schedule_seconds(Template.load(), "SweeperFunction") == 300
    assert schedule_seconds(Template.load(), "ApiFunction") is None


def test_template_parameters_can_be_set_through_their_environment_variable() -> None:
    template = Template.load()
    environ = {"FERRY_RUN_STALE_AFTER_SECONDS": "5", "FERRY_TABLE_NAME": "not-a-parameter"}
    assert parameters_from_environment(template, environ) == {"RunStaleAfterSeconds": "5"}
    assert parameters_from_environment(template, {}) == {}


def test_reads_do_not_count_as_writes() -> None:
    assert not _may_write({"REQUEST_METHOD": "GET", "PATH_INFO": "/bucket/key"})
    assert not _may_write({"REQUEST_METHOD": "POST", "HTTP_X_AMZ_TARGET": "DynamoDB_20120810.Query"})
    assert not _may_write({"REQUEST_METHOD": "POST", "HTTP_X_AMZ_TARGET": "secretsmanager.GetSecretValue"})
    assert _may_write({"REQUEST_METHOD": "POST", "HTTP_X_AMZ_TARGET": "DynamoDB_20120810.TransactWriteItems"})
    assert _may_write({"REQUEST_METHOD": "PUT", "PATH_INFO": "/bucket/key"})
    assert _may_write({"REQUEST_METHOD": "POST", "PATH_INFO": "/moto-api/reset"})


def test_moto_still_has_what_local_mode_overrides() -> None:
    """local/s3.py overrides werkzeug's `want_form_data_parsed` on moto's server request class; local/stack.py
    replaces ThreadedMotoServer._server_entry to wrap the app. Fails loudly if an upgrade moves either."""
    assert isinstance(getattr(type(BackendRequest), "__mro__", None), tuple)
    assert any("want_form_data_parsed" in vars(k) for k in BackendRequest.__mro__[1:]), "werkzeug changed: local/s3.py"
    assert callable(getattr(ThreadedMotoServer, "_server_entry", None)), "moto changed: local/stack.py"
    s3.install()
    s3.install()
    assert s3.is_installed()
