package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/petool/pet/internal/atomicfile"
)

// handleSignals removes pet's temporary output files when SIGINT or SIGTERM
// arrives, then exits with 128 + the signal number, as a shell expects. The
// returned function stops the handling.
func handleSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
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
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
