package cli

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run pet as a child process (the test binary itself),
// for what only a process shows: exit codes on signals, a closed stdout.
func TestMain(m *testing.M) {
	if args := os.Getenv("PET_TEST_MAIN"); args != "" {
		os.Exit(Main(strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// petProcess returns a command running pet with args in a child process.
func petProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "PET_TEST_MAIN="+strings.Join(args, "\x1f"))
	return cmd
}

// tinyPDF builds a one-page PDF with the given content stream and stream
// dictionary entries.
func tinyPDF(dict, content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(content), content),
	}
	return buildPDF(objs)
}

func buildPDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func zlibString(b []byte) string {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.String()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, data)
}

// noTemps fails when a temporary output file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestHostileFileInBatch: a content stream whose predictor asks for a
// terabyte (a fatal out-of-memory crash before) is one line about that file;
// the batch's good file is converted, and no temporary file is left.
func TestHostileFileInBatch(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	writeFile(t, bad, tinyPDF("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1099511627776 >>", zlibString([]byte("\x02q Q"))))
	good := filepath.Join(dir, "good.pdf")
	copyFile(t, calcPDF, good)
	out := filepath.Join(dir, "all.json")
	code, _, errs := run(t, nil, "parse", bad, good, "-o", out)
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1; stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "pet: "+bad+": ") || strings.Contains(errs, "goroutine") {
		t.Errorf("stderr %q, want one line for bad.pdf, one for the warnings, one summary", errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(data, []byte(`"source": "`+good+`"`)) {
		t.Errorf("the good file is not in the output (%v)", err)
	}
	noTemps(t, dir)
}

// TestOutputIsAnInput: pet refuses to write over one of its inputs, whatever
// the name it is given by; the input is left as it was.
func TestOutputIsAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	copyFile(t, calcPDF, in)
	orig, _ := os.ReadFile(in)
	sym := filepath.Join(dir, "link.json")
	if err := os.Symlink(in, sym); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.json")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(dir, "x.json") // a PDF named x.json
	copyFile(t, calcPDF, named)
	for _, c := range [][]string{
		{"parse", in, "-f", "json", "-o", in},
		{"parse", in, "-o", sym},
		{"parse", in, "-o", hard},
		{"parse", named, "-o", named},
		{"parse", named, calcPDF, "-o", dir + "/", "-f", "json"}, // dir/x.json from x.json
	} {
		code, _, errs := run(t, nil, c...)
		if code != ExitUsage || !strings.Contains(errs, "is also an input") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line", c, code, errs)
		}
		for _, p := range []string{in, named} {
			if now, _ := os.ReadFile(p); !bytes.Equal(now, orig) {
				t.Fatalf("%q: %s changed", c, p)
			}
		}
	}
	noTemps(t, dir)
}

