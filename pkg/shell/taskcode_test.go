package shell

import (
	"slices"
	"testing"
)

// TestTaskCode checks that code a framework's CLI runs in a scanned
// language (wp eval, drush php:eval, rails runner, manage.py shell -c,
// artisan tinker --execute) is read as that language's one-liner, so what
// it runs, deletes or reads is a command of its own; and that its other
// verbs run no code.
func TestTaskCode(t *testing.T) {
	for line, want := range map[string]string{
		`wp eval 'system("rm -rf /home/dev");'`:                                "rm",
		`wp @staging eval 'system("rm -rf /home/dev");'`:                       "rm",
		`drush ev 'passthru("rm -rf /home/dev");'`:                             "rm",
		`drush @prod php:eval 'shell_exec("rm -rf /srv/files");'`:              "rm",
		`rails runner 'system("rm -rf /home/dev")'`:                            "rm",
		`python manage.py shell -c 'import os; os.system("rm -rf /home/dev")'`: "rm",
		`php artisan tinker --execute='exec("rm -rf /home/dev");'`:             "rm",
		`wp eval 'echo get_option("siteurl");'`:                                "",
		`rails runner 'puts User.count'`:                                       "",
		`python manage.py migrate`:                                             "",
		`wp config get siteurl`:                                                "",
	} {
		var names []string
		for _, c := range Parse(line).Commands {
			if c.Synthetic {
				names = append(names, c.Name)
			}
		}
		if want == "" && len(names) > 0 || want != "" && !slices.Contains(names, want) {
			t.Errorf("%s: the code runs %q, want %q", line, names, want)
		}
	}
}
