"""HTTP only: the FastAPI app (`app`, served by Mangum in Lambda and by uvicorn locally), shared dependencies
(`deps`), the one place domain errors become HTTP answers (`errors`), the look-up of API keys and session tokens
shared with the Lambda authorizer and the one scope check of session tokens (`auth`), issuing them (`keys`: the
operators' command, minting and revoking session tokens), CORS for pages on other origins (`cors`), one router
per resource (`routers/`) and the bodies (`schemas/`).

May import every use-case package and what they stand on; nothing outside `api` imports it (except the
authorizer function, which imports `api.auth` alone and so loads no FastAPI).
"""
