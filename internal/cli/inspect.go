package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/petool/pet/internal/atomicfile"
	"github.com/petool/pet/internal/inspect"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/parser"
	"github.com/spf13/cobra"
)

// PageOptions are the options pet inspect and pet text share: the PDF, the
// page to show (PageSet: --page was given; without it every page shows),
// its password and the limits it is read within.
type PageOptions struct {
	Path     string // a PDF, or - for standard input
	Page     int
	PageSet  bool
	Password string
	Limits   LimitOptions
}

func (f *PageOptions) register(cmd *cobra.Command) {
	f.Limits = defaultLimits()
	fl := cmd.Flags()
	fl.IntVarP(&f.Page, "page", "p", 0, "show only page `N` (1-based; default: every page)")
	fl.StringVar(&f.Password, "password", "", "user `PASSWORD` of an encrypted PDF (never prompted for)")
	addLimitFlags(cmd, &f.Limits, false)
}

// fill sets what cobra knows beyond the flag values: the argument and
// whether --page was given.
func (f *PageOptions) fill(cmd *cobra.Command, args []string) {
	f.Path = args[0]
	f.PageSet = cmd.Flags().Changed("page")
}

// Validate checks the page number and the limits.
func (f *PageOptions) Validate() error {
	if (f.PageSet || f.Page != 0) && f.Page < 1 {
		return usageErrorf("--page must be at least 1, not %d", f.Page)
	}
	return f.Limits.Validate()
}

// analyze reads the PDF at path (- for standard input) and runs the parser
// over it. A PDF that opens but holds no table is not a failure here: its
// analysis is returned with the parser's finding (such as parser.ErrNoTable),
// to be shown. Any other failure is an exit error naming the file.
func analyze(stdin io.Reader, path string, f *PageOptions) (a *inspect.Analysis, finding, err error) {
	if err := f.Validate(); err != nil {
		return nil, nil, err
	}
	data, err := readInput(path, stdin, f.Limits.limits().MaxInputSize)
	if err != nil {
		return nil, nil, &exitError{code: ExitFailed, err: fileError(path, err)}
	}
	lim := f.Limits.limits()
	a, err = inspect.Analyze(data, f.Password, &pdfload.Session{Ctx: context.Background(), Limits: lim}, runtime.NumCPU())
	if err != nil {
		return nil, nil, &exitError{code: ExitFailed, err: fileError(path, err)}
	}
	_, finding = convertPDF(data, path, parser.Options{Password: f.Password, Workers: runtime.NumCPU(), Limits: parserLimits(lim)})
	if f.Page > len(a.Pages) {
		return nil, nil, usageErrorf("--page %d: out of range, %s has pages 1-%d", f.Page, path, len(a.Pages))
	}
	return a, finding, nil
}

// printableError is an error whose message is made safe for one terminal
// line: the PDF library quotes bytes of a damaged file in its messages.
type printableError struct {
	msg string
	err error
}

func (e *printableError) Error() string { return e.msg }
func (e *printableError) Unwrap() error { return e.err }

// fileError is err about the file at path, as one printable line.
func fileError(path string, err error) error {
	msg := printable(path) + ": " + printable(shortenNumbers(err.Error()))
	return &printableError{msg: msg, err: err}
}

// pages lists the pages to show: the one asked for, or all.
func (f *PageOptions) pages(a *inspect.Analysis) []int {
	if f.Page > 0 {
		return []int{f.Page}
	}
	ps := make([]int, len(a.Pages))
	for i := range ps {
		ps[i] = i + 1
	}
	return ps
}

// InspectOptions are the options of pet inspect: the page options and the
// directory to draw SVGs in ("" for none).
type InspectOptions struct {
	IO *IOStreams
	PageOptions
	SVGDir string
}

// NewCmdInspect builds pet inspect; runF, when not nil, runs instead of
// inspectRun.
func NewCmdInspect(ios *IOStreams, runF func(*InspectOptions) error) *cobra.Command {
	opts := &InspectOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "inspect [flags] FILE.pdf|-",
		Short: "Show what pet sees on each page: header, columns, rows",
		Long: `Show what pet's parser finds on each page of a budget PDF: whether the
table is there, its header band, its columns (x range, field, header text)
and its row bands (y range, the start of each cell), whether the rows come
from ruling lines or from blocks of text, and whether the grid is open at
the bottom (a row cut by the page break). For a page without the table it
gives the number of text lines and rules, and where header words appear.

With --svg DIR it also draws every page shown as DIR/page-NNN.svg: the
page's text and ruling lines with the header band, the cells of every row
(coloured by column) and the column boundaries over them. Open the files in
a web browser; hovering a cell shows its text.

Coordinates are in points from the page's top-left corner.`,
		Example: `  pet inspect budget.pdf
  pet inspect budget.pdf --page 3
  pet inspect budget.pdf --page 3 --svg debug/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(cmd, args)
			if err := opts.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return inspectRun(opts)
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&opts.SVGDir, "svg", "", "also draw each page shown as an SVG file in `DIR` (created if missing)")
	return cmd
}

// inspectRun prints what the parser sees on the pages asked for, and draws
// them as SVGs when asked to.
func inspectRun(opts *InspectOptions) error {
	path, f, svgDir := opts.Path, &opts.PageOptions, opts.SVGDir
	a, finding, err := analyze(opts.IO.In, path, f)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	if err := inspect.Summary(out, a, finding); err != nil {
		return writeError(err)
	}
	if _, err := io.WriteString(out, "\n"); err != nil {
		return writeError(err)
	}
	for _, p := range f.pages(a) {
		if err := inspect.Report(out, a, p); err != nil {
			return writeError(err)
		}
	}
	if svgDir == "" {
		return nil
	}
	if err := os.MkdirAll(svgDir, 0o755); err != nil {
		return &exitError{code: ExitFailed, err: fmt.Errorf("%s: creating %s: %w", path, svgDir, err)}
	}
	for _, p := range f.pages(a) {
		name := filepath.Join(svgDir, fmt.Sprintf("page-%03d.svg", p))
		err := atomicfile.Write(name, func(w io.Writer) error { return inspect.SVG(w, a, p) })
		if err != nil {
			return &exitError{code: ExitFailed, err: fmt.Errorf("%s: %w", path, err)}
		}
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", printable(name))
	}
	return nil
}

// writeError is a failure to write the report to standard output.
func writeError(err error) error {
	return &exitError{code: ExitFailed, err: fmt.Errorf("writing standard output: %w", err)}
}
