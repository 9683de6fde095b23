# Convenience targets; the README's commands work without make.
GO ?= go
FUZZTIME ?= 10m

.PHONY: build test race vet ci bench pgo fuzz fixtures clean

# Static: pet needs no cgo, and a static binary starts sooner.
build:
	CGO_ENABLED=0 $(GO) build -o pet ./cmd/pet

test:
	$(GO) test ./...

# The race detector over the packages that run goroutines (needs cgo);
# .ci/run runs the same list.
RACE_PKGS = ./internal/batch ./internal/atomicfile ./internal/pdfload ./internal/cli ./internal/grid ./internal/layout
race:
	$(GO) test -race -count=1 $(RACE_PKGS)
	$(GO) test -race -count=1 -run 'Parallel' ./parser
	$(GO) test -race -count=1 -run 'SharedFonts|ForkShares' ./internal/pdfpage
	$(GO) test -race -count=1 -run 'ParseAll' ./indicator

# What CI runs: gofmt, vet, every test, then race.
ci:
	bash .ci/run

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

# Go benchmarks of every package, then the whole pet process against
# pdftotext -layout on the same files (scripts/bench.sh; needs poppler-utils).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	scripts/bench.sh

# Regenerate cmd/pet/default.pgo, the profile go build optimizes pet with
# (PGO), from BenchmarkFiles over real budgets (PET_PDFS=dir to choose them).
pgo:
	scripts/pgo.sh

# Each fuzz target for FUZZTIME (default 10m); crashers land in the
# package's testdata/fuzz/ and then run as regression tests in `go test`.
# The PDF targets give each input a time budget (a slow input is a
# failure) and seed self-drawing forms and the hostile files of
# testdata/bad; minimizing an input is capped so that it does not eat the
# run.
FUZZMIN ?= 10s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./indicator
	$(GO) test -run '^$$' -fuzz '^FuzzParseBuilt$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./indicator
	$(GO) test -run '^$$' -fuzz '^FuzzParseTarget$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./indicator
	$(GO) test -run '^$$' -fuzz '^FuzzTargetOf$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./indicator
	$(GO) test -run '^$$' -fuzz '^FuzzParseMoney$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./document
	$(GO) test -run '^$$' -fuzz '^FuzzContentStream$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/pdfpage
	$(GO) test -run '^$$' -fuzz '^FuzzEmbeddedFontTables$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/pdfpage
	$(GO) test -run '^$$' -fuzz '^FuzzFind$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/grid
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/layout/projectforms
	$(GO) test -run '^$$' -fuzz '^FuzzParsePDF$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./parser
	$(GO) test -run '^$$' -fuzz '^FuzzIsTitleLine$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./parser
	$(GO) test -run '^$$' -fuzz '^FuzzAppendIndent$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./export
	$(GO) test -run '^$$' -fuzz '^FuzzWriteString$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/xlsx
	$(GO) test -run '^$$' -fuzz '^FuzzRecycle$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/pdfsyntax
	$(GO) test -run '^$$' -fuzz '^FuzzUnitNeedsCloseBracket$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/layout/projectforms
	$(GO) test -run '^$$' -fuzz '^FuzzGroupLines$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/layout/indicatortext
	$(GO) test -run '^$$' -fuzz '^FuzzColumnsValues$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/pdfload
	$(GO) test -run '^$$' -fuzz '^FuzzAppendJSONString$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./export
	$(GO) test -run '^$$' -fuzz '^FuzzIsJSONNumber$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./export

# Regenerate the generated fixtures (fpdf, committed fonts; needs only Go).
fixtures:
	rm -f testdata/fixtures/*.pdf testdata/fixtures/*.json
	$(GO) run ./internal/fixture/cmd/genfixtures -named -o testdata/fixtures

clean:
	rm -f pet
