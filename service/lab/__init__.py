"""The lab: tools that measure rollcall rather than serve it (`make eval`, `fit`, `bench`,
`fuzz`, `load` and the scale run). Kept apart from the product so that `service/` holds only
what a deployment runs; the CLI imports these lazily, for `rollcall eval`, `fit` and `bench`.
"""
