package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// XML run configurations and build files (a JetBrains shell run
// configuration's SCRIPT_TEXT, in .run/*.run.xml, .idea/runConfigurations
// or .idea/workspace.xml's RunManager; Maven's exec plugin; Ant's exec)
// are read by their elements and attributes as XML has them: attributes in
// any order, single or double quotes, across lines; an exec's command
// attribute, its args' value and line, and Maven's commandlineArgs.

// xmlRunConfigs reports a file of XML run configurations or a build file
// whose exec steps run on request.
func xmlRunConfigs(p, base, dir string) bool {
	lower := strings.ToLower(base)
	return lower == "pom.xml" || lower == "build.xml" || strings.HasSuffix(lower, ".run.xml") ||
		dir == "runConfigurations" && strings.HasSuffix(lower, ".xml") ||
		lower == "workspace.xml" && path.Base(path.Dir(p)) == ".idea"
}

// xmlTag is one start tag: its attributes and the text up to its end tag
// ("" for a self-closing one).
type xmlTag struct {
	attrs map[string]string
	body  string
}

// xmlTags returns the start tags named name in s, in order.
func xmlTags(s, name string) []xmlTag {
	var out []xmlTag
	for len(out) < maxAutoRunLines {
		k := strings.Index(s, "<"+name)
		if k < 0 {
			return out
		}
		s = s[k+1+len(name):]
		if s == "" || !strings.ContainsRune(" \t\r\n/>", rune(s[0])) {
			continue // <executable> for <exec
		}
		attrs, rest, selfClosing := xmlAttrs(s)
		t := xmlTag{attrs: attrs}
		if !selfClosing {
			end := strings.Index(rest, "</"+name+">")
			if end < 0 {
				end = len(rest)
			}
			t.body = rest[:end]
		}
		out = append(out, t)
		s = rest
	}
	return out
}

// xmlAttrs reads a start tag's attributes up to its '>', returning them
// unescaped, the text after the tag, and whether it closes itself.
func xmlAttrs(s string) (map[string]string, string, bool) {
	attrs := map[string]string{}
	i := 0
	for i < len(s) {
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
		if i >= len(s) {
			break
		}
		switch {
		case s[i] == '>':
			return attrs, s[i+1:], false
		case strings.HasPrefix(s[i:], "/>"):
			return attrs, s[i+2:], true
		}
		j := i
		for j < len(s) && !strings.ContainsRune(" \t\r\n=/>", rune(s[j])) {
			j++
		}
		name := s[i:j]
		for j < len(s) && strings.ContainsRune(" \t\r\n", rune(s[j])) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			i = max(j, i+1)
			continue
		}
		j++
		for j < len(s) && strings.ContainsRune(" \t\r\n", rune(s[j])) {
			j++
		}
		if j >= len(s) || s[j] != '"' && s[j] != '\'' {
			i = j
			continue
		}
		q := s[j]
		end := strings.IndexByte(s[j+1:], q)
		if end < 0 {
			break
		}
		attrs[name] = xmlText(s[j+1 : j+1+end])
		i = j + 1 + end + 1
	}
	return attrs, "", false
}

// xmlText is an element's or attribute's text unescaped and trimmed.
func xmlText(s string) string {
	return strings.TrimSpace(xmlEntities.Get().Replace(s))
}

// xmlCommandLines returns the command lines of a run configuration or a
// build file: each SCRIPT_TEXT option's value, each Maven executable with
// its arguments or commandlineArgs, and each Ant exec with its args.
func xmlCommandLines(content string) []string {
	var out []string
	if strings.Contains(content, "${") {
		content = mavenWords.Get().Replace(content) // ${user.home}/.ssh is ~/.ssh
	}
	for _, t := range xmlTags(content, "option") {
		if t.attrs["name"] == "SCRIPT_TEXT" {
			out = append(out, t.attrs["value"])
		}
	}
	for rest := content; len(out) < maxAutoRunLines; {
		k := strings.Index(rest, "<executable>")
		if k < 0 {
			break
		}
		rest = rest[k+len("<executable>"):]
		e := strings.Index(rest, "</executable>")
		if e < 0 {
			break
		}
		exe := xmlText(rest[:e])
		end := strings.Index(rest, "</configuration>")
		if end < 0 {
			end = len(rest)
		}
		conf := rest[e:end]
		argv := append([]string{exe}, xmlElements(conf, "argument")...)
		line := quoteArgv(argv)
		for _, raw := range xmlElements(conf, "commandlineArgs") {
			line += " " + raw // the plugin splits them as a shell does
		}
		out = append(out, line)
	}
	for _, t := range xmlTags(content, "exec") {
		line := t.attrs["command"] // Ant's old spelling: the whole line
		if x, ok := t.attrs["executable"]; ok {
			line = shellQuote(x)
		}
		if line == "" {
			continue
		}
		for _, a := range xmlTags(t.body, "arg") {
			if v, ok := a.attrs["value"]; ok {
				line += " " + shellQuote(v)
			} else if v, ok := a.attrs["line"]; ok {
				line += " " + v // split as a shell splits it
			}
		}
		out = append(out, line)
	}
	// Ant's <delete dir="…"/> and <delete file="…"/> (antrun's targets),
	// and the clean plugin's filesets: the rm -rf they are
	for _, t := range xmlTags(content, "delete") {
		for _, a := range [...]string{"dir", "file"} {
			if v, ok := t.attrs[a]; ok && v != "" {
				out = append(out, "rm -rf "+shellQuote(v))
			}
		}
	}
	for _, fs := range xmlElements(content, "fileset") {
		for _, d := range xmlElements(fs, "directory") {
			out = append(out, "rm -rf "+shellQuote(d))
		}
	}
	return out
}

// mavenWords are Maven's properties for the home and the project, in the
// shell's words.
var mavenWords = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("${user.home}", "~", "${env.HOME}", "~", "${project.basedir}", ".", "${basedir}", ".",
		"${project.build.directory}", "target")
}}
