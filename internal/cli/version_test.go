package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	plat := " " + runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "3f2c1a9e5b7d11223344556677889900aabbccdd"},
			{Key: "vcs.time", Value: "2026-11-30T08:12:44Z"},
			{Key: "vcs.modified", Value: "false"},
		}}, true, "pet v1.2.0 (revision 3f2c1a9e5b7d, 2026-11-30T08:12:44Z) go1.26.0" + plat},
		{"dirty checkout", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"},
		}}, true, "pet (devel) (revision abc, modified) go1.26.1" + plat},
		{"no vcs", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.3.1"}}, true, "pet v0.3.1 go1.26.0" + plat},
		{"no build info", nil, false, "pet unknown " + runtime.Version() + plat},
	} {
		if got := versionLine(tc.info, tc.ok); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestVersionCommandAndFlag(t *testing.T) {
	code, out1, errs := run(t, nil, "version")
	if code != ExitOK || errs != "" {
		t.Fatalf("pet version: exit %d, stderr %q", code, errs)
	}
	code, out2, errs := run(t, nil, "--version")
	if code != ExitOK || errs != "" {
		t.Fatalf("pet --version: exit %d, stderr %q", code, errs)
	}
	if out1 != out2 {
		t.Errorf("pet version %q and pet --version %q differ", out1, out2)
	}
	if !strings.HasPrefix(out1, "pet ") || strings.Count(out1, "\n") != 1 || !strings.HasSuffix(out1, "\n") ||
		!strings.Contains(out1, runtime.Version()) {
		t.Errorf("version output %q: want one line naming pet and %s", out1, runtime.Version())
	}
	if code, _, _ := run(t, nil, "version", "extra"); code != ExitUsage {
		t.Errorf("pet version extra: exit %d, want %d", code, ExitUsage)
	}
}

// TestRootWithoutVersionPrintsHelp: pet alone, and pet --version=false,
// print the help (exit 0) as cobra does for a command without a run
// function; the --version flag does not change that.
func TestRootWithoutVersionPrintsHelp(t *testing.T) {
	for _, args := range [][]string{nil, {"--version=false"}, {"--help"}} {
		code, out, errs := run(t, nil, args...)
		if code != ExitOK || errs != "" {
			t.Errorf("pet %q: exit %d, stderr %q", args, code, errs)
		}
		for _, want := range []string{"Usage:\n", "Available Commands:\n", "  parse ", "--version   print pet's version and exit"} {
			if !strings.Contains(out, want) {
				t.Errorf("pet %q: help lacks %q:\n%s", args, want, out)
			}
		}
	}
}
