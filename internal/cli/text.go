package cli

import (
	"github.com/petool/pet/internal/inspect"
	"github.com/spf13/cobra"
)

// TextOptions are the options of pet text.
type TextOptions struct {
	IO *IOStreams
	PageOptions
}

// NewCmdText builds pet text; runF, when not nil, runs instead of textRun.
func NewCmdText(ios *IOStreams, runF func(*TextOptions) error) *cobra.Command {
	opts := &TextOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "text [flags] FILE.pdf|-",
		Short: "Print the text lines pet reads on each page, for bug reports",
		Long: `Print the text lines that pet's parser reads on each page of a PDF, top to
bottom: the baseline y of each line, then each run of its text (a line is
split where a gap is wider than one em) with its x range, font size, font
names and text. Text that starts or ends with spaces is quoted.

Coordinates are in points from the page's top-left corner. Attach this
output (and pet inspect's) to a report of a PDF that comes out wrong.`,
		Example: `  pet text budget.pdf --page 1
  pet text budget.pdf > budget.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(cmd, args)
			if err := opts.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return textRun(opts)
		},
	}
	opts.register(cmd)
	return cmd
}

// textRun prints the text lines of the pages asked for.
func textRun(opts *TextOptions) error {
	a, _, err := analyze(opts.IO.In, opts.Path, &opts.PageOptions)
	if err != nil {
		return err
	}
	for _, p := range opts.pages(a) {
		if err := inspect.Text(opts.IO.Out, a, p); err != nil {
			return writeError(err)
		}
	}
	return nil
}
