package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/petool/pet/internal/atomicfile"
)

// handleSignals removes pet's temporary output files when SIGINT or SIGTERM
// arrives, then exits with 128 + the signal number, as a shell expects.
//
// The handler is installed on a goroutine of its own: signal.Notify waits
// for the runtime to start the thread that receives signals, a third of a
// millisecond of every run, which the run spends reading its input
// instead. installed waits until the handler is in place; call it before
// creating a temporary file (outputPlan.writeFile does). stop waits for it
// too, then stops the handling.
func handleSignals() (installed, stop func()) {
	ch := make(chan os.Signal, 1)
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		close(ready)
		select {
		case sig := <-ch:
			atomicfile.RemoveTemps()
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	installed = func() { <-ready }
	stop = func() {
		<-ready
		signal.Stop(ch)
		close(done)
	}
	return installed, stop
}
