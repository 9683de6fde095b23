package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/petool/pet/document"
	"github.com/petool/pet/export"
	"github.com/petool/pet/internal/atomicfile"
	"github.com/petool/pet/internal/batch"
	"github.com/petool/pet/internal/inputs"
	"github.com/petool/pet/internal/progress"
	"github.com/petool/pet/parser"
	"github.com/spf13/cobra"
)

// ParseOptions are the options of pet parse, as its flags and arguments
// give them. BOMSet says whether --bom was given at all: without it a CSV
// file gets a byte order mark and standard output none.
type ParseOptions struct {
	IO *IOStreams

	Inputs     []string // PDF files, directories and - (standard input)
	Output     string   // -o: a file, or a directory for one output per input
	Format     string
	Table      string
	Lang       string
	BOM        bool
	BOMSet     bool
	Password   string
	Jobs       int
	Quiet      bool
	Strict     bool
	NoProgress bool
	Limits     LimitOptions
	FilesFrom  string
	NUL        bool
	Verbose    bool

	plan outputPlan // set by Validate, but for Multi (known once inputs are expanded)
}

// defaultParseOptions are the options of pet parse without any flag.
func defaultParseOptions(ios *IOStreams) *ParseOptions {
	return &ParseOptions{IO: ios, Lang: export.LangEN, Jobs: runtime.NumCPU(), Limits: defaultLimits()}
}

