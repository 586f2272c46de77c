package effect

import "testing"

// TestDestroyingOptionDeletes checks that an unknown program's option
// named for destroying (--rm-rf, --purge-dir=, --remove-recursive) deletes
// the paths it is given outside the project, the home included however it
// is written, while the project's own paths and options naming no
// destroying delete nothing.
func TestDestroyingOptionDeletes(t *testing.T) {
	for cmd, want := range map[string]bool{
		"mytool --rm-rf ~":                       true,
		"cachetool --rm-rf=$HOME":                true,
		"cachetool --rm-rf $HOME":                true,
		"wipe-tool --remove-recursive /home/dev": true,
		"sweeper --purge-dir=/home/dev":          true,
		"mytool --rm-rf ./dist":                  false,
		"mytool --config ~/.config/mytool.yml":   false,
		"mytool --no-delete ~/notes":             false,
		// any case: camelCase, PascalCase, capitals, run together
		"mytool --RmRf=/home/dev":                    true,
		"mytool --rmRf=$HOME":                        true,
		"mytool --RMRF ~":                            true,
		"mytool --rmrf=/home/dev":                    true,
		"mytool --deleteRecursive=/home/dev":         true,
		"tool --DeleteRecursive ~":                   true,
		"mytool --WipeDir=/home/dev":                 true,
		"mytool -o RmRf=/home/dev":                   true,
		"mytool --set rm-rf=~":                       true,
		"mytool -o output=/home/dev/out":             false,
		"mytool --RmRf=build/":                       false,
		"mytool --Home=/home/dev --verbose":          false,
		"mytool --rmrfOutput=/home/dev/project/dist": false,
	} {
		if got := hasEffect(effectsOf(cmd), "delete:recursive /home/dev"); got != want {
			t.Errorf("%s: delete of the home %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
