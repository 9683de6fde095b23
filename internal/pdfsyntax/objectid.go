package pdfsyntax

import (
	"reflect"

	"github.com/ledongthuc/pdf"
)

// ptrField is the index of pdf.Value's unexported "ptr" field (a struct of
// object number and generation), or -1 if the library has none such.
var ptrField = func() int {
	f, ok := reflect.TypeFor[pdf.Value]().FieldByName("ptr")
	if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.Struct || f.Type.NumField() < 2 {
		return -1
	}
	for i := 0; i < 2; i++ {
		switch f.Type.Field(i).Type.Kind() {
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		default:
			return -1
		}
	}
	return f.Index[0]
}()

// ObjectID identifies the indirect object v was read from: object number
// << 16 | generation, 0 for a direct object. github.com/ledongthuc/pdf keeps
// the object number in an unexported field (Value.ptr, a struct of id and
// gen); this is the only place pet reads it, by reflection and without
// unsafe, and it yields 0 should the library's layout ever change.
func ObjectID(v pdf.Value) uint64 {
	if ptrField < 0 {
		return 0
	}
	f := reflect.ValueOf(v).Field(ptrField)
	return f.Field(0).Uint()<<16 | f.Field(1).Uint()
}

// dataField is the index of pdf.Value's unexported "data" field (the
// object: for a stream, a struct with its file offset), or -1.
var dataField = func() int {
	f, ok := reflect.TypeFor[pdf.Value]().FieldByName("data")
	if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.Interface {
		return -1
	}
	return f.Index[0]
}()

// StreamOffset returns where the data of stream v starts in the file the
// library reads (just after the stream keyword's end of line), ok false for
// a value that is not a stream or should the library's layout change.
// Like ObjectID it reads an unexported field by reflection, without unsafe.
func StreamOffset(v pdf.Value) (offset int64, ok bool) {
	if dataField < 0 || v.Kind() != pdf.Stream {
		return 0, false
	}
	d := reflect.ValueOf(v).Field(dataField)
	if d.IsNil() {
		return 0, false
	}
	s := d.Elem()
	if s.Kind() != reflect.Struct || s.Type().Name() != "stream" {
		return 0, false
	}
	f := s.FieldByName("offset")
	if !f.IsValid() || f.Kind() != reflect.Int64 {
		return 0, false
	}
	return f.Int(), true
}
