package effect

import "strings"

// Settings given to an agent CLI by file: claude --settings takes JSON
// text or a file's path. A file the same line wrote (echo '{…}' > s.json
// && claude --settings s.json, a here-document, tee, jq -n … >) holds
// what the line wrote, and its settings are read as if given inline, so
// disabling hooks or bypassing permissions through a fresh file is seen
// as the inline spelling is.

// settingsText gives the settings an agent CLI's --settings value carries:
// the value itself when it is inline JSON, else the text the line wrote to
// the file it names, else the value as given.
func settingsText(val string, fileText func(string) (string, bool)) string {
	v := strings.TrimSpace(val)
	if strings.HasPrefix(v, "{") || fileText == nil {
		return val
	}
	if t, ok := fileText(v); ok {
		return t
	}
	return val
}
