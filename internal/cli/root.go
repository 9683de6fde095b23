// Package cli holds pet's commands; cmd/pet only calls Main.
//
// Each command is laid out as in github.com/cli/cli: an options struct
// (ParseOptions, InspectOptions, …), a NewCmdX constructor that builds the
// cobra command, fills the options from the flags (with "was this flag
// given" as fields of their own) and validates them, and a run function
// (parseRun, inspectRun, …) that does the work from the options and their
// IOStreams alone, without seeing cobra. Tests call the run functions with
// options they build, or pass a runF to NewCmdX to see what the flags gave.
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

// IOStreams are the standard streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// Main runs pet with args and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(&IOStreams{In: stdin, Out: stdout, ErrOut: stderr})
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

func newRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:           "pet",
		Short:         "Extract 项目支出绩效目标表 tables from budget PDFs",
		Long:          "pet turns the project expenditure performance target table (项目支出绩效目标表)\nof a Chinese budget PDF into JSON, CSV, YAML and XLSX.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.AddCommand(NewCmdParse(ios, nil))
	root.AddCommand(NewCmdInspect(ios, nil), NewCmdText(ios, nil), NewCmdCodes(ios, nil))
	root.AddCommand(NewCmdVersion(ios, nil))
	addVersionFlag(root, ios)
	return root
}
