"""Ferry: the domain package shared by every Lambda function of the Migration API."""
