package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version returns pet's version line from the build information the Go
// toolchain stamps into the binary: module version, VCS revision and time
// (with "modified" when the tree had uncommitted changes), Go version and
// platform, e.g.
//
//	pet v1.2.0 (revision 3f2c1a9e5b7d, 2026-11-30T08:12:44Z) go1.26.0 linux/amd64
func version() string {
	info, ok := debug.ReadBuildInfo()
	return versionLine(info, ok)
}

// versionLine formats the version line of info (ok false: no build
// information, as in a binary built without module support).
func versionLine(info *debug.BuildInfo, ok bool) string {
	v, goVersion := "unknown", runtime.Version()
	var vcs []string
	if ok && info != nil {
		if info.Main.Version != "" {
			v = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		var rev, when string
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			vcs = append(vcs, "revision "+rev)
		}
		if when != "" {
			vcs = append(vcs, when)
		}
		if modified {
			vcs = append(vcs, "modified")
		}
	}
	line := "pet " + v
	if len(vcs) > 0 {
		line += " (" + strings.Join(vcs, ", ") + ")"
	}
	return fmt.Sprintf("%s %s %s/%s", line, goVersion, runtime.GOOS, runtime.GOARCH)
}

// VersionOptions are the options of pet version (it has none but its
// streams).
type VersionOptions struct {
	IO *IOStreams
}

// NewCmdVersion builds pet version; runF, when not nil, runs instead of
// versionRun.
func NewCmdVersion(ios *IOStreams, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: ios}
	return &cobra.Command{
		Use:   "version",
		Short: "Print pet's version (module version, VCS revision, Go version) in one line",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

// versionRun prints the version line.
func versionRun(opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.IO.Out, version())
	return err
}

// addVersionFlag gives root a --version flag (no shorthand: -v is
// verbose) that prints the same line as pet version. The flag is pet's own,
// not cobra's Version field: cobra prints that through text/template unless
// the line is "pet version …", and text/template's reflective method calls
// make the linker keep every exported method of every type in the binary
// (TestLinkerDropsUnusedMethods in cmd/pet). Without the flag root prints
// its help, as a command without a run function does.
func addVersionFlag(root *cobra.Command, ios *IOStreams) {
	root.Flags().Bool("version", false, "print pet's version and exit")
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if v, _ := cmd.Flags().GetBool("version"); v {
			return versionRun(&VersionOptions{IO: ios})
		}
		return cmd.Help()
	}
}
