package parser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/petool/pet/check"
)

// TestErrorKinds: every failure is a *Error whose kind matches with
// errors.Is, whose text names no command-line flag, and (for a page) says
// which.
func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		file string
		opts Options
		kind error
		text string
		page int
	}{
		{"bad/empty.pdf", Options{}, ErrNotPDF, "empty file", 0},
		{"bad/not-a-pdf.pdf", Options{}, ErrNotPDF, "not a PDF file", 0},
		{"bad/damaged-beyond-repair.pdf", Options{}, ErrDamaged, "damaged beyond repair", 0},
		{"bad/aes-128-user.pdf", Options{}, ErrPassword, "encrypted: a user password is needed", 0},
		{"bad/aes-128-user.pdf", Options{Password: "wrong"}, ErrPassword, "encrypted: wrong password", 0},
		{"bad/pubsec-encrypted.pdf", Options{}, ErrEncryption, "encrypted: unsupported encryption", 0},
		{"bad/scanned.pdf", Options{}, ErrNoText, "no text layer: scanned PDF", 0},
		{"bad/tiny.pdf", Options{}, ErrNoTable, "no project performance target table (项目支出绩效目标表) found", 0},
		{"bad/flate-bomb.pdf", Options{}, ErrNoTable, "(unreadable: page 1: content stream: decoded stream size over the limit of 32 MiB)", 0},
		{"corpus/zengcheng-2023.calc.pdf", Options{Limits: Limits{MaxPages: 3}}, ErrLimit, "pages over the limit of 3", 0},
		{"corpus/zengcheng-2023.calc.pdf", Options{Limits: Limits{MaxInputSize: 1000}}, ErrLimit, "input size over the limit of 1000", 0},
	} {
		t.Run(tc.file+" "+tc.text, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(bytes.NewReader(data), int64(len(data)), tc.opts)
			var pe *Error
			if doc != nil || !errors.As(err, &pe) || !errors.Is(err, tc.kind) {
				t.Fatalf("doc %v, err %v (%T); want a *Error of kind %v", doc != nil, err, err, tc.kind)
			}
			if !strings.Contains(err.Error(), tc.text) || strings.Contains(err.Error(), "--") || pe.Page != tc.page {
				t.Errorf("error %q on page %d; want it to say %q, on page %d, without a flag", err, pe.Page, tc.text, tc.page)
			}
		})
	}
}

// TestLayoutNotReadNamesItsPage: the error of a grid no reader took
// carries its page.
func TestLayoutNotReadNamesItsPage(t *testing.T) {
	err := layoutNotRead(gridHint{page: 4, layout: "project-forms"})
	var pe *Error
	if !errors.As(err, &pe) || pe.Page != 4 || !errors.Is(err, ErrLayoutNotRead) || !strings.HasPrefix(err.Error(), "page 4: ") {
		t.Errorf("error %q (%+v)", err, pe)
	}
}

// TestPageUnreadableCarriesPage: 64 bytes garbled in the middle of a page's
// compressed stream make a page-unreadable warning with that page's number.
func TestPageUnreadableCarriesPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	best, bestLen := -1, 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("stream\n"))
		if j < 0 {
			break
		}
		start := i + j + len("stream\n")
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			break
		}
		if end > bestLen && bytes.Contains(data[max(0, i+j-200):i+j], []byte("FlateDecode")) {
			best, bestLen = start, end
		}
		i = start + end
	}
	if best < 0 {
		t.Fatal("no compressed stream")
	}
	mid := best + bestLen/2
	for k := mid; k < mid+64; k++ {
		data[k] ^= 0xa5
	}
	doc, err := Parse(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range doc.Warnings {
		if w.Code == check.PageUnreadable {
			found = true
			if w.Page < 1 || !strings.HasPrefix(w.Message, fmt.Sprintf("page %d: ", w.Page)) || !strings.Contains(w.Message, "corrupt stream data") {
				t.Errorf("warning %+v: want its page and the reason", w)
			}
		}
	}
	if !found {
		t.Errorf("no page-unreadable warning in %+v", doc.Warnings)
	}
}

// TestContextStopsParse: a context already done stops the reading: an
// error, never a document with its pages missing.
func TestContextStopsParse(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, err := Parse(bytes.NewReader(data), int64(len(data)), Options{Context: ctx, Workers: 2})
	var pe *Error
	if doc != nil || !errors.As(err, &pe) {
		t.Errorf("doc %v, err %v; want a *Error", doc != nil, err)
	}
	doc, err = Parse(bytes.NewReader(data), int64(len(data)), Options{Context: context.Background(), Workers: 2})
	if err != nil || len(doc.Rows) != 41 {
		t.Errorf("live context: err %v", err)
	}
}
