//! JSON text → validated, NFC-normalised [`Article`] plus warnings, or every error found.
