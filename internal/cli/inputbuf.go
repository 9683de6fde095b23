package cli

import "unsafe"

// hugePage is the size of the pages Linux backs memory with when asked
// (transparent huge pages on amd64 and arm64).
const hugePage = 2 << 20

// hugeInputMin is the buffer size from which inputBuffer asks for huge
// pages: a 2 MB page costs its whole 2 MB to clear (0.25 ms measured),
// which a file of a megabyte or more saves on its 256 or more faults of
// 4 KB pages (2.2 µs each measured on this project's machine).
const hugeInputMin = 1 << 20

// hugeInputMax bounds the buffers inputBuffer aligns, so that its sums
// stay far inside an int (32-bit platforms included); larger inputs get
// plain memory.
const hugeInputMax = 1 << 30

// inputBuffer returns a buffer of length n and capacity c for an input
// file. From hugeInputMin on, its memory starts at a 2 MB boundary and
// the kernel is asked to back it with 2 MB pages (adviseHugePages, Linux
// only): the copy of a 4 MB file into fresh 4 KB pages was 1,000 page
// faults, a millisecond on each of the two cores that read it. The last
// part of the buffer past its whole 2 MB pages is asked for too when a
// quarter or more of a page. The allocation is 4 MB larger than c, for
// the alignment; its margins are never touched, so they cost no memory.
func inputBuffer(n int, c int64) []byte {
	if c < hugeInputMin || c > hugeInputMax || !canAdviseHugePages {
		return make([]byte, n, c)
	}
	size := int(c) // at most hugeInputMax
	buf := make([]byte, size+2*hugePage)
	off := int(-uintptr(unsafe.Pointer(&buf[0])) & (hugePage - 1)) // to the next 2 MB boundary
	advised := size &^ (hugePage - 1)
	if size-advised >= hugePage/4 {
		advised += hugePage // within buf: off < 2 MB
	}
	adviseHugePages(buf[off : off+advised])
	return buf[off : off+n : off+size]
}
