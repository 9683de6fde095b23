package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkerDropsUnusedMethods links pet with the linker's dependency dump
// and fails when a reachable function is marked <ReflectMethod>: one call of
// reflect's Method or MethodByName with a name not known at compile time
// (text/template's field lookup, a library's method iterator) makes the
// linker keep every exported method of every type in the binary, and with
// them the package-level maps those methods use, built at every start. That
// cost pet 4 MB of binary and 1.5 ms of CPU time on every run, a twentieth
// of a short table's.
func TestLinkerDropsUnusedMethods(t *testing.T) {
	if testing.Short() {
		t.Skip("links pet: skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(goBin, "build", "-o", filepath.Join(t.TempDir(), "pet"), "-ldflags=-dumpdep", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	var dump bytes.Buffer
	cmd.Stderr = &dump
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build -ldflags=-dumpdep: %v\n%.2000s", err, dump.String())
	}
	if !bytes.Contains(dump.Bytes(), []byte(" -> main.main\n")) {
		t.Fatalf("the linker printed no dependency dump (%d bytes): -dumpdep not supported?\n%.2000s", dump.Len(), dump.String())
	}
	var marked []string
	for line := range strings.Lines(dump.String()) {
		if strings.Contains(line, "<ReflectMethod>") {
			marked = append(marked, strings.TrimSuffix(line, "\n"))
		}
	}
	if len(marked) > 0 {
		if len(marked) > 10 {
			marked = append(marked[:10], "…")
		}
		t.Errorf("%d dependency edges reach a reflective method lookup; the linker keeps every exported method:\n%s\n"+
			"(find the caller with go build -ldflags=-dumpdep ./cmd/pet 2>&1 | grep -B1 ReflectMethod)",
			len(marked), strings.Join(marked, "\n"))
	}
}
