package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBigFiles measures a 2,000-page table and a 100,000-page file in a
// child process (peak RSS from /usr/bin/time). It takes a minute, so it
// runs only with PET_BIG=1 (and needs qpdf and GNU time):
//
//	PET_BIG=1 go test ./internal/cli -run TestBigFiles -v
func TestBigFiles(t *testing.T) {
	if os.Getenv("PET_BIG") == "" {
		t.Skip("set PET_BIG=1 to measure big files")
	}
	for _, tool := range []string{"qpdf", "/usr/bin/time"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("needs", tool)
		}
	}
	dir := t.TempDir()
	// 2,000 pages: the sample's table page repeated between its first and
	// last pages, one table continued over 1,996 page breaks.
	pages := []string{"1", "2"}
	for i := 0; i < 1996; i++ {
		pages = append(pages, "3")
	}
	pages = append(pages, "4-9")
	table := filepath.Join(dir, "t2000.pdf")
	if out, err := exec.Command("qpdf", "--empty", "--pages", calcPDF, strings.Join(pages, ","), "--", table).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, out)
	}
	tiny := filepath.Join(dir, "p100k.pdf")
	writeFile(t, tiny, manyPages(100000))
	for _, c := range []struct {
		name string
		args []string
	}{
		{"2000-page table", []string{"parse", "-q", table, "-o", filepath.Join(dir, "t.json")}},
		{"100000 pages, default limits", []string{"parse", tiny}},
		{"100000 pages, --max-pages 100000", []string{"parse", tiny, "--max-pages", "100000"}},
	} {
		exe, _ := os.Executable()
		cmd := exec.Command("/usr/bin/time", "-f", "%e %M", exe)
		cmd.Env = append(os.Environ(), "PET_TEST_MAIN="+strings.Join(c.args, "\x1f"))
		var errb bytes.Buffer
		cmd.Stderr = &errb
		start := time.Now()
		err := cmd.Run()
		lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
		f := strings.Fields(lines[len(lines)-1])
		kb, _ := strconv.Atoi(f[len(f)-1])
		t.Logf("%s: %v, %.0f s, peak RSS %d MiB; %s", c.name, err, time.Since(start).Seconds(), kb>>10, strings.Join(lines[:len(lines)-1], " | "))
	}
}

// manyPages is a PDF of n tiny pages sharing one font and content stream.
func manyPages(n int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Length 34 >>\nstream\nBT /F1 10 Tf 50 800 Td (p) Tj ET\nendstream"}
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return buildPDF(objs)
}
