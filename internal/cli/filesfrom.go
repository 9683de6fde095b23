package cli

import (
	"github.com/petool/pet/internal/inputs"
)

// withListedInputs appends the paths of the --files-from list to the
// arguments (Validate has checked that the flags go together).
func withListedInputs(o *ParseOptions) ([]string, error) {
	if o.FilesFrom == "" {
		return o.Inputs, nil
	}
	paths, err := inputs.ReadListFile(o.FilesFrom, o.IO.In, o.NUL)
	if err != nil {
		return nil, &exitError{code: ExitFailed, err: err}
	}
	for _, p := range paths {
		if p == inputs.Stdin {
			return nil, usageErrorf("--files-from %s lists -: standard input is given on the command line only", o.FilesFrom)
		}
	}
	return append(append([]string(nil), o.Inputs...), paths...), nil
}
