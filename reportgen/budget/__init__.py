"""Budget data: long-format tables read with pandas, validated, and the figures computed."""
