package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/petool/pet/export"
	"github.com/petool/pet/internal/batch"
	"github.com/petool/pet/internal/inputs"
)

// splitTables are the tables a Parquet output holds side by side, one file
// each, when no --table is given: X.parquet becomes X.projects.parquet and
// X.indicators.parquet.
var splitTables = []export.Table{export.Projects, export.Indicators}

// splitOutput reports whether plan writes one file per table, and checks
// that it can: standard output holds one table only.
func (o *ParseOptions) splitOutput(plan outputPlan) (bool, error) {
	if plan.opts.Format != export.Parquet || o.Table != "" {
		return false, nil
	}
	if plan.toFile == "" && plan.toDir == "" {
		return false, usageErrorf("parquet on standard output holds one table: choose it with --table (projects, indicators, …), or write -o FILE.parquet for FILE.projects.parquet and FILE.indicators.parquet")
	}
	return true, nil
}

// splitPath is the file of table t for the output path: budget.parquet →
// budget.projects.parquet.
func splitPath(path string, t export.Table) string {
	ext := filepath.Ext(path)
	if ext == "" {
		ext = ".parquet"
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + string(t) + ext
}

// writeSplitFile writes the merged batch as one file per table of
// splitTables next to path, each atomically: nothing is left when nothing
// could be converted.
func writeSplitFile(path string, ins []inputs.Input, jobs int, convert converter, plan outputPlan, r *reporter) error {
	var nest func(ws []io.Writer) error
	nest = func(ws []io.Writer) error {
		if len(ws) == len(splitTables) {
			return writeMergedTables(ws, ins, jobs, convert, plan, r)
		}
		return plan.writeFile(splitPath(path, splitTables[len(ws)]), func(w io.Writer) error {
			return nest(append(ws, w))
		})
	}
	return nest(nil)
}

// writeMergedTables is writeMerged for one output per table of splitTables.
func writeMergedTables(ws []io.Writer, ins []inputs.Input, jobs int, convert converter, plan outputPlan, r *reporter) error {
	var ews []*export.Writer
	closeAll := func() error {
		var first error
		for _, ew := range ews {
			if err := ew.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	err := batch.Run(ins, jobs, convert, func(res result) error {
		if !r.record(res) {
			return nil
		}
		if ews == nil {
			for i, w := range ws {
				opts := plan.opts
				opts.Table = splitTables[i]
				ew, err := export.NewWriter(w, opts)
				if err != nil {
					return err
				}
				ews = append(ews, ew)
			}
		}
		for _, ew := range ews {
			if err := ew.Write(res.Value); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		closeAll()
		return err
	}
	if ews == nil {
		return errNothingConverted
	}
	return closeAll()
}

// writePerInputSplit is writePerInput for one file per input and table.
func writePerInputSplit(ins []inputs.Input, jobs int, convert converter, plan outputPlan, r *reporter) error {
	if err := os.MkdirAll(plan.toDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", plan.toDir, err)
	}
	names := inputs.UniqueNames(ins, string(plan.opts.Format))
	return batch.Run(ins, jobs, convert, func(res result) error {
		if !r.record(res) {
			return nil
		}
		for _, t := range splitTables {
			opts := plan.opts
			opts.Table = t
			path := filepath.Join(plan.toDir, splitPath(names[res.Index], t))
			err := plan.writeFile(path, func(w io.Writer) error {
				ew, err := export.NewWriter(w, opts)
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
				return nil
			}
		}
		return nil
	})
}
