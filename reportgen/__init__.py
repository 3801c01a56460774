"""reportgen: UN parliamentary documents as DOCX and PDF from structured inputs."""

__version__ = "0.1.0"