// TestOutputDirectoryNamesAreUnique: d1/a.pdf, d1/a-2.pdf and d2/a.pdf give
// three files, none written over another.
func TestOutputDirectoryNamesAreUnique(t *testing.T) {
	dir := t.TempDir()
	ins := []string{filepath.Join(dir, "d1", "a.pdf"), filepath.Join(dir, "d1", "a-2.pdf"), filepath.Join(dir, "d2", "a.pdf")}
	for _, p := range ins {
		copyFile(t, calcPDF, p)
	}
	out := filepath.Join(dir, "out") + "/"
	code, _, errs := run(t, nil, append([]string{"parse", "-q", "-o", out, "-f", "json"}, ins...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "a-2.json a-3.json a.json" {
		t.Fatalf("outputs %v, want a.json a-2.json a-3.json", names)
	}
	for i, want := range []string{"a.json", "a-2.json", "a-3.json"} {
		data, _ := os.ReadFile(filepath.Join(out, want))
		if !bytes.Contains(data, []byte(`"source": "`+ins[i]+`"`)) {
			t.Errorf("%s is not the output of %s", want, ins[i])
		}
	}
}

// TestFIFOInDirectoryIsSkipped: a named pipe among the PDFs of a directory
// is not opened (it would hang pet until someone writes to it).
func TestFIFOInDirectoryIsSkipped(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, calcPDF, filepath.Join(dir, "a.pdf"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.pdf"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan int, 1)
	go func() {
		code, _, _ := run(t, nil, "parse", "-q", dir, "-o", filepath.Join(t.TempDir(), "x.json"))
		done <- code
	}()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("exit %d", code)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("pet hangs on a FIFO in an input directory")
	}
}

// zeros is an endless reader, like /dev/zero.
type zeros struct{ prefix []byte }

func (z *zeros) Read(p []byte) (int, error) {
	n := copy(p, z.prefix)
	z.prefix = z.prefix[n:]
	for i := n; i < len(p); i++ {
		p[i] = 0
	}
	return len(p), nil
}

// TestEndlessStdin: pet parse - </dev/zero ends, at the header or at the
// input-size limit.
func TestEndlessStdin(t *testing.T) {
	for _, c := range []struct {
		prefix string
		args   []string
		want   string
	}{
		{"", nil, "pet: -: not a PDF file\n"},
		{"%PDF-1.7\n", []string{"--max-input-size", "2M"}, "pet: -: input size over the limit of 2 MiB (raise it with --max-input-size)\n"},
	} {
		var out, errb bytes.Buffer
		code := Main(append([]string{"parse", "-"}, c.args...), &zeros{prefix: []byte(c.prefix)}, &out, &errb)
		if code != ExitFailed || errb.String() != c.want {
			t.Errorf("exit %d stderr %q, want 1 and %q", code, errb.String(), c.want)
		}
	}
}

// TestInputLimits: a file larger than --max-input-size is refused from its
// size (a sparse 4 GB file costs nothing), and one with more pages than
// --max-pages from its page tree.
func TestInputLimits(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "sparse.pdf")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.7\n")
	if err := f.Truncate(4 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, _, errs := run(t, nil, "parse", sparse)
	runtime.ReadMemStats(&after)
	if code != ExitFailed || errs != "pet: "+sparse+": input size over the limit of 512 MiB (raise it with --max-input-size)\n" {
		t.Errorf("sparse: exit %d, stderr %q", code, errs)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 16<<20 {
		t.Errorf("sparse: %d MiB allocated", d>>20)
	}
	code, _, errs = run(t, nil, "parse", calcPDF, "--max-pages", "5")
	if code != ExitFailed || errs != "pet: "+calcPDF+": pages over the limit of 5 (raise it with --max-pages)\n" {
		t.Errorf("pages: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := run(t, nil, "parse", calcPDF, "--max-pages", "9", "-q"); code != ExitOK {
		t.Errorf("9 pages with --max-pages 9: exit %d", code)
	}
	if code, _, errs := run(t, nil, "parse", calcPDF, "--max-input-size", "12Q"); code != ExitUsage {
		t.Errorf("bad size: exit %d %q", code, errs)
	}
}

// TestCorruptPageIsAWarning: 64 bytes garbled in the middle of a page's
// compressed stream make a page-unreadable warning, not a silently shorter
// page (exit 3 with --strict).
func TestCorruptPageIsAWarning(t *testing.T) {
	data, err := os.ReadFile(calcPDF)
	if err != nil {
		t.Fatal(err)
	}
	// The longest FlateDecode stream of the file: a page's content.
	best, bestLen := -1, 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("stream\n"))
		if j < 0 {
			break
		}
		start := i + j + len("stream\n")
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			break
		}
		if end > bestLen && bytes.Contains(data[max(0, i+j-200):i+j], []byte("FlateDecode")) {
			best, bestLen = start, end
		}
		i = start + end
	}
	if best < 0 {
		t.Fatal("no compressed stream")
	}
	corrupt := append([]byte(nil), data...)
	mid := best + bestLen/2
	for k := mid; k < mid+64; k++ {
		corrupt[k] ^= 0xa5
	}
	code, out, errs := run(t, corrupt, "parse", "-", "--strict")
	if code != ExitWarning || !strings.Contains(out, `"page-unreadable"`) || !strings.Contains(out, "corrupt stream data") {
		t.Errorf("exit %d, stderr %q; want 3 and a page-unreadable warning for the corrupt data", code, errs)
	}
}

// TestTimeout: a file that takes too long is given up after --timeout, its
// work stopped; the batch's other file is converted.
func TestTimeout(t *testing.T) {
	dir := t.TempDir()
	// 1,000 pages sharing one content stream of 2 million operators:
	// minutes of work in a 100 kB file.
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	for i := 0; i < 1000; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+i))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1000 >>", strings.Join(kids, " "))
	content := zlibString([]byte(strings.Repeat("q Q ", 1<<20-16)))
	objs = append(objs, fmt.Sprintf("<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", len(content), content))
	for i := 0; i < 1000; i++ {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>")
	}
	slow := filepath.Join(dir, "slow.pdf")
	writeFile(t, slow, buildPDF(objs))
	start := time.Now()
	// The budget leaves the good file room on a loaded machine under -race
	// (it takes well under a second alone).
	code, _, errs := run(t, nil, "parse", "-j", "1", "--timeout", "8s", slow, calcPDF, "-o", filepath.Join(dir, "out.json"))
	elapsed := time.Since(start)
	if code != ExitFailed || !strings.Contains(errs, "pet: "+slow+": gave up after 8s (raise it with --timeout)\n") ||
		!strings.Contains(errs, "2 files: 1 converted") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if elapsed > 40*time.Second {
		t.Errorf("took %v", elapsed)
	}
	// No page of the slow file is still being read.
	time.Sleep(100 * time.Millisecond)
	buf := make([]byte, 1<<20)
	if st := string(buf[:runtime.Stack(buf, true)]); strings.Contains(st, "pdfpage.(*interp)") {
		t.Errorf("page reading still running after the file was given up:\n%s", st)
	}
}

