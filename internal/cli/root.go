// Package cli holds pet's cobra commands; cmd/pet only calls Main.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes of pet. They are documented in the README.
const (
	ExitOK      = 0 // everything converted
	ExitFailed  = 1 // at least one input could not be converted
	ExitUsage   = 2 // bad flags or arguments
	ExitWarning = 3 // --strict and at least one warning
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, a ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, a...)}
}

// Main runs pet with args and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "pet: "+printable(ee.err.Error()))
		}
		return ee.code
	}
	// Cobra's own errors (unknown flag, wrong arg count) are usage errors.
	fmt.Fprintln(stderr, "pet: "+printable(err.Error()))
	return ExitUsage
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "pet",
		Short:         "Extract 项目支出绩效目标表 tables from budget PDFs",
		Long:          "pet turns the project expenditure performance target table (项目支出绩效目标表)\nof a Chinese budget PDF into JSON, CSV, YAML and XLSX.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newParseCmd())
	root.AddCommand(newInspectCmd(), newTextCmd(), newCodesCmd())
	root.AddCommand(newVersionCmd())
	addVersionFlag(root)
	return root
}
