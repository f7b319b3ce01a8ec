//! Reading .docx into the Document IR (being built).
