#!/usr/bin/env python3
"""Reads one email from standard input with Python's standard email parser
and prints what a mail program would show, for akte's tests: the decoded
Subject, From, To, Date, Message-ID, Content-Type, Content-Transfer-Encoding
and charset, one per line, then the decoded body."""
import email
import email.policy
import sys

message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
for name in ("Subject", "From", "To", "Date", "Message-ID", "Content-Type",
             "Content-Transfer-Encoding"):
    print(str(message.get(name, "")).replace("\n", " "))
print(message.get_content_charset() or "")
sys.stdout.write(message.get_content())
