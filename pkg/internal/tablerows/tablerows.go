// Package tablerows reads the engine's effect tables (pkg/engine/testdata)
// for other packages' tests that check a reading against every call the
// tables hold.
package tablerows

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// Exec gives the argument of every exec row of the tables in dir, with
// \n and \t read as the table runner reads them.
func Exec(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t")
	var lines []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			parts := strings.SplitN(sc.Text(), "\t", 4)
			switch {
			case len(parts) == 4 && parts[2] == "exec":
				lines = append(lines, unescape.Replace(parts[3]))
			case len(parts) == 3 && parts[1] == "exec":
				lines = append(lines, unescape.Replace(parts[2]))
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return lines, nil
}
