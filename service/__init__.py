"""The service layer: gRPC server, CLI and settings. Wires gazetteer and resolvers to the
network and the terminal; holds no matching logic."""

__all__: list[str] = []