// TestControlCharactersEscaped: a file name with a newline or an ESC
// sequence is printed escaped, on one line, in every message about it.
func TestControlCharactersEscaped(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\n\x1b[31mname.pdf")
	copyFile(t, calcPDF, name) // a good file: its warnings line names it
	bad := filepath.Join(dir, "bad\x1b]0;x\x07.pdf")
	writeFile(t, bad, []byte("not a pdf"))
	code, _, errs := run(t, nil, "parse", name, bad, "-o", filepath.Join(dir, "out.json"))
	if code != ExitFailed {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsAny(errs, "\x1b\x07") || strings.Count(errs, "\n") != 3 {
		t.Errorf("stderr not printable lines: %q", errs)
	}
	if !strings.Contains(errs, `evil\n\x1b[31mname.pdf: 5 warnings`) || !strings.Contains(errs, `bad\x1b]0;x\a.pdf: not a PDF file`) {
		t.Errorf("stderr %q", errs)
	}
}

// TestNoGoInternalsInMessages: runtime errors and endless numbers never
// reach the user.
func TestNoGoInternalsInMessages(t *testing.T) {
	got := fileError("f.pdf", fmt.Errorf("page 2: loading %s: found x", strings.Repeat("9", 400))).Error()
	if len(got) > 80 || !strings.Contains(got, "99999…") {
		t.Errorf("message %q", got)
	}
}

// TestClosedStdout: pet parse f.pdf >&- is an error, not a lost output.
func TestClosedStdout(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	exe, _ := os.Executable()
	cmd := exec.Command("sh", "-c", `exec "$0" >&-`, exe)
	cmd.Env = append(os.Environ(), "PET_TEST_MAIN=parse\x1f"+calcPDF)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if !errorsAs(err, &ee) || ee.ExitCode() != ExitFailed || !strings.Contains(errb.String(), "standard output is closed") {
		t.Errorf("err %v, stderr %q; want exit 1 and a line about standard output", err, errb.String())
	}
	// >/dev/null is fine.
	cmd = exec.Command("sh", "-c", `exec "$0" >/dev/null`, exe)
	cmd.Env = append(os.Environ(), "PET_TEST_MAIN=parse\x1f-q\x1f"+calcPDF)
	if err := cmd.Run(); err != nil {
		t.Errorf(">/dev/null: %v", err)
	}
}

func errorsAs(err error, target **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	if ok {
		*target = e
	}
	return ok
}

// TestSignalRemovesTempFile: SIGINT or SIGTERM during a batch leaves no
// temporary file and no output; pet exits 130 or 143.
func TestSignalRemovesTempFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		out := filepath.Join(dir, "all.json")
		args := []string{"parse", "-q", "-j", "1", "-o", out}
		for i := 0; i < 200; i++ {
			args = append(args, calcPDF)
		}
		cmd := petProcess(t, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			entries, _ := os.ReadDir(dir)
			if len(entries) > 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		want := 128 + int(sig)
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != want {
			t.Errorf("%v: %v, want exit %d", sig, err, want)
		}
		noTemps(t, dir)
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: %s written", sig, out)
		}
	}
}
