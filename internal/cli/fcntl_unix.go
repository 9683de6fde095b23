//go:build unix

package cli

import (
	"os"
	"syscall"
)

func fcntlGetfl(fd int) (int, error) {
	r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	if errno != 0 {
		return 0, errno
	}
	return int(r), nil
}

// stdoutClosed reports whether pet was started with its standard output
// closed (pet parse f.pdf >&-). The Go runtime then opens /dev/null read-write
// in its place, where every write succeeds and the output is lost; a shell's
// >/dev/null opens it write-only.
func stdoutClosed() bool {
	var st syscall.Stat_t
	if err := syscall.Fstat(1, &st); err != nil {
		return true
	}
	var null syscall.Stat_t
	if err := syscall.Stat(os.DevNull, &null); err != nil || st.Rdev != null.Rdev || st.Mode&syscall.S_IFMT != syscall.S_IFCHR {
		return false
	}
	flags, err := fcntlGetfl(1)
	return err == nil && flags&syscall.O_ACCMODE == syscall.O_RDWR
}
