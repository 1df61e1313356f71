"""Finance: banks, loan products, needs, matching, applications, deals and events."""
