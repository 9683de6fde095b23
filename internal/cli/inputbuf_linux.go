package cli

import "syscall"

// canAdviseHugePages: Linux takes the advice (unless huge pages are off).
const canAdviseHugePages = true

// adviseHugePages asks the kernel to back b, not yet touched, with huge
// pages (madvise MADV_HUGEPAGE). Where it cannot (huge pages switched
// off, an old kernel) b works as it is, so the error is dropped.
func adviseHugePages(b []byte) {
	const madvHugePage = 14 // MADV_HUGEPAGE, linux/mman.h
	_ = syscall.Madvise(b, madvHugePage)
}
