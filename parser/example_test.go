package parser_test

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/petool/pet/parser"
)

// Parse a budget PDF and print what it holds.
func Example() {
	f, err := os.Open("../testdata/corpus/zengcheng-2023.calc.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := parser.Parse(f, st.Size(), parser.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Layout, doc.Pages, "pages,", len(doc.Rows), "rows")
	fmt.Println(doc.Title)
	r := doc.Rows[3]
	fmt.Println(r.Level, r.Name, r.Total)
	fmt.Println(len(r.Indicators), "indicators, the first:", r.Indicators[0].Name, r.Indicators[0].AnnualValue)
	// Output:
	// indicator-text 9 pages, 41 rows
	// 项目支出绩效目标表（含转移支付项目）
	// project 区南部政务服务中心后勤保障费 54.04
	// 3 indicators, the first: 后勤服务工作完成率 95%以上
}

// An input that is not a PDF fails with a *parser.Error of kind ErrNotPDF.
func ExampleError() {
	data := []byte("<html>not found</html>")
	_, err := parser.Parse(bytesReader(data), int64(len(data)), parser.Options{})
	var pe *parser.Error
	fmt.Println(errors.Is(err, parser.ErrNotPDF), errors.As(err, &pe), err)
	// Output:
	// true true not a PDF file
}

type bytesReader []byte

func (b bytesReader) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
