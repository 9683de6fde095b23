package cli

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/petool/pet/parser"
	"github.com/spf13/cobra"
)

type parseFlags struct {
	output   string
	password string
}

func newParseCmd() *cobra.Command {
	var f parseFlags
	cmd := &cobra.Command{
		Use:   "parse FILE.pdf",
		Short: "Extract the target table of a budget PDF",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			data, err := os.ReadFile(path)
			if err != nil {
				return &exitError{code: ExitFailed, err: fmt.Errorf("%s: %w", path, err)}
			}
			doc, err := parser.Parse(data, path, parser.Options{Password: f.password})
			if err != nil {
				return &exitError{code: ExitFailed, err: fmt.Errorf("%s: %w", path, err)}
			}
			out := cmd.OutOrStdout()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			return enc.Encode(doc)
		},
	}
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write to `FILE` instead of stdout")
	cmd.Flags().StringVar(&f.password, "password", "", "user `PASSWORD` of an encrypted PDF")
	return cmd
}
