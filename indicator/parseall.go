package indicator

import (
	"sync"
	"sync/atomic"

	"github.com/petool/pet/document"
)

// parseOne is Parse; a test makes it panic.
var parseOne = Parse

// Parsed is what Parse returns for one text.
type Parsed struct {
	Indicators []document.Indicator
	Problems   []Problem
}

// ParseAll is Parse of every text, on up to workers goroutines (one when
// workers < 2): out[i] is Parse(texts[i]), whatever the order in which
// they were read. Parse keeps no state between calls, so the results are
// the same as one after another. A panic in Parse is raised again on the
// caller's goroutine, where the caller's recover sees it.
func ParseAll(texts []string, workers int) []Parsed {
	out := make([]Parsed, len(texts))
	parse := func(i int) {
		out[i].Indicators, out[i].Problems = parseOne(texts[i])
	}
	if workers < 2 || len(texts) < 2 {
		for i := range texts {
			parse(i)
		}
		return out
	}
	workers = min(workers, len(texts))
	var next atomic.Int64 // the next text to take
	var wg sync.WaitGroup
	var panicked atomic.Pointer[any]
	take := func() {
		defer func() {
			if p := recover(); p != nil {
				panicked.CompareAndSwap(nil, &p)
				next.Store(int64(len(texts))) // the others stop
			}
		}()
		for {
			i := int(next.Add(1) - 1)
			if i >= len(texts) {
				return
			}
			parse(i)
		}
	}
	for range workers - 1 {
		wg.Go(take)
	}
	take() // the caller is one of the workers
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(*p)
	}
	return out
}
