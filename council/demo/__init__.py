"""The demo workspace: a fictional energy supplier's council, generated from a fixed seed."""
