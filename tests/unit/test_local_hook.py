"""Local mode patches one private moto method; this fails loudly if a moto upgrade removes it."""

from moto.awslambda.models import LambdaFunction
from moto.s3 import notifications

from local import lambdas


def test_moto_still_has_the_methods_local_mode_patches() -> None:
    assert callable(getattr(LambdaFunction, "_invoke_lambda", None)), "moto changed: fix local/lambdas.py"
    assert callable(getattr(notifications, "_invoke_awslambda", None)), "moto changed: fix local/lambdas.py"


def test_install_routes_lambda_invocations_in_process() -> None:
    lambdas.install()
    assert lambdas.is_installed()
