// Package pdfsyntax is pet's one reader of PDF syntax, shared by the two
// packages of the PDF layer:
//
//	pdfsyntax  tokens, numbers, names (#xx decoded), strings, arrays and
//	           dictionaries with their caps; object ids (ObjectID)
//	pdfload    opening a file: header, tail and cross-reference checks,
//	           the repair ladder, the page-tree walk (its PageRefs), limits
//	pdfpage    the content interpreter over those pages: glyphs and rules
//
// # What it owns
//
// One Lexer serves two readers over the same primitives (white space,
// delimiters, comments, regular characters, names):
//
//   - Token and Value read file-level objects for pdfload's look at the
//     container: int64 and float64 kept apart, Name, Keyword, Ref for
//     "n g R", strings as written (pdfload only needs their extent), nesting
//     bounded by MaxDepth, ErrSyntax on anything else.
//   - Next reads content-stream operands and operators for pdfpage (page
//     contents, forms, CMaps): numbers as float64 without allocating for
//     the common forms, strings decoded (escapes, hex), operators interned,
//     arrays and dictionaries nested at most MaxNesting deep with at most
//     MaxArrayLen elements kept, stray delimiters skipped; SkipInlineImage
//     passes over BI … ID … EI data. It never fails: malformed input reads
//     as something, and the interpreter's budgets bound the work.
//
// # Reflection
//
// github.com/ledongthuc/pdf does not export object numbers, which the page
// walk needs to stop at cycles and the interpreter to cache fonts, forms
// and XObjects by object. ObjectID is the only place in pet that reads the
// library's unexported fields: by reflection, without unsafe; the field's
// index and types are checked once, and ObjectID returns 0 (no identity:
// nothing is cached, cycles are still cut by depth) should the library
// change.
//
// # The PDF parsers in the binary
//
// Two besides this one: ledongthuc/pdf (objects, streams, filters,
// RC4-128 decryption: what pdfpage reads through) and
// github.com/pdfcpu/pdfcpu, which pdfload keeps as the last step of its
// repair ladder and for the encryption the library gets wrong (AES,
// 40-bit RC4, owner passwords): it decrypts and rewrites the file.
package pdfsyntax
