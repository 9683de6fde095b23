// Command pet turns the project expenditure performance target tables
// (项目支出绩效目标表) of Chinese budget PDFs into JSON, CSV, YAML and XLSX.
package main

import (
	"os"

	"github.com/petool/pet/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
