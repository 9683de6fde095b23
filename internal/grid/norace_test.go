//go:build !race

package grid

// raceEnabled: the tests run under the race detector.
const raceEnabled = false
