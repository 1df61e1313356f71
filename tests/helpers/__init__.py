"""What the tests share: in-process apps on a rolled-back transaction, factories, assertions."""
