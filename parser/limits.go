package parser

import "github.com/petool/pet/internal/pdfload"

// Limits bound what one PDF may make the parser do: a file asks for memory
// and work through its declared sizes, and every such request is checked
// against these numbers before anything is allocated. A file over a limit
// fails with ErrLimit; a page over a per-page limit is a page-unreadable
// warning. Zero fields take the default (DefaultLimits).
type Limits struct {
	MaxInputSize   int64 // bytes of the input file
	MaxPages       int   // pages of the document
	MaxStreamBytes int64 // decoded bytes of one stream (content, form, font, CMap)
	MaxPageBytes   int64 // decoded bytes read for one page, its forms and fonts included
	MaxOperators   int   // content-stream operators run for one page
	MaxXObjects    int   // Form XObject invocations of one page
	MaxGlyphs      int   // glyphs shown on one page
	MaxRules       int   // ruling lines of one page
	MaxGlyphText   int   // UTF-16 units of text one glyph may map to
	MaxCMapEntries int   // mappings kept from one CMap
}

// DefaultLimits returns the limits used for the zero fields of Limits.
func DefaultLimits() Limits { return fromInternal(pdfload.Default) }

func (l Limits) internal() pdfload.Limits {
	return pdfload.Limits{
		MaxInputSize: l.MaxInputSize, MaxPages: l.MaxPages, MaxStreamBytes: l.MaxStreamBytes,
		MaxPageBytes: l.MaxPageBytes, MaxOperators: l.MaxOperators, MaxXObjects: l.MaxXObjects,
		MaxGlyphs: l.MaxGlyphs, MaxRules: l.MaxRules, MaxGlyphText: l.MaxGlyphText, MaxCMapEntries: l.MaxCMapEntries,
	}.WithDefaults()
}

func fromInternal(l pdfload.Limits) Limits {
	return Limits{
		MaxInputSize: l.MaxInputSize, MaxPages: l.MaxPages, MaxStreamBytes: l.MaxStreamBytes,
		MaxPageBytes: l.MaxPageBytes, MaxOperators: l.MaxOperators, MaxXObjects: l.MaxXObjects,
		MaxGlyphs: l.MaxGlyphs, MaxRules: l.MaxRules, MaxGlyphText: l.MaxGlyphText, MaxCMapEntries: l.MaxCMapEntries,
	}
}
