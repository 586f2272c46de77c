package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Gradle build files name their paths by Gradle's and the JVM's own
// words: the home as System.getProperty("user.home") or
// System.getenv("HOME"), in a string template ("${…}/.ssh") or joined
// with +; the project as project.rootDir, rootDir or projectDir; its
// output as buildDir. And they delete with Gradle's own calls (a Delete
// task's delete "…", project.delete(…), file(…).deleteDir(), Kotlin's
// File(…).deleteRecursively()), which run no command. gradleText puts
// the paths in the shell's words, so the quoted command lines read from
// the file (quotedLines) hold them; gradleDeletes reads each delete as
// the rm -rf it is.

// gradleWords are the spellings put in the shell's words, templates
// first (the whole ${…} is the path).
var gradleWords = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	var pairs []string
	for _, h := range []string{`System.getProperty('user.home')`, `System.getProperty("user.home")`, `System.getenv('HOME')`, `System.getenv("HOME")`} {
		pairs = append(pairs, "${"+h+"}", "~")
	}
	for _, h := range []string{`System.getProperty('user.home')`, `System.getProperty("user.home")`, `System.getenv('HOME')`, `System.getenv("HOME")`} {
		pairs = append(pairs, h, `"~"`)
	}
	for _, p := range []string{"${project.rootDir}", "${rootProject.rootDir}", "${rootDir}", "$rootDir", "${project.projectDir}", "${projectDir}", "$projectDir"} {
		pairs = append(pairs, p, ".")
	}
	pairs = append(pairs, "${buildDir}", "build", "$buildDir", "build", "${project.buildDir}", "build")
	return strings.NewReplacer(pairs...)
}}

// gradleFile reports a Gradle build or settings file, or an init script.
func gradleFile(lower string) bool {
	return strings.HasSuffix(lower, ".gradle") || strings.HasSuffix(lower, ".gradle.kts")
}

// gradleText is a Gradle file's text with its path words in the shell's.
func gradleText(content string) string {
	if !strings.Contains(content, "System.get") && !strings.Contains(content, "Dir") {
		return content
	}
	return gradleWords.Get().Replace(content)
}

// gradleDeletes returns, for each of a Gradle file's deletes, the rm -rf
// command line it is, when its path is spelled in literals (after
// gradleText, with names bound to literals put in place).
func gradleDeletes(content string) []string {
	if !strings.Contains(content, "delete") {
		return nil
	}
	var b strings.Builder
	for i := 0; i < len(content); {
		k := strings.Index(content[i:], "delete")
		if k < 0 {
			b.WriteString(content[i:])
			break
		}
		k += i
		b.WriteString(content[i:k])
		rest := content[k+len("delete"):]
		word := k == 0 || !isNameByte(content[k-1]) || content[k-1] == '.'
		switch {
		case k > 0 && content[k-1] == '.' && (strings.HasPrefix(rest, "Dir()") || strings.HasPrefix(rest, "Recursively()")):
			// file(P).deleteDir(), File(A, B).deleteRecursively(): the
			// receiver's path, written as one joined by "/"
			b.WriteString("rmrf")
			i = k + len("delete") + strings.IndexByte(rest, ')') + 1
			continue
		case word && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "(")):
			end := strings.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest)
			}
			arg := strings.TrimSpace(rest[:end])
			if strings.HasPrefix(arg, "(") {
				arg = arg[1:]
				if j := strings.LastIndexByte(arg, ')'); j >= 0 {
					arg = arg[:j]
				}
			}
			b.WriteString(`["rm", "-rf", ` + strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(arg, "file("), ")"), "files(") + "]\n")
			i = k + len("delete") + end
			continue
		}
		b.WriteString("delete")
		i = k + len("delete")
	}
	text := fileReceivers(b.String())
	var out []string
	for _, l := range shell.LiteralCommands(text) {
		if at := strings.Index(l, "rm -rf "); at >= 0 {
			out = append(out, l[at:]) // (a task's name before it joins the run)
		}
	}
	return out
}

// fileReceivers writes File(A, B).rmrf and file(P).rmrf (gradleDeletes'
// marks) as the list rm -rf A/B.
func fileReceivers(text string) string {
	for range maxAutoRunLines {
		k := strings.Index(text, ").rmrf")
		if k < 0 {
			return text
		}
		open := strings.LastIndex(text[:k], "File(")
		if o := strings.LastIndex(text[:k], "file("); o > open {
			open = o
		}
		if open < 0 {
			return text[:k] + text[k+len(").rmrf"):]
		}
		args := strings.Split(text[open+len("File("):k], ",")
		for j := range args {
			args[j] = strings.TrimSpace(args[j])
		}
		start := open
		if strings.HasSuffix(text[:open], "new ") {
			start -= len("new ")
		}
		text = text[:start] + `["rm", "-rf", ` + strings.Join(args, ` + "/" + `) + "]" + text[k+len(").rmrf"):]
	}
	return text
}
