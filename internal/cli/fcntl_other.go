//go:build !unix

package cli

// stdoutClosed cannot be told on this system.
func stdoutClosed() bool { return false }
