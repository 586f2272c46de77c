package engine

import "strings"

// A tool that gets a file's metadata shows what ls -l does, not the file
// (pathVerb). A name that joins the metadata to the file itself
// (get_file_with_metadata, get_file_size_and_content, stat_and_get_file)
// or arguments that ask for the content as well (get_info
// {include_content: true}, {return: "contents"}) read the file.

// metadataOnly reports a tool name whose every part, split at its
// connectives (and, with, plus, then), names a file's metadata
// (get_file_info, file_exists), and no word of which names the content.
func metadataOnly(words []string) bool {
	meta, part := false, false
	for _, w := range words {
		switch {
		case contentWord(w):
			return false
		case w == "and" || w == "with" || w == "plus" || w == "then" || w == "including":
			if !part {
				return false
			}
			part = false
		case metadataWord(w):
			part, meta = true, true
		}
	}
	return meta && part
}

// contentWord reports a word that names a file's content rather than
// its metadata.
func contentWord(w string) bool {
	switch w {
	case "content", "contents", "text", "body", "data", "bytes", "raw", "source":
		return true
	}
	return false
}

// asksContent reports arguments that ask a tool for the content of what
// it names: a flag for it set ({include_content: true}, {with_text:
// true}) or the word itself as a value ({return: "contents"}, {fields:
// ["size", "content"]}).
func asksContent(args map[string]any) bool {
	for k, v := range args {
		switch v := v.(type) {
		case bool:
			if v && keyNamesContent(k) {
				return true
			}
		case string:
			if contentValue(v) {
				return true
			}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok && contentValue(s) {
					return true
				}
			}
		}
	}
	return false
}

// contentValue reports a value that asks for a file's content by name
// ("contents"; not "text", which is as often a format).
func contentValue(v string) bool {
	v = strings.ToLower(v)
	return v == "content" || v == "contents"
}

// keyNamesContent reports an argument name with a content word among its
// words (include_content, withText, returnBody).
func keyNamesContent(k string) bool {
	for _, w := range ToolWords(k) {
		if contentWord(w) {
			return true
		}
	}
	return false
}
