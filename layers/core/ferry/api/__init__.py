"""HTTP only: the FastAPI app (`app`, served by Mangum in Lambda and by uvicorn locally), shared dependencies
(`deps`), the one place domain errors become HTTP answers (`errors`), the API-key look-up shared with the Lambda
authorizer (`auth`, and the operators' `keys` command), one router per resource (`routers/`) and the bodies
(`schemas/`).

May import every use-case package and what they stand on; nothing outside `api` imports it (except the
authorizer function, which imports `api.auth` alone and so loads no FastAPI).
"""
