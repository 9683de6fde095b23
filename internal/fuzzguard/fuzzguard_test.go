package fuzzguard

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestBudgetStopped(t *testing.T) {
	stop := Budget(50 * time.Millisecond)
	stop()
	time.Sleep(100 * time.Millisecond) // a stopped budget never fires
}

// TestBudgetFires: an input over its budget ends the process with the
// message (run in a child process).
func TestBudgetFires(t *testing.T) {
	if os.Getenv("FUZZGUARD_CHILD") == "1" {
		defer Budget(10 * time.Millisecond)()
		time.Sleep(5 * time.Second)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestBudgetFires$")
	cmd.Env = append(os.Environ(), "FUZZGUARD_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "slow input: still running after 10ms") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
