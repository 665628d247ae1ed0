"""Targets a plan states, their benchmark across plans, and their consistency within one."""
