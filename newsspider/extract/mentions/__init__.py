"""Mentions of people and organisations (API to come)."""
