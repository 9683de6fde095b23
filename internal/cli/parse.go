package cli

import (
	"bufio"
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
	"github.com/petool/pet/parser"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type parseFlags struct {
	output     string
	format     string
	table      string
	lang       string
	bom        bool
	password   string
	jobs       int
	quiet      bool
	strict     bool
	noProgress bool
	lim        limitFlags
	filesFrom  string
	nul        bool
	verbose    bool
}

func newParseCmd() *cobra.Command {
	var f parseFlags
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
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && f.filesFrom == "" {
				return fmt.Errorf("requires at least 1 arg (a PDF, a directory or -) or --files-from FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runParse(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", "", "write to `PATH`: a file, or a directory (ending in / or existing) for one output per input")
	fl.StringVarP(&f.format, "format", "f", "", "output `FORMAT`: json, jsonl, csv, yaml, xlsx or parquet (default: from the -o extension, else json)")
	fl.StringVar(&f.table, "table", "", "`TABLE` of a CSV or Parquet file: projects (CSV default), indicators, warnings, document or tables (Parquet default: X.projects.parquet and X.indicators.parquet)")
	fl.StringVar(&f.lang, "lang", "en", "`LANG` of CSV and XLSX headers: en (contract field names) or zh (the table's wording)")
	fl.BoolVar(&f.bom, "bom", false, "start CSV with a UTF-8 byte order mark (default: on when writing a .csv file, off on standard output)")
	fl.StringVar(&f.password, "password", "", "user `PASSWORD` of encrypted PDFs (never prompted for)")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "convert `N` files (or the pages of one file) at once")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "do not summarise warnings and the batch on standard error")
	fl.BoolVar(&f.strict, "strict", false, "exit with code 3 when any document has warnings")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress bar (it shows only for several inputs on a terminal)")
	f.lim.register(cmd, true)
	fl.StringVar(&f.filesFrom, "files-from", "", "also convert the PDFs listed in `FILE`, one path per line (- for standard input)")
	fl.BoolVarP(&f.nul, "null", "0", false, "--files-from paths are NUL-separated, as find -print0 writes them")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "on a terminal, print each file's warnings too (they always print when standard error is not a terminal)")
	return cmd
}

// outputPlan says where and how pet parse writes.
type outputPlan struct {
	opts   export.Options
	toDir  string // one output per input in this directory
	toFile string // one output (a document or a merged dataset) in this file
	// neither: standard output
}

