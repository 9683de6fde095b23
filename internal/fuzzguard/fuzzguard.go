// Package fuzzguard gives fuzz targets a time budget per input: an input
// that runs longer is a failure the fuzzer records, like a crash, rather
// than a slow run that hides among fast ones.
package fuzzguard

import (
	"fmt"
	"time"
)

// Budget fails the input being fuzzed when it runs longer than d. Call it
// first in the fuzz function and defer what it returns:
//
//	defer fuzzguard.Budget(time.Second)()
//
// Over the budget the process panics from a timer goroutine, so that the
// fuzzer keeps the input (a test cannot be failed from another goroutine,
// and a hung input would never return to fail).
func Budget(d time.Duration) (stop func()) {
	t := time.AfterFunc(d, func() {
		panic(fmt.Sprintf("fuzzguard: slow input: still running after %v", d))
	})
	return func() { t.Stop() }
}
