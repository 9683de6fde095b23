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

// EntryRef returns the object that dictionary v's entry key refers to
// (object number << 16 | generation, as ObjectID gives it once resolved),
// without reading the object: 0 when the entry is missing or direct, v is
// no dictionary, or should the library's layout change. v.Key(key) resolves
// the entry to a Value whose ObjectID is EntryRef(v, key) when the object
// exists, so a caller that keeps what it read by ObjectID can look there
// first. Like ObjectID it reads unexported fields by reflection, without
// unsafe.
func EntryRef(v pdf.Value, key string) uint64 {
	if dataField < 0 || ptrField < 0 || v.Kind() != pdf.Dict {
		return 0
	}
	d := reflect.ValueOf(v).Field(dataField)
	if d.IsNil() {
		return 0
	}
	m := d.Elem()
	if m.Kind() != reflect.Map || m.Type().Key().Kind() != reflect.String {
		return 0
	}
	e := m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
	if !e.IsValid() || e.Kind() != reflect.Interface || e.IsNil() {
		return 0
	}
	ref := e.Elem()
	if ref.Type() != ptrType {
		return 0
	}
	return ref.Field(0).Uint()<<16 | ref.Field(1).Uint()
}

// ptrType is the type of pdf.Value's "ptr" field: the library's reference
// to an indirect object, as dictionaries and arrays hold them.
var ptrType = func() reflect.Type {
	if ptrField < 0 {
		return nil
	}
	return reflect.TypeFor[pdf.Value]().Field(ptrField).Type
}()