// NewCmdParse builds pet parse. Its flags fill a ParseOptions, which is
// validated and handed to runF, or to parseRun when runF is nil.
func NewCmdParse(ios *IOStreams, runF func(*ParseOptions) error) *cobra.Command {
	opts := defaultParseOptions(ios)
	cmd := &cobra.Command{
		Use:   "parse [flags] FILE.pdf|DIR|- ...",
		Short: "Extract the 项目支出绩效目标表 of budget PDFs",
		Long: `Extract the project expenditure performance target table (项目支出绩效目标表)
of one or more budget PDFs.

Inputs are PDF files, directories (searched recursively for *.pdf) and - for
a PDF on standard input. One input is written as one document; several are
written as one merged dataset (-o FILE, or standard output) in which every
row carries its source, or as one output per input (-o DIR/).

The format follows -f, else the extension of -o (.json .jsonl .csv .yaml
.yml .xlsx .parquet), else JSON. Parquet without --table writes two files,
X.projects.parquet and X.indicators.parquet.`,
		Example: `  pet parse budget.pdf
  pet parse budget.pdf -o budget.xlsx
  pet parse budget.pdf -f csv --table indicators --lang zh -o indicators.csv
  pet parse -j 4 budgets/ -o all.csv
  pet parse budgets/ -o out/ -f yaml
  cat budget.pdf | pet parse - -f jsonl
  pet parse budgets/ -o all.parquet
  find budgets -name '*.pdf' -print0 | pet parse --files-from - -0 -o all.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			opts.BOMSet = cmd.Flags().Changed("bom")
			if err := opts.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return parseRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `PATH`: a file, or a directory (ending in / or existing) for one output per input")
	fl.StringVarP(&opts.Format, "format", "f", "", "output `FORMAT`: json, jsonl, csv, yaml, xlsx or parquet (default: from the -o extension, else json)")
	fl.StringVar(&opts.Table, "table", "", "`TABLE` of a CSV or Parquet file: projects (CSV default), indicators, warnings, document or tables (Parquet default: X.projects.parquet and X.indicators.parquet)")
	fl.StringVar(&opts.Lang, "lang", opts.Lang, "`LANG` of CSV and XLSX headers: en (contract field names) or zh (the table's wording)")
	fl.BoolVar(&opts.BOM, "bom", false, "start CSV with a UTF-8 byte order mark (default: on when writing a .csv file, off on standard output)")
	fl.StringVar(&opts.Password, "password", "", "user `PASSWORD` of encrypted PDFs (never prompted for)")
	fl.IntVarP(&opts.Jobs, "jobs", "j", opts.Jobs, "convert `N` files (or the pages of one file) at once")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "do not summarise warnings and the batch on standard error")
	fl.BoolVar(&opts.Strict, "strict", false, "exit with code 3 when any document has warnings")
	fl.BoolVar(&opts.NoProgress, "no-progress", false, "never show a progress bar (it shows only for several inputs on a terminal)")
	addLimitFlags(cmd, &opts.Limits, true)
	fl.StringVar(&opts.FilesFrom, "files-from", "", "also convert the PDFs listed in `FILE`, one path per line (- for standard input)")
	fl.BoolVarP(&opts.NUL, "null", "0", false, "--files-from paths are NUL-separated, as find -print0 writes them")
	fl.BoolVarP(&opts.Verbose, "verbose", "v", false, "on a terminal, print each file's warnings too (they always print when standard error is not a terminal)")
	return cmd
}

// outputPlan says where and how pet parse writes.
type outputPlan struct {
	opts   export.Options
	toDir  string // one output per input in this directory
	toFile string // one output (a document or a merged dataset) in this file
	// neither: standard output

	// signalsHandled, when set, waits until the handler that removes
	// temporary files on SIGINT or SIGTERM is installed (handleSignals).
	signalsHandled func()
}

// writeFile writes path through a temporary file renamed into place
// (atomicfile), once the signal handler that removes the temporary file
// on SIGINT or SIGTERM is installed.
func (p outputPlan) writeFile(path string, write func(io.Writer) error) error {
	if p.signalsHandled != nil {
		p.signalsHandled()
	}
	return atomicfile.Write(path, write)
}

// Validate checks the options before any file is read, with a usage error
// (exit 2) that names the flag, and works out the output plan. It may be
// called more than once.
func (o *ParseOptions) Validate() error {
	if len(o.Inputs) == 0 && o.FilesFrom == "" {
		return usageErrorf("requires at least 1 arg (a PDF, a directory or -) or --files-from FILE")
	}
	if o.FilesFrom == "" && o.NUL {
		return usageErrorf("-0 applies to the --files-from list; give --files-from FILE")
	}
	if o.FilesFrom == inputs.Stdin {
		for _, a := range o.Inputs {
			if a == inputs.Stdin {
				return usageErrorf("standard input cannot be both the --files-from list and a PDF (-)")
			}
		}
	}
	if o.Jobs < 1 {
		return usageErrorf("--jobs must be at least 1, not %d", o.Jobs)
	}
	if err := o.Limits.Validate(); err != nil {
		return err
	}
	plan, err := o.outputPlan()
	if err != nil {
		return err
	}
	if plan.toFile == "" && plan.toDir == "" && export.IsBinary(plan.opts.Format) && o.IO != nil && isTerminal(o.IO.Out) {
		return usageErrorf("%s is binary and standard output is a terminal: write it to a file with -o FILE.%s", plan.opts.Format, plan.opts.Format)
	}
	if _, err := o.splitOutput(plan); err != nil {
		return err
	}
	o.plan = plan
	return nil
}

// outputPlan works out where and in what format pet parse writes, and
// checks that export accepts the combination of format, table, header
// language and byte order mark.
func (o *ParseOptions) outputPlan() (outputPlan, error) {
	var p outputPlan
	out := o.Output
	if out != "" && (strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(os.PathSeparator)) || isDir(out)) {
		p.toDir = out
	} else {
		p.toFile = out
	}
	switch {
	case o.Format != "":
		format, err := export.ParseFormat(o.Format)
		if err != nil {
			return p, usageErrorf("%v", err)
		}
		p.opts.Format = format
	case p.toFile != "":
		format, err := export.FormatFromPath(p.toFile)
		if err != nil {
			return p, usageErrorf("%v; or choose one with -f", err)
		}
		p.opts.Format = format
	default:
		p.opts.Format = export.JSON
	}
	p.opts.Table = export.Table(o.Table)
	if o.Lang != export.LangEN {
		p.opts.Lang = o.Lang // "en" is every format's default; other values only CSV and XLSX take
	}
	if p.opts.Format == export.CSV {
		p.opts.BOM = p.toFile != "" || p.toDir != ""
		if o.BOMSet {
			p.opts.BOM = o.BOM
		}
	} else if o.BOMSet && o.BOM {
		return p, usageErrorf("--bom applies to csv only, not %s", p.opts.Format)
	}
	if err := p.opts.Validate(); err != nil {
		return p, usageErrorf("%v", err)
	}
	return p, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// expandInputs lists the PDFs of the arguments and of the --files-from
// list; an argument list in which none is found, or that reads standard
// input twice, is a usage error.
func (o *ParseOptions) expandInputs() ([]inputs.Input, error) {
	args, err := withListedInputs(o)
	if err != nil {
		return nil, err
	}
	ins := inputs.Expand(args)
	if len(ins) == 0 {
		if o.FilesFrom != "" {
			return nil, usageErrorf("no PDF found in %s", strings.Join(append(args, "--files-from "+o.FilesFrom), ", "))
		}
		return nil, usageErrorf("no PDF found in %s", strings.Join(args, ", "))
	}
	if inputs.CountStdin(ins) > 1 {
		return nil, usageErrorf("standard input (-) can be read only once")
	}
	return ins, nil
}

// parseRun converts the inputs of opts and writes them as opts say.
func parseRun(opts *ParseOptions) error {
	f := opts
	if err := f.Validate(); err != nil {
		return err
	}
	ins, err := f.expandInputs()
	if err != nil {
		return err
	}
	lim := f.Limits.limits()
	plan := f.plan
	plan.opts.Multi = len(ins) > 1 && plan.toDir == ""
	if err := checkOutputs(f.IO.Out, plan, ins); err != nil {
		return err
	}
	signalsHandled, stopSignals := handleSignals()
	defer stopSignals()
	plan.signalsHandled = signalsHandled
	split, _ := f.splitOutput(plan)
	stdinCount := inputs.CountStdin(ins)
	var stdinData []byte
	var stdinErr error
	if stdinCount == 1 {
		stdinData, stdinErr = readInput(inputs.Stdin, f.IO.In, lim.MaxInputSize)
	}
	pageWorkers := 1
	if len(ins) == 1 {
		pageWorkers = f.Jobs
		tuneGC() // one file: let the heap grow between collections (gc.go)
	}
	convert := func(in inputs.Input) (*document.Document, error) {
		if in.Err != nil {
			return nil, in.Err // a directory that could not be listed
		}
		data, err := stdinData, stdinErr
		if in.Path != inputs.Stdin {
			data, err = readInput(in.Path, nil, lim.MaxInputSize)
		}
		if err != nil {
			return nil, err
		}
		return convertWithin(f.Limits.Timeout, data, func(ctx context.Context, data []byte) (*document.Document, error) {
			return convertPDF(data, in.Path, parser.Options{Password: f.Password, Workers: pageWorkers, Context: ctx, Limits: parserLimits(lim)})
		})
	}

	r := newReporter(f.IO.ErrOut, f, len(ins))
	defer r.finish()

	switch {
	case split && plan.toDir != "":
		err = writePerInputSplit(ins, f.Jobs, convert, plan, r)
	case split:
		err = writeSplitFile(plan.toFile, ins, f.Jobs, convert, plan, r)
		if errors.Is(err, errNothingConverted) {
			err = nil
		}
	case plan.toDir != "":
		err = writePerInput(ins, f.Jobs, convert, plan, r)
	case plan.toFile != "":
		err = plan.writeFile(plan.toFile, func(w io.Writer) error {
			return writeMerged(w, ins, f.Jobs, convert, plan, r)
		})
		if errors.Is(err, errNothingConverted) {
			err = nil
		}
	default:
		bw := bufio.NewWriterSize(f.IO.Out, 64<<10)
		err = writeMerged(bw, ins, f.Jobs, convert, plan, r)
		if errors.Is(err, errNothingConverted) {
			err = nil
		}
		if ferr := bw.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("writing standard output: %w", ferr)
		}
	}
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	return r.exitStatus()
}

// result is the outcome of converting one input.
type result = batch.Result[inputs.Input, *document.Document]

// converter converts one input.
type converter = func(inputs.Input) (*document.Document, error)

// convertPDF parses one PDF into its document, checks included.
func convertPDF(data []byte, name string, opts parser.Options) (*document.Document, error) {
	doc, err := parser.ParseBytes(data, opts)
	if err != nil {
		return nil, flagHint(err)
	}
	doc.Source = name
	return doc, nil
}

var errNothingConverted = errors.New("no input could be converted")

// writeMerged writes every converted document through one export.Writer.
// Nothing is written, and errNothingConverted returned, when no input could
// be converted, so that no empty output file is left behind.
func writeMerged(w io.Writer, ins []inputs.Input, jobs int, convert converter, plan outputPlan, r *reporter) error {
	var ew *export.Writer
	err := batch.Run(ins, jobs, convert, func(res result) error {
		if !r.record(res) {
			return nil
		}
		if ew == nil {
			var err error
			if ew, err = export.NewWriter(w, plan.opts); err != nil {
				return err
			}
		}
		return ew.Write(res.Value)
	})
	if err != nil {
		if ew != nil {
			ew.Close()
		}
		return err
	}
	if ew == nil {
		return errNothingConverted
	}
	return ew.Close()
}

// writePerInput writes one output file per converted input into plan.toDir.
func writePerInput(ins []inputs.Input, jobs int, convert converter, plan outputPlan, r *reporter) error {
	if err := os.MkdirAll(plan.toDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", plan.toDir, err)
	}
	names := inputs.UniqueNames(ins, string(plan.opts.Format))
	return batch.Run(ins, jobs, convert, func(res result) error {
		if !r.record(res) {
			return nil
		}
		path := filepath.Join(plan.toDir, names[res.Index])
		err := plan.writeFile(path, func(w io.Writer) error {
			ew, err := export.NewWriter(w, plan.opts)
			if err != nil {
				return err
			}
			if err := ew.Write(res.Value); err != nil {
				ew.Close()
				return err
			}
			return ew.Close()
		})
		if err != nil {
			r.converted--
			r.fail(res.Input.Path, err)
		}
		return nil
	})
}

// reporter prints per-file errors and warning summaries to standard error,
// drives the progress bar and counts outcomes for the exit status.
type reporter struct {
	w                         io.Writer
	quiet, strict             bool
	total                     int
	converted, failed, warned int
	bar                       *progress.Bar
	// fileWarnings prints a line per file with warnings: always for one
	// input or when standard error is not a terminal (scripts read those
	// lines), on a terminal only with -v; the batch summary counts the
	// warnings by code either way.
	fileWarnings bool
	codes        map[string]int
}

func newReporter(w io.Writer, f *ParseOptions, total int) *reporter {
	tty := isTerminal(w)
	r := &reporter{w: w, quiet: f.Quiet, strict: f.Strict, total: total,
		fileWarnings: f.Verbose || !tty || total <= 1, codes: map[string]int{}}
	if total > 1 && !f.Quiet && !f.NoProgress && tty {
		r.bar = progress.New(w, "converting", total)
		r.bar.Columns = terminalColumns(w)
	}
	return r
}

func (r *reporter) println(s string) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintln(r.w, s)
}

// record notes one result; it reports whether there is a document to write.
func (r *reporter) record(res result) bool {
	if r.bar != nil {
		r.bar.Add(1)
	}
	if res.Err != nil {
		r.fail(res.Input.Path, res.Err)
		return false
	}
	r.converted++
	if n := len(res.Value.Warnings); n > 0 {
		r.warned++
		r.countCodes(res.Value.Warnings)
		if !r.quiet && r.fileWarnings {
			r.println(fmt.Sprintf("pet: %s: %s", printable(res.Input.Path), summarizeWarnings(res.Value.Warnings)))
		}
	}
	return true
}

func (r *reporter) fail(path string, err error) {
	r.failed++
	r.println("pet: " + fileError(path, err).Error()) // one printable line, whatever the library said
}

func (r *reporter) finish() {
	if r.bar != nil {
		r.bar.Finish()
	}
	if r.total > 1 && !r.quiet {
		fmt.Fprintf(r.w, "pet: %d files: %d converted (%d with warnings), %d failed%s\n", r.total, r.converted, r.warned, r.failed, r.codeSummary())
	}
}

func (r *reporter) exitStatus() error {
	switch {
	case r.failed > 0:
		return &exitError{code: ExitFailed, err: errors.New("")}
	case r.strict && r.warned > 0:
		return &exitError{code: ExitWarning, err: errors.New("")}
	}
	return nil
}

// summarizeWarnings gives the count per code: "6 warnings: indicator-level-mismatch 5, row-sum-mismatch 1".
func summarizeWarnings(ws []document.Warning) string {
	counts := map[string]int{}
	for _, w := range ws {
		counts[w.Code]++
	}
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, counts[c])
	}
	noun := "warnings"
	if len(ws) == 1 {
		noun = "warning"
	}
	return fmt.Sprintf("%d %s: %s", len(ws), noun, strings.Join(parts, ", "))
}
