//go:build !linux

package cli

// canAdviseHugePages: only Linux has transparent huge pages to ask for.
const canAdviseHugePages = false

func adviseHugePages([]byte) {}
