package shell

import (
	"reflect"
	"testing"
)

// TestCodeFactsNoneSeesEveryField sets each field of CodeFacts in turn and
// checks that None sees it: a field added to the facts and forgotten by
// None would let the effects skip a command's code (effect's quiet
// commands).
func TestCodeFactsNoneSeesEveryField(t *testing.T) {
	var zero CodeFacts
	if !zero.None() {
		t.Fatal("the zero CodeFacts is not None")
	}
	typ := reflect.TypeOf(zero)
	for i := range typ.NumField() {
		var c CodeFacts
		f := reflect.ValueOf(&c).Elem().Field(i)
		switch f.Kind() {
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Uint8:
			f.SetUint(1)
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.ValueOf("x")))
		default:
			t.Fatalf("field %s: kind %s not handled here (teach the test and None)", typ.Field(i).Name, f.Kind())
		}
		if c.None() {
			t.Errorf("None does not see %s", typ.Field(i).Name)
		}
	}
}
