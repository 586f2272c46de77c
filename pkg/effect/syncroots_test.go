package effect

import (
	"strings"
	"testing"
)

// TestSyncsThatEmptyOrForce: a sync with deletion onto another machine from
// a directory whose name says it is empty empties the remote path, as one
// from /tmp/empty does; unison sends its first root to its second and, with
// -force, makes the other side a copy that loses what it lacked; a deploy
// or a plain two-way sync destroys nothing.
func TestSyncsThatEmptyOrForce(t *testing.T) {
	for line, want := range map[string]bool{
		`rsync -rv --delete empty/ backup.internal:/srv/backups/`:                                  true,
		`rsync -a --delete ./empty-dir/ deploy@web01:/var/www/site/`:                               true,
		`rsync -a --delete /tmp/empty/ web01:/var/www/site/`:                                       true,
		`unison ~/project ssh://nas.local//srv/project -batch -force ssh://nas.local//srv/project`: true,
		`rsync -av --delete ./ backup.internal:/srv/backups/project/`:                              false,
		`rsync -a --delete dist/ web01.staging:/var/www/app/`:                                      false,
		`unison ~/project ssh://nas.local//srv/project -batch`:                                     false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Destroy
		}
		if got != want {
			t.Errorf("%s: destroys %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
	// unison's first root goes to the second: a home sent off is an archive
	// of the home leaving the machine
	found := false
	for _, e := range effectsOf(`unison /home/dev ssh://u@203.0.113.44//tmp/h -batch`) {
		found = found || e.Kind == Read && strings.HasPrefix(e.Path, "/home/dev")
	}
	if !found {
		t.Errorf("unison /home/dev …: no read of the home: %v", effectsOf(`unison /home/dev ssh://u@203.0.113.44//tmp/h -batch`))
	}
}
