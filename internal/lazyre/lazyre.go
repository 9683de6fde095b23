// Package lazyre holds regular expressions that are compiled on their
// first use instead of when the program starts.
//
// Go runs every package's initialization before main, one package after
// the other on one core: the two dozen patterns of pet's table readers
// took a fifth of a millisecond of each run there, also for runs that
// never use them (pet --version, a file that is no PDF, a layout that is
// not on the page). A Regexp here is compiled once, by whichever
// goroutine uses it first, and is then the compiled regexp.Regexp.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use. Its methods are
// those of regexp.Regexp of the same name. A pattern that does not
// compile panics on first use, as regexp.MustCompile does at start-up;
// Patterns lists every pattern so a test can compile them all.
type Regexp struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

var (
	allMu sync.Mutex
	all   []*Regexp
)

// New returns the regular expression of pattern, to be compiled on first
// use. It is meant for package-level variables, in place of
// regexp.MustCompile.
func New(pattern string) *Regexp {
	r := &Regexp{pattern: pattern}
	allMu.Lock()
	all = append(all, r)
	allMu.Unlock()
	return r
}

// Patterns returns the patterns of every Regexp made by New so far.
func Patterns() []string {
	allMu.Lock()
	defer allMu.Unlock()
	patterns := make([]string, len(all))
	for i, r := range all {
		patterns[i] = r.pattern
	}
	return patterns
}

// CompileAll compiles every Regexp made by New so far that no one has
// used yet. A program runs it on a goroutine of its own while it does
// something else (pet: while it opens a PDF, on the core that is idle
// then), so that the goroutines that use the patterns find them compiled.
// A pattern that does not compile is skipped: it panics on first use, as
// it would have without CompileAll.
func CompileAll() {
	allMu.Lock()
	regexps := append([]*Regexp(nil), all...)
	allMu.Unlock()
	for _, r := range regexps {
		re, err := regexp.Compile(r.pattern)
		if err != nil {
			continue
		}
		r.once.Do(func() { r.re = re }) // a no-op when a user compiled it first
	}
}

// Compiled returns the compiled regular expression.
func (r *Regexp) Compiled() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.pattern) })
	return r.re
}

// String returns the pattern.
func (r *Regexp) String() string { return r.pattern }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.Compiled().MatchString(s) }

// Match is regexp.Regexp.Match.
func (r *Regexp) Match(b []byte) bool { return r.Compiled().Match(b) }

// FindIndex is regexp.Regexp.FindIndex.
func (r *Regexp) FindIndex(b []byte) []int { return r.Compiled().FindIndex(b) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.Compiled().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Compiled().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Compiled().FindStringSubmatchIndex(s)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Compiled().ReplaceAllString(src, repl)
}
