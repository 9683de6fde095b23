package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestParseBytesReadsInPlace: ParseBytes gives what Parse gives, on sound,
// damaged, encrypted and repaired files, and leaves the caller's bytes as
// they were (it reads them in place, and pdfcpu's repairs and decryption
// must work on copies).
func TestParseBytesReadsInPlace(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if len(files) < 20 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		orig := bytes.Clone(data)
		want, wantErr := Parse(bytes.NewReader(data), int64(len(data)), Options{})
		got, gotErr := ParseBytes(data, Options{})
		if !bytes.Equal(data, orig) {
			t.Errorf("%s: ParseBytes changed its input", f)
		}
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Errorf("%s: ParseBytes err %v, Parse err %v", f, gotErr, wantErr)
			continue
		}
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		if !bytes.Equal(w, g) {
			t.Errorf("%s: ParseBytes and Parse read different documents", f)
		}
	}
}

// TestParseBytesSizeLimit: ParseBytes refuses data over the input size
// limit as Parse does.
func TestParseBytesSizeLimit(t *testing.T) {
	data := []byte("%PDF-1.7\n" + string(make([]byte, 2000)))
	_, err := ParseBytes(data, Options{Limits: Limits{MaxInputSize: 1000}})
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("err %v, want ErrLimit", err)
	}
	_, perr := Parse(bytes.NewReader(data), int64(len(data)), Options{Limits: Limits{MaxInputSize: 1000}})
	if perr == nil || err.Error() != perr.Error() {
		t.Errorf("ParseBytes: %v; Parse: %v", err, perr)
	}
}
