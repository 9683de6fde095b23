// Package export writes documents (see package document) as JSON, JSON Lines,
// CSV, YAML, XLSX and Parquet.
//
// A Writer streams a batch of documents out one at a time, the way
// encoding/csv writes records: NewWriter, Write for each document, Close.
// Memory stays flat whatever the batch size. XLSX, Parquet, and a batch of CSV
// projects or indicators (whose header names every other_money / extra key
// of the batch), spool the documents to a temporary file and write on Close.
//
// Options.Multi says whether a batch is being written. Without it the output
// is the plain shape of one document and a second Write is an error; with it
// JSON is an array of documents and YAML a sequence of them, even for a batch
// of one or none, so scripts see the same shape whatever the batch size. The
// flat formats (JSONL, CSV, XLSX) look the same either way: every line carries
// the document's source.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/petool/pet/document"
	"gopkg.in/yaml.v3"
)

// Options configure a Writer. The zero value of every field but Format is the
// default; setting an option that does not apply to the format is an error,
// so that a mistaken flag is reported rather than ignored.
type Options struct {
	// Format is the output format; required.
	Format Format
	// Multi makes JSON an array and YAML a sequence of documents and allows
	// more than one Write. Set it when the batch can hold several documents,
	// whatever their number turns out to be.
	Multi bool
	// Table is the table a CSV or Parquet file holds: projects (the
	// default), indicators, warnings, document or tables. CSV and Parquet
	// only.
	Table Table
	// Lang is the language of the header line of CSV and of the header rows
	// of XLSX: en (the default, the contract's field names) or zh (the
	// table's own wording). CSV and XLSX only.
	Lang string
	// BOM starts CSV output with a UTF-8 byte order mark, which Excel needs
	// to read UTF-8. CSV only.
	BOM bool
}

// Validate reports whether o is a combination NewWriter accepts (a known
// format; a table, header language and byte order mark only where they
// apply), with an error that says which option is wrong, so that a caller
// can refuse bad options before any work.
func (o Options) Validate() error { return o.validate() }

// validate checks o and fills in the defaults.
func (o *Options) validate() error {
	switch o.Format {
	case JSON, JSONL, CSV, YAML, XLSX, Parquet:
	case "":
		return errors.New("no output format given")
	default:
		return fmt.Errorf("unknown format %q (valid: json, jsonl, csv, yaml, xlsx, parquet)", string(o.Format))
	}
	if o.Table != "" {
		if o.Format != CSV && o.Format != Parquet {
			return fmt.Errorf("a table (%s) can be chosen for csv and parquet only, not %s", o.Table, o.Format)
		}
		t, err := ParseTable(string(o.Table))
		if err != nil {
			return err
		}
		o.Table = t
	} else if o.Format == CSV || o.Format == Parquet {
		o.Table = Projects
	}
	switch o.Lang {
	case "":
		o.Lang = LangEN
	case LangEN:
	case LangZH:
		if o.Format != CSV && o.Format != XLSX {
			return fmt.Errorf("header language %s applies to csv and xlsx only, not %s", o.Lang, o.Format)
		}
	default:
		return fmt.Errorf("unknown header language %q (valid: en, zh)", o.Lang)
	}
	if o.BOM && o.Format != CSV {
		return fmt.Errorf("a byte order mark applies to csv only, not %s", o.Format)
	}
	return nil
}

// encoder writes documents in one format. close completes the output, or
// with complete false (after an error) only releases what the encoder holds.
type encoder interface {
	write(doc *document.Document) error
	close(complete bool) error
}

// A Writer writes documents in one format to an io.Writer. Call Close after
// the last Write: it completes the output (the closing bracket of a JSON
// array, the whole XLSX workbook). Close does not close the io.Writer. A
// Writer is not safe for concurrent use.
type Writer struct {
	format Format
	multi  bool
	enc    encoder
	n      int
	err    error
	closed bool
}

