package pdfpage

import "github.com/petool/pet/internal/pdfsyntax"

// The content-stream syntax (operands, operators, inline images) is
// pdfsyntax's; these names keep the interpreter short.
type (
	operand = pdfsyntax.Operand
	lexer   = pdfsyntax.Lexer
)

const (
	kNull  = pdfsyntax.Null
	kNum   = pdfsyntax.Num
	kStr   = pdfsyntax.Str
	kName  = pdfsyntax.NameKind
	kArray = pdfsyntax.Array
	kDict  = pdfsyntax.Dict
	kBool  = pdfsyntax.Bool
)