func planOutput(cmd *cobra.Command, f *parseFlags, inputs int) (outputPlan, error) {
	var p outputPlan
	out := f.output
	if out != "" && (strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(os.PathSeparator)) || isDir(out)) {
		p.toDir = out
	} else {
		p.toFile = out
	}
	switch {
	case f.format != "":
		format, err := export.ParseFormat(f.format)
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
	p.opts.Multi = inputs > 1 && p.toDir == ""
	p.opts.Table = export.Table(f.table)
	if f.lang != "en" || cmd.Flags().Changed("lang") {
		p.opts.Lang = f.lang
	}
	if p.opts.Format == export.CSV {
		p.opts.BOM = p.toFile != "" || p.toDir != ""
		if cmd.Flags().Changed("bom") {
			p.opts.BOM = f.bom
		}
	} else if cmd.Flags().Changed("bom") && f.bom {
		return p, usageErrorf("--bom applies to csv only, not %s", p.opts.Format)
	}
	if p.opts.Lang == "en" && p.opts.Format != export.CSV && p.opts.Format != export.XLSX {
		p.opts.Lang = "" // the default is fine for every format
	}
	// Validate the combination now, before any work.
	if _, err := export.NewWriter(io.Discard, p.opts); err != nil {
		return p, usageErrorf("%v", strings.TrimPrefix(err.Error(), "export: "))
	}
	if p.toFile == "" && p.toDir == "" && export.IsBinary(p.opts.Format) {
		if fd, ok := cmd.OutOrStdout().(interface{ Fd() uintptr }); ok && term.IsTerminal(int(fd.Fd())) {
			return p, usageErrorf("%s is binary and standard output is a terminal: write it to a file with -o FILE.%s", p.opts.Format, p.opts.Format)
		}
	}
	return p, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func runParse(cmd *cobra.Command, args []string, f *parseFlags) error {
	args, err := withListedInputs(cmd, args, f)
	if err != nil {
		return err
	}
	inputs := batch.Expand(args)
	if len(inputs) == 0 {
		if f.filesFrom != "" {
			return usageErrorf("no PDF found in %s", strings.Join(append(args, "--files-from "+f.filesFrom), ", "))
		}
		return usageErrorf("no PDF found in %s", strings.Join(args, ", "))
	}
	stdinCount := 0
	for _, in := range inputs {
		if in.Path == batch.Stdin {
			stdinCount++
		}
	}
	if stdinCount > 1 {
		return usageErrorf("standard input (-) can be read only once")
	}
	if f.jobs < 1 {
		return usageErrorf("--jobs must be at least 1, not %d", f.jobs)
	}
	if err := f.lim.validate(); err != nil {
		return err
	}
	lim := f.lim.limits()
	plan, err := planOutput(cmd, f, len(inputs))
	if err != nil {
		return err
	}
	if err := checkOutputs(cmd, plan, inputs); err != nil {
		return err
	}
	defer handleSignals()()
	split, err := splitOutput(plan, f)
	if err != nil {
		return err
	}
	var stdinData []byte
	var stdinErr error
	if stdinCount == 1 {
		stdinData, stdinErr = readInput(batch.Stdin, cmd.InOrStdin(), lim.MaxInputSize)
	}
	pageWorkers := 1
	if len(inputs) == 1 {
		pageWorkers = f.jobs
	}
	convert := func(in batch.Input) (*document.Document, error) {
		data, err := stdinData, stdinErr
		if in.Path != batch.Stdin {
			data, err = readInput(in.Path, nil, lim.MaxInputSize)
		}
		if err != nil {
			return nil, err
		}
		return convertWithin(f.lim.timeout, lim, data, func(data []byte) (*document.Document, error) {
			return convertPDF(data, in.Path, parser.Options{Password: f.password, Workers: pageWorkers})
		})
	}

	r := newReporter(cmd.ErrOrStderr(), f, len(inputs))
	defer r.finish()

	switch {
	case split && plan.toDir != "":
		err = writePerInputSplit(inputs, f.jobs, convert, plan, r)
	case split:
		err = writeSplitFile(plan.toFile, inputs, f.jobs, convert, plan, r)
		if errors.Is(err, errNothingConverted) {
			err = nil
		}
	case plan.toDir != "":
		err = writePerInput(inputs, f.jobs, convert, plan, r)
	case plan.toFile != "":
		err = atomicfile.Write(plan.toFile, func(w io.Writer) error {
			return writeMerged(w, inputs, f.jobs, convert, plan, r)
		})
		if errors.Is(err, errNothingConverted) {
			err = nil
		}
	default:
		bw := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
		err = writeMerged(bw, inputs, f.jobs, convert, plan, r)
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

// convertPDF parses one PDF into its document, checks included.
func convertPDF(data []byte, name string, opts parser.Options) (*document.Document, error) {
	return parser.Parse(data, name, opts)
}

var errNothingConverted = errors.New("no input could be converted")

// writeMerged writes every converted document through one export.Writer.
// Nothing is written, and errNothingConverted returned, when no input could
// be converted, so that no empty output file is left behind.
func writeMerged(w io.Writer, inputs []batch.Input, jobs int, convert func(batch.Input) (*document.Document, error), plan outputPlan, r *reporter) error {
	var ew *export.Writer
	err := batch.Run(inputs, jobs, convert, func(res batch.Result[*document.Document]) error {
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
func writePerInput(inputs []batch.Input, jobs int, convert func(batch.Input) (*document.Document, error), plan outputPlan, r *reporter) error {
	if err := os.MkdirAll(plan.toDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", plan.toDir, err)
	}
	names := outputNames(inputs, string(plan.opts.Format))
	return batch.Run(inputs, jobs, convert, func(res batch.Result[*document.Document]) error {
		if !r.record(res) {
			return nil
		}
		path := filepath.Join(plan.toDir, names[res.Index])
		err := atomicfile.Write(path, func(w io.Writer) error {
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

// outputNames gives each input an output file name (see uniqueNames).
func outputNames(inputs []batch.Input, ext string) []string { return uniqueNames(inputs, ext) }

// reporter prints per-file errors and warning summaries to standard error,
// drives the progress bar and counts outcomes for the exit status.
type reporter struct {
	w                         io.Writer
	quiet, strict             bool
	total                     int
	converted, failed, warned int
	bar                       *progressbar.ProgressBar
	// fileWarnings prints a line per file with warnings: always for one
	// input or when standard error is not a terminal (scripts read those
	// lines), on a terminal only with -v; the batch summary counts the
	// warnings by code either way.
	fileWarnings bool
	codes        map[string]int
}

func newReporter(w io.Writer, f *parseFlags, total int) *reporter {
	tty := isTerminal(w)
	r := &reporter{w: w, quiet: f.quiet, strict: f.strict, total: total,
		fileWarnings: f.verbose || !tty || total <= 1, codes: map[string]int{}}
	if total > 1 && !f.quiet && !f.noProgress && tty {
		r.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("converting"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100_000_000),
		)
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
func (r *reporter) record(res batch.Result[*document.Document]) bool {
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
