"""Reading and validating a document folder into typed models."""
