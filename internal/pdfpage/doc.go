// Package pdfpage reads the pages of a PDF into positioned glyphs and ruling
// lines, in a top-left coordinate frame measured in points. It interprets
// content streams itself on the low-level API of github.com/ledongthuc/pdf,
// whose high-level text extraction loses CID glyph widths, ignores the CTM,
// ruling lines drawn as paths and Form XObjects.
//
// # Design note
//
// pdfpage is the third package of pet's PDF layer (see internal/pdfsyntax
// for the map): it does not walk the page tree or tokenize on its own.
//
//   - Pages: New takes the pages pdfload walked when it opened the reader
//     (pdfload.PagesOf, with the inherited /Resources, /CropBox or
//     /MediaBox and /Rotate); FromLoad takes them from a pdfload.Document.
//     Only a reader that pdfload did not open has its tree walked, by
//     pdfload's own walk.
//   - Syntax: content streams, forms and CMaps are read with
//     pdfsyntax.Lexer.Next; object identities (the font, form and XObject
//     caches) come from pdfsyntax.ObjectID.
//   - Limits: every page gets a budget from the file's pdfload.Session
//     (decoded bytes per stream and page, operators, forms, glyphs, rules;
//     limits.go) and stops with an error naming the page, never a panic.
//     The session's context is checked at each stream and every 4,096
//     operators.
//   - Fonts: simple (Type 3 included) and CID fonts, ToUnicode and predefined CMaps
//     (cmap.go, tables.go with the generated cmapdata.bin, see README.md),
//     embedded TrueType and CFF programs for text the CMaps lack
//     (embedded.go).
//   - Speed: a Document reads one page at a time and reuses its scratch
//     space (the glyph slice, the fake-bold index) from page to page; the
//     decoded content stream comes from a pool. Nothing of those buffers
//     is kept in a Page: glyph texts are copies. Fork gives each goroutine
//     its own Document.
package pdfpage
