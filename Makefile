# Convenience targets; the README's commands work without make.
GO ?= go
FUZZTIME ?= 10m

.PHONY: build test vet bench fuzz fixtures clean

build:
	$(GO) build -o pet ./cmd/pet

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f pet
