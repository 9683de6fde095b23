package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/petool/pet/check"
	"github.com/spf13/cobra"
)

// CodesOptions are the options of pet codes (it has none but its streams).
type CodesOptions struct {
	IO *IOStreams
}

// NewCmdCodes builds pet codes; runF, when not nil, runs instead of codesRun.
func NewCmdCodes(ios *IOStreams, runF func(*CodesOptions) error) *cobra.Command {
	opts := &CodesOptions{IO: ios}
	return &cobra.Command{
		Use:   "codes",
		Short: "List the warning codes pet can raise, with an example of each",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return codesRun(opts)
		},
	}
}

// codesRun lists check.Codes, a code and its meaning a line, its example
// under it.
func codesRun(opts *CodesOptions) error {
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	for _, c := range check.Codes {
		fmt.Fprintf(w, "%s\t%s\n\texample: %s\n", c.Code, c.Meaning, c.Example)
	}
	return w.Flush()
}
