"""The council's language as plain Python: value objects, rules and scores, with no I/O."""
