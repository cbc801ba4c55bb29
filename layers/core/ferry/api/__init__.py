"""The HTTP API: a FastAPI app (create_app) served by Mangum in Lambda and by uvicorn locally."""
