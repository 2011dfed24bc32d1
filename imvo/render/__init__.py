"""Rendering: the declared pages made from the content as finished, cleaned HTML."""
