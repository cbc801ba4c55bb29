"""Local mode patches one private moto method; this fails loudly if a moto upgrade removes it."""

from moto.awslambda.models import LambdaFunction
from moto.dynamodb.models import DynamoDBBackend
from moto.s3 import notifications

from local import dynamodb, lambdas


def test_moto_still_has_the_methods_local_mode_patches() -> None:
    assert callable(getattr(LambdaFunction, "_invoke_lambda", None)), "moto changed: fix local/lambdas.py"
    assert callable(getattr(notifications, "_invoke_awslambda", None)), "moto changed: fix local/lambdas.py"
    for name in dynamodb.ITEM_OPERATIONS:
        assert callable(getattr(DynamoDBBackend, name, None)), "moto changed: fix local/dynamodb.py"


def test_install_routes_lambda_invocations_in_process() -> None:
    lambdas.install()
    assert lambdas.is_installed()


def test_install_serialises_dynamodb_item_operations() -> None:
    dynamodb.install()
    dynamodb.install()  # twice is harmless
    assert dynamodb.is_installed()
