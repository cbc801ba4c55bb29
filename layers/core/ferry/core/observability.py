"""The one place that creates the logger and metrics for every function."""

from aws_lambda_powertools import Logger, Metrics

SERVICE = "ferry"

logger = Logger(service=SERVICE)
metrics = Metrics(service=SERVICE, namespace="Ferry")
