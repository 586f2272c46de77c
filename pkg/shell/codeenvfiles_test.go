package shell

import (
	"slices"
	"testing"
)

func TestEnvFilesOpened(t *testing.T) {
	for code, want := range map[string][]string{
		`import os;print(open(os.environ["DB_PASSWORD_FILE"]).read())`:         {"DB_PASSWORD_FILE"},
		`puts File.read(ENV["API_TOKEN_FILE"])`:                                {"API_TOKEN_FILE"},
		`echo file_get_contents(getenv("SECRET_KEY_FILE"));`:                   {"SECRET_KEY_FILE"},
		`print(io.open(os.getenv("API_KEY_PATH")):read("a"))`:                  {"API_KEY_PATH"},
		`open F, $ENV{DB_PASS_FILE}; print <F>`:                                {"DB_PASS_FILE"},
		`require("fs").readFileSync(process.env.GITHUB_TOKEN_FILE)`:            {"GITHUB_TOKEN_FILE"},
		`import os;p=os.environ["DB_PASSWORD_FILE"];print(open(p).read())`:     {"DB_PASSWORD_FILE"},
		`const f = process.env.TOKEN_FILE; console.log(fs.readFileSync(f))`:    {"TOKEN_FILE"},
		`import os;print(os.environ["DB_PASSWORD_FILE"])`:                      nil,
		`import os;print(open("README.md").read(), os.environ.get("HOME"))`:    nil,
		`import os;open(os.path.join(os.environ["HOME"], "notes.txt")).read()`: {"HOME"},
	} {
		if got := envFilesOpened(code); !slices.Equal(got, want) {
			t.Errorf("envFilesOpened(%q) = %q, want %q", code, got, want)
		}
	}
}
