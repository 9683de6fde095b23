package batch

import (
	"errors"
	"fmt"
	"math/rand"
	"sync/atomic"
	"testing"
	"time"
)

// Input stands for the caller's input type in these tests.
type Input struct{ Path string }

func TestRunKeepsInputOrder(t *testing.T) {
	inputs := make([]Input, 200)
	for i := range inputs {
		inputs[i] = Input{Path: fmt.Sprint(i)}
	}
	for _, jobs := range []int{1, 2, 7} {
		var inFlight, maxInFlight atomic.Int32
		var got []string
		err := Run(inputs, jobs, func(in Input) (string, error) {
			n := inFlight.Add(1)
			for {
				m := maxInFlight.Load()
				if n <= m || maxInFlight.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(time.Duration(rand.Intn(300)) * time.Microsecond)
			inFlight.Add(-1)
			if in.Path == "13" {
				return "", errors.New("bad file")
			}
			return "doc " + in.Path, nil
		}, func(r Result[Input, string]) error {
			if r.Err != nil {
				got = append(got, "err "+r.Input.Path)
			} else {
				got = append(got, r.Value)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(inputs) {
			t.Fatalf("jobs %d: %d results, want %d", jobs, len(got), len(inputs))
		}
		for i, g := range got {
			want := fmt.Sprintf("doc %d", i)
			if i == 13 {
				want = "err 13"
			}
			if g != want {
				t.Fatalf("jobs %d: result %d = %q, want %q", jobs, i, g, want)
			}
		}
		if m := maxInFlight.Load(); int(m) > jobs {
			t.Errorf("jobs %d: %d conversions ran at once", jobs, m)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	inputs := make([]Input, 100)
	var converted atomic.Int32
	stop := errors.New("disk full")
	err := Run(inputs, 2, func(Input) (int, error) {
		converted.Add(1)
		return 0, nil
	}, func(r Result[Input, int]) error {
		if r.Index == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
	if n := converted.Load(); n > 5+2*2+1 {
		t.Errorf("%d conversions after the emitter stopped at 5 with window 4", n)
	}
}

func TestRunRecoversPanics(t *testing.T) {
	var errs int
	err := Run([]Input{{Path: "a"}, {Path: "b"}}, 2, func(in Input) (int, error) {
		if in.Path == "a" {
			panic("boom")
		}
		return 1, nil
	}, func(r Result[Input, int]) error {
		if r.Err != nil {
			errs++
		}
		return nil
	})
	if err != nil || errs != 1 {
		t.Fatalf("err %v, %d failed results; want nil and 1", err, errs)
	}
}

func TestRunHidesRuntimeErrors(t *testing.T) {
	var msg string
	Run([]Input{{Path: "a"}}, 1, func(in Input) (int, error) {
		var s []int
		return s[3], nil
	}, func(r Result[Input, int]) error {
		msg = r.Err.Error()
		return nil
	})
	if msg != "internal error while reading the file" {
		t.Fatalf("message %q", msg)
	}
}
