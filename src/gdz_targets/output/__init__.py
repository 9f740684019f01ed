"""Output: messages in both languages, plain text, the terminal (the only module importing Rich), reports."""
