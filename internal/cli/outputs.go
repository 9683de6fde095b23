package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/petool/pet/internal/inputs"
)

// checkOutputs refuses, before any work, an output that would destroy an
// input, and a closed standard output (stdout is the command's).
func checkOutputs(stdout io.Writer, plan outputPlan, ins []inputs.Input) error {
	switch {
	case plan.toFile != "":
		return checkNotInput([]string{plan.toFile}, ins)
	case plan.toDir != "":
		names := inputs.UniqueNames(ins, string(plan.opts.Format))
		paths := make([]string, len(names))
		for i, n := range names {
			paths[i] = filepath.Join(plan.toDir, n)
		}
		return checkNotInput(paths, ins)
	}
	if stdout == os.Stdout && stdoutClosed() {
		return &exitError{code: ExitFailed, err: errors.New("standard output is closed: nothing could be written (use -o FILE)")}
	}
	return nil
}
