"""The W3C Entity Reconciliation API (version 0.2, what OpenRefine speaks) over HTTP, on the
same engine as gRPC: the manifest, query batches, and their answers.

queries.py  a query batch → rollcall Queries (or a 400 naming the problem)
results.py  an answer → the API's candidates
manifest.py the service manifest
preview.py  an entity's HTML card
app.py      the ASGI application (Starlette), with CORS, the bearer token and the limits
"""
