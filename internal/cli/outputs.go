package cli

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/petool/pet/internal/batch"
	"github.com/spf13/cobra"
)

// checkOutputs refuses, before any work, an output that would destroy an
// input, and a closed standard output.
func checkOutputs(cmd *cobra.Command, plan outputPlan, inputs []batch.Input) error {
	switch {
	case plan.toFile != "":
		return checkNotInput([]string{plan.toFile}, inputs)
	case plan.toDir != "":
		names := outputNames(inputs, string(plan.opts.Format))
		paths := make([]string, len(names))
		for i, n := range names {
			paths[i] = filepath.Join(plan.toDir, n)
		}
		return checkNotInput(paths, inputs)
	}
	if cmd.OutOrStdout() == os.Stdout && stdoutClosed() {
		return &exitError{code: ExitFailed, err: errors.New("standard output is closed: nothing could be written (use -o FILE)")}
	}
	return nil
}
