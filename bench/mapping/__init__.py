"""Mapping benchmark: labelled (file, template) cases for ferry.agent and a runner that prints the figures."""
