package cli

import (
	"regexp"
	"testing"

	"github.com/petool/pet/internal/lazyre"
)

// The table readers' patterns are compiled on first use (lazyre), not at
// start-up: every one pet links in must compile, whether or not the
// other tests happen to use it.
func TestEveryPatternCompiles(t *testing.T) {
	patterns := lazyre.Patterns()
	if len(patterns) < 20 {
		t.Fatalf("%d patterns registered, want the table readers' two dozen", len(patterns))
	}
	for _, p := range patterns {
		if _, err := regexp.Compile(p); err != nil {
			t.Errorf("pattern %q: %v", p, err)
		}
	}
}
