package export

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/atomicfile"
)

// spool keeps the documents of a batch in a temporary file, for the
// encoders that can write nothing before they have seen every document: the
// column set of a merged CSV depends on the keys of every document's
// map-valued fields, and an XLSX sheet needs its column widths before its
// first row. Memory stays flat: one document is held at a time.
//
// gob drops a pointer to a zero value ("" code) to nil; the flat formats
// print both as an empty cell.
type spool struct {
	f       *os.File
	bw      *bufio.Writer
	enc     *gob.Encoder
	untrack func() // removal on SIGINT/SIGTERM (atomicfile.RemoveTemps)
}

func newSpool() (*spool, error) {
	f, untrack, err := atomicfile.CreateTemp("", "pet-export-*.gob")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the batch: %w", err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	return &spool{f: f, bw: bw, enc: gob.NewEncoder(bw), untrack: untrack}, nil
}

// add appends doc.
func (s *spool) add(doc *document.Document) error {
	if err := s.enc.Encode(doc); err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	return nil
}

// each calls fn with every document added, in order; it may be called
// several times.
func (s *spool) each(fn func(*document.Document) error) error {
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 256<<10))
	for {
		var doc document.Document
		if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("temporary file for the batch: %w", err)
		}
		if err := fn(&doc); err != nil {
			return err
		}
	}
	// Later adds go after the end again.
	if _, err := s.f.Seek(0, io.SeekEnd); err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	return nil
}

// remove deletes the temporary file.
func (s *spool) remove() error {
	name := s.f.Name()
	defer s.untrack()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	return nil
}
