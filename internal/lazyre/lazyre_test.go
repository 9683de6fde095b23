package lazyre

import (
	"reflect"
	"regexp"
	"slices"
	"sync"
	"testing"
)

// Every method answers as regexp.Regexp's of the same name.
func TestMethodsAreRegexps(t *testing.T) {
	const pattern = `([0-9]+)年(度)?`
	lazy, re := New(pattern), regexp.MustCompile(pattern)
	for _, s := range []string{"", "2026年", "（2026年度）预算", "二〇二六年", "12年 34年度"} {
		b := []byte(s)
		for _, c := range []struct {
			name      string
			got, want any
		}{
			{"MatchString", lazy.MatchString(s), re.MatchString(s)},
			{"Match", lazy.Match(b), re.Match(b)},
			{"FindIndex", lazy.FindIndex(b), re.FindIndex(b)},
			{"FindStringIndex", lazy.FindStringIndex(s), re.FindStringIndex(s)},
			{"FindStringSubmatch", lazy.FindStringSubmatch(s), re.FindStringSubmatch(s)},
			{"FindStringSubmatchIndex", lazy.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)},
			{"ReplaceAllString", lazy.ReplaceAllString(s, "<$1>"), re.ReplaceAllString(s, "<$1>")},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s(%q) = %v, want %v", c.name, s, c.got, c.want)
			}
		}
	}
	if lazy.String() != pattern {
		t.Errorf("String() = %q, want %q", lazy.String(), pattern)
	}
}

// Nothing is compiled before the first use; then once, also when many
// goroutines use it first at the same time.
func TestCompiledOnceOnFirstUse(t *testing.T) {
	lazy := New(`^表[0-9]+$`)
	if lazy.re != nil {
		t.Fatal("compiled before its first use")
	}
	var wg sync.WaitGroup
	got := make([]*regexp.Regexp, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = lazy.Compiled()
		}()
	}
	wg.Wait()
	for i, re := range got {
		if re == nil || re != got[0] {
			t.Fatalf("goroutine %d got %p, goroutine 0 %p: not one compiled regexp", i, re, got[0])
		}
	}
	if !lazy.MatchString("表12") || lazy.MatchString("表一") {
		t.Error("the compiled pattern does not match as written")
	}
}

// A pattern that does not compile is accepted by New and panics on first
// use, as regexp.MustCompile would have at start-up.
func TestBadPatternPanicsOnFirstUse(t *testing.T) {
	lazy := New(`(unclosed`)
	defer func() {
		if recover() == nil {
			t.Error("no panic for a pattern that does not compile")
		}
	}()
	lazy.MatchString("x")
}

func TestPatternsListsEveryPattern(t *testing.T) {
	New(`^listed-a$`)
	New(`^listed-b$`)
	got := Patterns()
	for _, p := range []string{`^listed-a$`, `^listed-b$`} {
		if !slices.Contains(got, p) {
			t.Errorf("Patterns() lacks %q", p)
		}
	}
}

// TestCompileAll: CompileAll compiles what no one has used, keeps what a
// user compiled first, skips a pattern that does not compile (it still
// panics on first use), and is safe alongside first uses and itself.
func TestCompileAll(t *testing.T) {
	used := New(`^used-first$`)
	first := used.Compiled()
	unused := New(`^unused-[0-9]+$`)
	raced := New(`^raced-[a-z]+$`)
	bad := New(`(still unclosed`)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(2)
		go func() { defer wg.Done(); CompileAll() }()
		go func() {
			defer wg.Done()
			if !raced.MatchString("raced-x") {
				t.Error("raced pattern does not match")
			}
		}()
	}
	wg.Wait()
	if unused.re == nil {
		t.Fatal("CompileAll left an unused pattern uncompiled")
	}
	if !unused.MatchString("unused-7") || unused.MatchString("unused-x") {
		t.Error("the pattern CompileAll compiled does not match as written")
	}
	if used.Compiled() != first {
		t.Error("CompileAll replaced a regexp its user had compiled")
	}
	defer func() {
		if recover() == nil {
			t.Error("no panic on first use of a pattern CompileAll skipped")
		}
	}()
	bad.MatchString("x")
}
