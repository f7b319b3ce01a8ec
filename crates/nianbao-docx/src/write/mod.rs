//! Writing a Report as a clean .docx (being built).
