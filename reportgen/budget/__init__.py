"""Budget data: long-format tables (CSV or Excel) read, validated, and the figures computed."""