// NewWriter returns a Writer that writes to w as opts say. It fails only on
// invalid options; nothing is written before the first Write or Close.
func NewWriter(w io.Writer, opts Options) (*Writer, error) {
	if err := opts.validate(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	ew := &Writer{format: opts.Format, multi: opts.Multi}
	switch opts.Format {
	case JSON:
		ew.enc = &jsonEncoder{w: w, multi: opts.Multi}
	case JSONL:
		ew.enc = newJSONLEncoder(w)
	case YAML:
		ew.enc = &yamlEncoder{w: w, multi: opts.Multi}
	case CSV:
		ew.enc = newCSVEncoder(w, opts)
	case XLSX:
		ew.enc = &xlsxEncoder{out: w, lang: opts.Lang}
	case Parquet:
		ew.enc = &parquetEncoder{out: w, schema: newSchema(opts.Table, LangEN)}
	}
	return ew, nil
}

// Write writes one document. Without Options.Multi only one document may be
// written. After an error, Write and Close return that error again.
func (w *Writer) Write(doc *document.Document) error {
	switch {
	case w.err != nil:
		return w.err
	case w.closed:
		return errors.New("export: Write after Close")
	case doc == nil:
		return errors.New("export: nil document")
	case w.n > 0 && !w.multi:
		return fmt.Errorf("export: %s: a second document needs Options.Multi", doc.Source)
	}
	w.n++
	if err := w.enc.write(doc); err != nil {
		w.err = fmt.Errorf("export: writing %s of %s: %w", w.format, describe(doc), err)
		return w.err
	}
	return nil
}

// Close completes the output. When no document was written, JSON and YAML
// are [] with Options.Multi and nothing without it, CSV is its header line,
// XLSX a workbook of header rows, and JSON Lines nothing. After a failed
// Write, Close writes nothing more but must still be called: it removes the
// temporary file of XLSX output. Closing twice returns the first result.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if err := w.enc.close(w.err == nil); err != nil && w.err == nil {
		w.err = fmt.Errorf("export: completing %s output: %w", w.format, err)
	}
	return w.err
}

// describe names a document in an error message.
func describe(doc *document.Document) string {
	if doc.Source == "" {
		return "document"
	}
	return fmt.Sprintf("%q", doc.Source)
}

// normalized returns doc, or a shallow copy of it whose nil lists are empty
// ones, so that JSON and YAML print [] rather than null where the contract
// has a list.
func normalized(doc *document.Document) *document.Document {
	nilInd := false
	for i := range doc.Rows {
		if doc.Rows[i].Indicators == nil {
			nilInd = true
			break
		}
	}
	if doc.Rows != nil && doc.Warnings != nil && !nilInd {
		return doc
	}
	d := *doc
	if d.Rows == nil {
		d.Rows = []document.Row{}
	}
	if d.Warnings == nil {
		d.Warnings = []document.Warning{}
	}
	if nilInd {
		d.Rows = append([]document.Row(nil), doc.Rows...)
		for i := range d.Rows {
			if d.Rows[i].Indicators == nil {
				d.Rows[i].Indicators = []document.Indicator{}
			}
		}
	}
	return &d
}

// jsonEncoder writes the contract's Document indented by two spaces, HTML
// characters left as they are; with multi, an array of documents laid out as
// json.MarshalIndent lays out an array.
type jsonEncoder struct {
	w     io.Writer
	multi bool
	n     int
	out   []byte // a document's JSON, reused for the next
}

func (e *jsonEncoder) write(doc *document.Document) error {
	doc = normalized(doc)
	out := e.out[:0]
	prefix := ""
	if e.multi {
		prefix = "  "
		if e.n == 0 {
			out = append(out, "[\n  "...)
		} else {
			out = append(out, ",\n  "...)
		}
	}
	framed := len(out)
	out, ok := appendDocumentJSON(out, doc, prefix)
	if !ok {
		var err error
		if out, err = e.encodingJSON(out[:framed], doc, prefix); err != nil {
			e.out = out[:0]
			return err
		}
	}
	e.n++
	if !e.multi {
		out = append(out, '\n') // the next separator follows in an array
	}
	e.out = out[:0]
	_, err := e.w.Write(out)
	return err
}

