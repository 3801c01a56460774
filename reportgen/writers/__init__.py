"""Writers render the document model; they never compute figures or numbers."""
