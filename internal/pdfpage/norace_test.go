//go:build !race

package pdfpage

// raceEnabled: the tests run under the race detector.
const raceEnabled = false
