package export

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/petool/pet/document"
)

// Parquet column types. Money is DECIMAL(18, 6): the exact millionths that
// document.Money holds (12 integer digits and 6 decimals, an int64), so
// pandas, polars, R arrow and DuckDB read it as a decimal, never a float.
// Target values and weights are DOUBLE (comparable numbers, not money);
// counts and sequence numbers INT64; text STRING. Cells a line may lack
// (money, numbers, a document's year, a warning's row and page) are
// optional; text is required, "" for none, as in CSV.
const (
	parquetMoneyScale     = document.MaxDecimals
	parquetMoneyPrecision = 18
)

var (
	typeString  = reflect.TypeFor[string]()
	typeInt     = reflect.TypeFor[int64]()
	typeOptInt  = reflect.TypeFor[*int64]()
	typeOptReal = reflect.TypeFor[*float64]()
)

// parquetName is a column's name in a Parquet file: its English header,
// with ASCII commas made full-width (a struct tag cannot carry them).
func parquetName(en string) string { return strings.ReplaceAll(en, ",", "，") }

// parquetRowType builds the Go struct type whose parquet schema is the
// table's columns, in order.
func parquetRowType(s *schema) reflect.Type {
	cols := s.columns()
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		tag := parquetName(c.en)
		var typ reflect.Type
		switch c.kind {
		case kInt:
			typ = typeInt
			if c.optional {
				typ, tag = typeOptInt, tag+",optional"
			}
		case kMoney:
			typ = typeOptInt
			tag += fmt.Sprintf(",optional,decimal(%d:%d)", parquetMoneyScale, parquetMoneyPrecision)
		case kDecimal:
			typ, tag = typeOptReal, tag+",optional"
		default:
			typ = typeString
		}
		fields[i] = reflect.StructField{
			Name: "F" + strconv.Itoa(i),
			Type: typ,
			Tag:  reflect.StructTag("parquet:" + strconv.Quote(tag)),
		}
	}
	return reflect.StructOf(fields)
}

// parquetEncoder writes one flat table as a Parquet file. The schema names
// every column, the other_money / extra keys of the whole batch included,
// so the batch is spooled and the file written on close (one document is
// just held).
type parquetEncoder struct {
	out    io.Writer
	schema *schema
	one    *document.Document
	spool  *spool
}

func (e *parquetEncoder) write(doc *document.Document) error {
	e.schema.observe(doc)
	if e.one == nil && e.spool == nil {
		e.one = doc
		return nil
	}
	if e.spool == nil {
		sp, err := newSpool()
		if err != nil {
			return err
		}
		e.spool = sp
		if err := sp.add(e.one); err != nil {
			return err
		}
		e.one = nil
	}
	return e.spool.add(doc)
}

func (e *parquetEncoder) close(complete bool) (err error) {
	if e.spool != nil {
		defer func() {
			if rerr := e.spool.remove(); err == nil {
				err = rerr
			}
		}()
	}
	if !complete {
		return nil
	}
	typ := parquetRowType(e.schema)
	pw := parquet.NewWriter(e.out, parquet.SchemaOf(reflect.New(typ).Interface()), parquet.Compression(&parquet.Zstd))
	row := reflect.New(typ)
	cols := e.schema.columns()
	writeDoc := func(doc *document.Document) error {
		return e.schema.rows(doc, func(cells []any) error {
			v := row.Elem()
			v.SetZero()
			for i, c := range cells {
				if err := setParquetCell(v.Field(i), cols[i], c); err != nil {
					return fmt.Errorf("column %s: %w", cols[i].en, err)
				}
			}
			return pw.Write(row.Interface())
		})
	}
	switch {
	case e.spool != nil:
		err = e.spool.each(writeDoc)
	case e.one != nil:
		err = writeDoc(e.one)
	}
	if err != nil {
		return err
	}
	return pw.Close()
}

// setParquetCell stores a table cell in a field of the row struct.
func setParquetCell(f reflect.Value, c column, v any) error {
	switch v := v.(type) {
	case nil:
		return nil // zero: "", or null for an optional column
	case string:
		f.SetString(v)
	case int:
		if f.Kind() == reflect.Pointer {
			x := int64(v)
			f.Set(reflect.ValueOf(&x))
		} else {
			f.SetInt(int64(v))
		}
	case *document.Money:
		if v != nil {
			x := v.Micros
			f.Set(reflect.ValueOf(&x))
		}
	case document.Decimal:
		if v == "" {
			return nil
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", string(v))
		}
		f.Set(reflect.ValueOf(&x))
	default:
		return fmt.Errorf("unexpected cell %T", v)
	}
	return nil
}
