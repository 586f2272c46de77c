package effect

import "testing"

// TestTargetVerbs: a program the catalogue lists with "target-verbs"
// (dbt) changes production when one of those verbs runs against a target
// naming it; the same verb against dev, its looks, and build in programs
// that do not list it (a compile) do not.
func TestTargetVerbs(t *testing.T) {
	for line, want := range map[string]bool{
		`dbt build --target prod`:                      true,
		`dbt build -t production --select orders+`:     true,
		`dbt --no-use-colors build --target=prod`:      true,
		`DBT_TARGET=prod dbt build`:                    true,
		`dbt retry --target prod`:                      true,
		`dbt run --target prod`:                        true,
		`dbt build --target dev`:                       false,
		`dbt build --select prod_orders --target dev`:  false,
		`dbt compile --target prod`:                    false,
		`dbt ls --target prod`:                         false,
		`vite build --mode production`:                 false,
		`depot build --target production -t api:dev .`: false,
		`mytool build --target prod`:                   false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Destroy && e.Detail == "production"
		}
		if got != want {
			t.Errorf("%s: changes production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
