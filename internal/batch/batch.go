// Package batch converts a list of inputs on several workers, handing the
// results back in input order with a bounded number in flight, so output is
// deterministic and memory stays flat however long the batch. What an input
// is (a path, a listed file) is the caller's: see package inputs.
package batch

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Result is the outcome of converting one input: the input at Index of the
// list, and the value or the error convert gave for it.
type Result[I, T any] struct {
	Index int
	Input I
	Value T
	Err   error
}

// Run converts inputs with up to jobs workers and calls emit with each
// result in input order. At most 2×jobs results are held at once. If emit
// returns an error, Run stops starting new work and returns that error.
// A panic in convert is the input's error, not the batch's end.
func Run[I, T any](inputs []I, jobs int, convert func(I) (T, error), emit func(Result[I, T]) error) error {
	if jobs < 1 {
		jobs = 1
	}
	window := 2 * jobs
	slots := make([]chan Result[I, T], len(inputs))
	for i := range slots {
		slots[i] = make(chan Result[I, T], 1)
	}
	tokens := make(chan struct{}, window)
	work := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r := Result[I, T]{Index: i, Input: inputs[i]}
				r.Value, r.Err = safeConvert(convert, inputs[i])
				slots[i] <- r
			}
		}()
	}
	go func() {
		defer close(work)
		for i := range inputs {
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case work <- i:
			case <-stop:
				return
			}
		}
	}()
	var emitErr error
	for i := range inputs {
		r := <-slots[i]
		<-tokens
		if emitErr = emit(r); emitErr != nil {
			close(stop)
			break
		}
	}
	// Workers never block: every slot has room for its one result.
	wg.Wait()
	return emitErr
}

// safeConvert turns a panic in convert into an error, so that one bad file
// cannot take the batch down.
func safeConvert[I, T any](convert func(I) (T, error), in I) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			// A Go runtime error's text (index out of range...) means
			// nothing to the user: say what happened instead.
			if _, ok := p.(runtime.Error); ok {
				err = errors.New("internal error while reading the file")
			} else {
				err = fmt.Errorf("internal error: %v", p)
			}
		}
	}()
	return convert(in)
}
