package engine

import (
	"encoding/json"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A notebook (.ipynb) written now is run later (jupyter nbconvert
// --execute, papermill, a kernel's Run All), and that call names only the
// file. Its code cells are its script: their shell escapes (!cmd, %%bash
// cells, %system) are shell lines, and the rest of each cell is Python.

// notebookLines returns the command lines that run the code cells of a
// notebook's JSON: the shell escapes as they are, the Python with them
// taken out as a one-liner. Content that is not a notebook's JSON gives
// nil.
func notebookLines(content string) []string {
	var nb struct {
		Cells    []map[string]any `json:"cells"`
		Metadata struct {
			Kernelspec struct {
				Language string `json:"language"`
				Name     string `json:"name"`
			} `json:"kernelspec"`
			LanguageInfo struct {
				Name string `json:"name"`
			} `json:"language_info"`
		} `json:"metadata"`
	}
	if json.Unmarshal([]byte(content), &nb) != nil {
		return nil
	}
	lang := strings.ToLower(nb.Metadata.Kernelspec.Language)
	if lang == "" {
		lang = strings.ToLower(nb.Metadata.LanguageInfo.Name)
	}
	if lang == "" {
		lang = strings.ToLower(nb.Metadata.Kernelspec.Name)
	}
	var lines []string
	var py strings.Builder
	for _, c := range nb.Cells {
		code := notebookCell(c) // mcpwrites.go
		if code == "" {
			continue
		}
		if runner, ok := kernelRunners.Lookup(lang); ok {
			// a kernel of another language runs each cell as its own
			// code: a bash kernel's cells are shell lines
			if runner == "" {
				lines = append(lines, code)
			} else {
				lines = append(lines, runner+" "+shellQuote(code))
			}
			continue
		}
		if sh := shell.IPythonShell(code); sh != "" { // shell/ipython.go
			lines = append(lines, sh)
		}
		if strings.HasPrefix(strings.TrimLeft(code, " \t\r\n"), "%%") {
			continue // a cell magic's body is not Python
		}
		for l := range strings.SplitSeq(code, "\n") {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, "!") || strings.HasPrefix(t, "%") {
				continue // an escape or a line magic
			}
			py.WriteString(l)
			py.WriteByte('\n')
		}
	}
	if strings.TrimSpace(py.String()) != "" {
		lines = append(lines, "python3 -c "+shellQuote(py.String()))
	}
	return limitLines(lines)
}

// kernelRunners are the kernels of languages other than Python, by the
// language (or kernel name) a notebook's metadata gives, with the
// one-liner that runs a cell as they do ("" for a shell: the cell is the
// line).
var kernelRunners = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"bash": "", "sh": "", "zsh": "", "shell": "",
		"r": "Rscript -e", "ir": "Rscript -e", "julia": "julia -e", "ruby": "ruby -e", "javascript": "node -e", "perl": "perl -e", "typescript": "deno eval",
	}
}}
