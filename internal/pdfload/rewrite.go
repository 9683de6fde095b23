package pdfload

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var disableConfigDir sync.Once

// rewrite has pdfcpu read data (decrypting it with password as user or
// owner password, rebuilding a broken cross-reference table) and write it
// back unencrypted, with a classic xref table and no object streams: the
// form the library reads best. It reports whether data was encrypted.
func rewrite(ctx context.Context, data []byte, password string) ([]byte, bool, error) {
	// Without this pdfcpu creates a configuration directory (config.yml,
	// fonts, certificates) under the user's home on first use.
	disableConfigDir.Do(func() { model.ConfigPath = "disable" }) // what api.DisableConfigDir does
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.OPTIMIZE // reading for it needs no permission bits
	conf.UserPW = password
	conf.OwnerPW = password
	conf.ValidationMode = model.ValidationRelaxed
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false

	pctx, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), conf)
	if err != nil {
		return nil, false, err
	}
	encrypted := pctx.Encrypt != nil
	// DECRYPT drops the encryption key, so everything is written in clear.
	pctx.Cmd = model.DECRYPT
	var out bytes.Buffer
	out.Grow(len(data))
	// What api.WriteContext does; pkg/api itself is not imported because it
	// pulls in a package whose init costs ~40 ms at every start of pet.
	bw := bufio.NewWriter(&out)
	pctx.Write.Writer = bw
	if err := errors.Join(pdfcpu.WriteContext(pctx), bw.Flush()); err != nil {
		return nil, encrypted, fmt.Errorf("writing: %w", err)
	}
	return out.Bytes(), encrypted, nil
}

// classifyRewrite turns a failed rewrite into one of the error kinds. why is
// the reason the library's own result was not used.
func classifyRewrite(err, why error, encrypted bool, password string) error {
	if errors.Is(err, ErrTimeout) {
		return err
	}
	if errors.Is(err, pdfcpu.ErrWrongPassword) {
		if password == "" {
			return fail(ErrNeedPassword, err)
		}
		return fail(ErrWrongPassword, err)
	}
	cause := fmt.Errorf("%v; repair: %w", why, err)
	if encrypted || errors.Is(why, errLibraryEncryption) || strings.Contains(why.Error(), "encrypt") {
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") {
			return fail(ErrUnsupportedEncryption, cause)
		}
	}
	return fail(ErrDamaged, cause)
}
