package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/petool/pet/check"
	"github.com/spf13/cobra"
)

func newCodesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "codes",
		Short: "List the warning codes pet can raise, with an example of each",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, c := range check.Codes {
				fmt.Fprintf(w, "%s\t%s\n\texample: %s\n", c.Code, c.Meaning, c.Example)
			}
			return w.Flush()
		},
	}
}
