package export

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is an output format.
type Format string

// The output formats.
const (
	JSON  Format = "json"  // the contract's Document, indented; an array of them with Options.Multi
	JSONL Format = "jsonl" // one JSON object per table row, document fields repeated on each
	CSV   Format = "csv"   // one flat table (Options.Table), RFC 4180, UTF-8
	YAML  Format = "yaml"  // the contract's Document; a sequence of them with Options.Multi
	XLSX  Format = "xlsx"  // a workbook with the sheets projects, indicators, warnings, document, tables
	// Parquet is one flat table (Options.Table) as a Parquet file: typed
	// columns, money as DECIMAL(18,6).
	Parquet Format = "parquet"
)

// Formats returns every format, in the order the documentation lists them.
func Formats() []Format { return []Format{JSON, JSONL, CSV, YAML, XLSX, Parquet} }

// extensions maps file name extensions (lower case) to formats.
var extensions = map[string]Format{
	".json":    JSON,
	".jsonl":   JSONL,
	".ndjson":  JSONL,
	".csv":     CSV,
	".yaml":    YAML,
	".yml":     YAML,
	".xlsx":    XLSX,
	".parquet": Parquet,
}

// ParseFormat reads a format name as given on a command line: json, jsonl,
// csv, yaml, xlsx or parquet, in any case; yml and ndjson are accepted as
// aliases.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case JSON, JSONL, CSV, YAML, XLSX, Parquet:
		return f, nil
	case "yml":
		return YAML, nil
	case "ndjson":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown format %q (valid: json, jsonl, csv, yaml, xlsx, parquet)", s)
}

// FormatFromPath returns the format that the extension of path names:
// .json, .jsonl (or .ndjson), .csv, .yaml (or .yml), .xlsx, .parquet, in
// any case.
func FormatFromPath(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := extensions[ext]; ok {
		return f, nil
	}
	if ext == "" {
		return "", fmt.Errorf("%s: no file extension to tell the format by (valid: .json, .jsonl, .csv, .yaml, .yml, .xlsx, .parquet)", path)
	}
	return "", fmt.Errorf("%s: unknown extension %q (valid: .json, .jsonl, .csv, .yaml, .yml, .xlsx, .parquet)", path, ext)
}

// IsBinary reports whether f is a binary format that must not be written to
// a terminal.
func IsBinary(f Format) bool { return f == XLSX || f == Parquet }