// encodingJSON is appendDocumentJSON through encoding/json, for the
// documents appendDocumentJSON leaves to it: what is ready of out is
// written first, and the rest a chunk at a time as it is laid out.
func (e *jsonEncoder) encodingJSON(out []byte, doc *document.Document, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return out, err
	}
	var err error
	out = indentTo(out, bytes.TrimSuffix(b.Bytes(), []byte("\n")), prefix, "  ", func(chunk []byte) []byte {
		if err == nil {
			_, err = e.w.Write(chunk)
		}
		return chunk[:0]
	})
	return out, err
}

// indentChunk is how much indented JSON indentTo gathers before handing
// it to flush.
const indentChunk = 64 << 10

// appendIndent appends the compact JSON src (as json.Marshal writes it)
// laid out as json.Indent lays it out: each element on a line of its own
// after prefix and one indent per level, "key": value, empty objects and
// arrays kept as {} and []. It is json.Indent without its validating
// scanner, a fifth of the work: src is the encoder's own output.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	return indentTo(dst, src, prefix, indent, nil)
}

// indentTo is appendIndent that, unless flush is nil, hands dst to flush
// whenever it holds indentChunk bytes or more, between two elements, and
// goes on appending to what flush returns.
func indentTo(dst, src []byte, prefix, indent string, flush func([]byte) []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for i := 0; i < depth; i++ {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole: its escapes hold no structure.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
			if flush != nil && len(dst) >= indentChunk {
				dst = flush(dst)
			}
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func (e *jsonEncoder) close(complete bool) error {
	if !e.multi || !complete {
		return nil
	}
	end := "\n]\n"
	if e.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(e.w, end)
	return err
}

// jsonlLine is one line of JSON Lines output: a row with its document's
// fields in front.
type jsonlLine struct {
	Source       string `json:"source"`
	Title        string `json:"title"`
	Department   string `json:"department"`
	CurrencyUnit string `json:"currency_unit"`
	*document.Row
}

// jsonlEncoder writes one compact JSON object per row.
type jsonlEncoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONLEncoder(w io.Writer) *jsonlEncoder {
	e := &jsonlEncoder{w: w}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

func (e *jsonlEncoder) write(doc *document.Document) error {
	doc = normalized(doc)
	line := jsonlLine{Source: doc.Source, Title: doc.Title, Department: doc.Department, CurrencyUnit: doc.CurrencyUnit}
	e.buf.Reset()
	for i := range doc.Rows {
		line.Row = &doc.Rows[i]
		if err := e.enc.Encode(&line); err != nil {
			return err
		}
		if e.buf.Len() >= 64<<10 {
			if _, err := e.w.Write(e.buf.Bytes()); err != nil {
				return err
			}
			e.buf.Reset()
		}
	}
	_, err := e.w.Write(e.buf.Bytes())
	return err
}

func (e *jsonlEncoder) close(bool) error { return nil }

// yamlEncoder writes the contract's Document as YAML in block style indented
// by two spaces; with multi, a sequence of documents (one YAML document whose
// items are the Documents, the same shape as the JSON array).
//
// The YAML is built from the document's JSON encoding, so it carries exactly
// the fields and numbers JSON carries (225.00 stays 225.00), and its scalar
// styles are chosen here rather than by yaml.v3 alone: see yamlStyles.
type yamlEncoder struct {
	w     io.Writer
	multi bool
	n     int
	js    bytes.Buffer
	buf   bytes.Buffer
}

func (e *yamlEncoder) write(doc *document.Document) error {
	e.js.Reset()
	je := json.NewEncoder(&e.js)
	je.SetEscapeHTML(false)
	if err := je.Encode(normalized(doc)); err != nil {
		return err
	}
	var tree yaml.Node
	if err := yaml.Unmarshal(e.js.Bytes(), &tree); err != nil {
		return fmt.Errorf("reading the JSON encoding as YAML: %w", err)
	}
	if tree.Kind != yaml.DocumentNode || len(tree.Content) != 1 {
		return errors.New("reading the JSON encoding as YAML: no document")
	}
	root := tree.Content[0]
	yamlStyles(root)
	if e.multi {
		// A one-item sequence per document: the items written one after
		// the other form a single sequence.
		root = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{root}}
	}
	e.buf.Reset()
	enc := yaml.NewEncoder(&e.buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	e.n++
	_, err := e.w.Write(e.buf.Bytes())
	return err
}

func (e *yamlEncoder) close(complete bool) error {
	if complete && e.multi && e.n == 0 {
		_, err := io.WriteString(e.w, "[]\n")
		return err
	}
	return nil
}

// yamlStyles turns a tree read from JSON into block style and picks the
// style of every string so that it reads back byte for byte, with yaml.v3
// and with YAML 1.1 readers (PyYAML, which Python users load YAML with, and
// R's yaml) alike:
//   - plain where that is safe: most of the table's text, Chinese unescaped;
//   - double-quoted for text with line breaks or other control characters
//     (yaml.v3 writes some of those as block scalars it cannot read back,
//     e.g. "\n x"), and for text that YAML 1.1 resolves to something else:
//     "=" (the op of a target; PyYAML fails on a plain =), "<<", the YAML 1.1
//     booleans (yes, No, off, …), number-like text such as 1_000;
//   - otherwise the encoder's own choice, which quotes what YAML 1.2 would
//     misread ("13", "yes", "a: b").
func yamlStyles(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		n.Style = 0
		for _, c := range n.Content {
			yamlStyles(c)
		}
	case yaml.ScalarNode:
		n.Style = 0
		if n.Tag == "!!str" && (hasControl(n.Value) || yaml11Special(n.Value)) {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
}

// hasControl reports whether s holds a line break or another control
// character.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return true
		}
	}
	return false
}

// yaml11Special reports whether YAML 1.1 may read the plain scalar s as
// something other than a string.
func yaml11Special(s string) bool {
	switch s {
	case "=", "<<",
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	if s == "" || strings.Trim(s, "0123456789_+-.:eE") != "" {
		return false
	}
	return strings.ContainsAny(s, "0123456789")
}

// csvEncoder writes one flat table as RFC 4180 CSV: UTF-8, CRLF line ends,
// optionally after a byte order mark.
//
// The header line must name every column, and the projects and indicators
// tables have a column per key of other_money / extra across the whole
// output. One document is written as it comes; a batch (Options.Multi) of
// those two tables is spooled to a temporary file and written on close, once
// every key is known. The other tables always stream.
type csvEncoder struct {
	out    io.Writer
	w      *csv.Writer
	schema *schema
	bom    bool
	header bool
	line   []string
	spool  *spool // a batch of projects or indicators, written on close
	multi  bool
}

func newCSVEncoder(w io.Writer, opts Options) *csvEncoder {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvEncoder{out: w, w: cw, schema: newSchema(opts.Table, opts.Lang), bom: opts.BOM, multi: opts.Multi}
}

func (e *csvEncoder) start() error {
	if e.header {
		return nil
	}
	e.header = true
	if e.bom {
		if _, err := io.WriteString(e.out, "\uFEFF"); err != nil {
			return err
		}
	}
	return e.w.Write(e.schema.header())
}

func (e *csvEncoder) write(doc *document.Document) error {
	e.schema.observe(doc)
	if e.multi && dynamic(e.schema.table) {
		if e.spool == nil {
			sp, err := newSpool()
			if err != nil {
				return err
			}
			e.spool = sp
		}
		return e.spool.add(doc)
	}
	return e.writeLines(doc)
}

func (e *csvEncoder) writeLines(doc *document.Document) error {
	if err := e.start(); err != nil {
		return err
	}
	err := e.schema.rows(doc, func(cells []any) error {
		e.line = e.line[:0]
		for _, c := range cells {
			e.line = append(e.line, cellText(c))
		}
		return e.w.Write(e.line)
	})
	if err != nil {
		return err
	}
	e.w.Flush()
	return e.w.Error()
}

func (e *csvEncoder) close(complete bool) (err error) {
	if e.spool != nil {
		defer func() {
			if rerr := e.spool.remove(); err == nil {
				err = rerr
			}
		}()
	}
	if !complete {
		return nil
	}
	if e.spool != nil {
		if err := e.spool.each(e.writeLines); err != nil {
			return err
		}
	}
	if err := e.start(); err != nil {
		return err
	}
	e.w.Flush()
	return e.w.Error()
}
